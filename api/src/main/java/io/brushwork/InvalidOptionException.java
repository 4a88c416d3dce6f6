// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/** An option given to a builder is out of range, inconsistent or unknown. */
public class InvalidOptionException extends BrushworkException {
    private static final long serialVersionUID = 1L;
    /** The name of the offending option. */
    private final String option;

    /**
     * Creates the exception; its message is {@code option + ": " + message}.
     *
     * @param option the name of the offending option, as the builder method is named, such as
     *     {@code iterations} or {@code weights.style}
     * @param message what is wrong with the value, usually ending with the value given
     */
    public InvalidOptionException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    /**
     * The name of the offending option, as the builder method is named.
     *
     * @return the option name, such as {@code size} or {@code optimizer.learningRate}
     */
    public String option() {
        return option;
    }
}
