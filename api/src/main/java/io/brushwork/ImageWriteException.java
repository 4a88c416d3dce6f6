// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.jspecify.annotations.Nullable;

/** An image could not be written; the destination is left as it was. */
public class ImageWriteException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception caused by another failure.
     *
     * @param message what went wrong, starting with the destination where there is one
     * @param cause the underlying failure, or {@code null} if there is none
     */
    public ImageWriteException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception without a cause.
     *
     * @param message what went wrong, starting with the destination where there is one
     */
    public ImageWriteException(String message) {
        super(message);
    }
}
