// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/** A run was cancelled through its handle or by interrupting its thread. */
public class RunCancelledException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a stopped run.
     *
     * @param message how the run was stopped, such as {@code run cancelled} or {@code run interrupted}
     */
    public RunCancelledException(String message) {
        super(message);
    }
}
