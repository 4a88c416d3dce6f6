// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import io.brushwork.EngineException;
import io.brushwork.Losses;

/**
 * A function's value and gradient at one point. {@code terms} breaks the value into its parts
 * where the function has them (null otherwise).
 */
record Evaluation(double value, NDArray gradient, Losses terms) {
    /**
     * This evaluation, if its value is finite: a NaN or infinite loss would otherwise be carried
     * into every later step and end as a black or garbage picture.
     *
     * @param evaluations how many evaluations the run has made, this one included
     * @return this evaluation
     * @throws EngineException when the value is NaN or infinite
     */
    Evaluation requireFinite(int evaluations) {
        if (!Double.isFinite(value)) {
            throw new EngineException("the loss became " + value + " after " + evaluations
                    + " evaluations; lower the learning rate or the weights");
        }
        return this;
    }
}
