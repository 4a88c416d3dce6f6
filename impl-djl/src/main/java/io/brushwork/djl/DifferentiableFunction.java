// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A scalar function of an array, with its gradient; what the optimisers minimise. */
interface DifferentiableFunction {
    /**
     * Evaluates at {@code point}. The returned gradient (same shape as the point) belongs to
     * {@code manager}; every other array made on the way is freed before returning.
     */
    Evaluation evaluate(NDArray point, NDManager manager);
}
