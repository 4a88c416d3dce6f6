// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.jspecify.annotations.Nullable;

/** No engine could run the request, or the engine failed while running it. */
public class EngineException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without a cause.
     *
     * @param message what went wrong, naming the engine or the missing dependency where known
     */
    public EngineException(String message) {
        super(message);
    }

    /**
     * Creates an exception caused by another failure.
     *
     * @param message what went wrong, naming the engine or the missing dependency where known
     * @param cause the underlying failure, or {@code null} if there is none
     */
    public EngineException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
