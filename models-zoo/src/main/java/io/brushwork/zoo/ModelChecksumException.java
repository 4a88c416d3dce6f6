// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;

/**
 * A model file is not the file the catalogue describes: its SHA-256 or its size differs from
 * what was published or recorded. The message names the file or URL, the expected and the
 * actual value.
 */
public final class ModelChecksumException extends ModelException {
    private static final long serialVersionUID = 1L;

    /** The published or recorded value. */
    private final String expected;
    /** The value the file has. */
    private final String actual;

    /**
     * An exception for one mismatch.
     *
     * @param source the file or URL that was checked
     * @param what what was compared, such as {@code SHA-256} or {@code size}
     * @param expected the published or recorded value
     * @param actual the value the file has
     */
    public ModelChecksumException(String source, String what, String expected, String actual) {
        super(source + ": " + what + " mismatch: expected " + expected + ", got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * The published or recorded value (a SHA-256, a prefix of one, or a size in bytes).
     *
     * @return the expected value, as text
     */
    public String expected() {
        return expected;
    }

    /**
     * The value the file has.
     *
     * @return the actual value, as text, in the same form as {@link #expected()}
     */
    public String actual() {
        return actual;
    }
}
