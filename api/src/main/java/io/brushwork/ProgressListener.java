// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * Receives progress from a running optimisation, on the thread that runs it. A listener that
 * throws ends the run (its native memory is released) and the exception reaches the caller.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Called after each iteration, on the thread that runs the optimisation.
     *
     * @param event the state of the run after that iteration
     */
    void onProgress(ProgressEvent event);
}
