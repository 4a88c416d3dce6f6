// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception Brushwork throws. Unchecked so that Kotlin and Scala callers, and
 * lambdas, are not forced into try/catch; each subtype names one kind of problem.
 */
public class BrushworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without a cause.
     *
     * @param message what went wrong
     */
    public BrushworkException(String message) {
        super(message);
    }

    /**
     * Creates an exception caused by another failure.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null} if there is none
     */
    public BrushworkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
