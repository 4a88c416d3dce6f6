// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;

import org.jspecify.annotations.Nullable;

/**
 * A model file is malformed or hostile: its structure contradicts itself, its size, or the
 * format's rules. The message names the file and the problem.
 */
public final class ModelFormatException extends ModelException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message the problem, naming the file
     */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * An exception with the given message and the lower-level problem that revealed it.
     *
     * @param message the problem, naming the file
     * @param cause the lower-level problem, or null
     */
    public ModelFormatException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
