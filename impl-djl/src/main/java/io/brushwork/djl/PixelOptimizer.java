// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;

/** An iterative minimiser of a {@link DifferentiableFunction}; owns its native state until closed. */
interface PixelOptimizer extends AutoCloseable {
    /** One iteration. Returns false, doing nothing, once the optimiser has converged. */
    boolean step();

    /** The current point. */
    NDArray point();

    /**
     * The most recent evaluation: for L-BFGS at {@link #point()}, with its gradient; for Adam at the
     * point before the last update, without a gradient (null), which is freed with the step.
     */
    Evaluation latest();

    /** Function evaluations so far. */
    int evaluations();

    @Override
    void close();
}
