// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.jspecify.annotations.Nullable;

/** An image could not be read: missing, unreadable, empty, unsupported or corrupt. */
public class ImageReadException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without a cause.
     *
     * @param message what went wrong, starting with the name of the source (file, {@code <stream>}
     *     or {@code <bytes>})
     */
    public ImageReadException(String message) {
        super(message);
    }

    /**
     * Creates an exception caused by another failure.
     *
     * @param message what went wrong, starting with the name of the source (file, {@code <stream>}
     *     or {@code <bytes>})
     * @param cause the underlying failure, or {@code null} if there is none
     */
    public ImageReadException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
