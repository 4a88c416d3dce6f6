// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.jspecify.annotations.Nullable;

/** A model file is missing, malformed, hostile, or does not fit the architecture asked for. */
public class ModelException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without a cause.
     *
     * @param message what is wrong with the model, naming its file or model zoo id
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * Creates an exception caused by another failure.
     *
     * @param message what is wrong with the model, naming its file or model zoo id
     * @param cause the underlying failure, or {@code null} if there is none
     */
    public ModelException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
