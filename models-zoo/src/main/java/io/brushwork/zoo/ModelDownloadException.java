// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;

import java.net.URI;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * A model file could not be downloaded: the server answered with an error status, the
 * connection failed or stalled, or it dropped before the end. Nothing is left in the cache.
 */
public final class ModelDownloadException extends ModelException {
    private static final long serialVersionUID = 1L;

    /** The URL that was requested. */
    private final URI url;
    /** The HTTP status the server answered, or -1 if there was no answer. */
    private final int status;

    /**
     * An exception for a failed download.
     *
     * @param url the URL that was requested
     * @param status the HTTP status the server answered, or -1 if there was no answer
     * @param message the problem, naming the URL
     * @param cause the lower-level problem, or null
     */
    public ModelDownloadException(URI url, int status, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.url = url;
        this.status = status;
    }

    /**
     * The URL that was requested.
     *
     * @return the requested URL
     */
    public URI url() {
        return url;
    }

    /**
     * The HTTP status of the server's answer, if there was one.
     *
     * @return the status code, or empty when the connection failed before an answer
     */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
