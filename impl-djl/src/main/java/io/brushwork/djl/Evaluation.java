// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import io.brushwork.Losses;

/**
 * A function's value and gradient at one point. {@code terms} breaks the value into its parts
 * where the function has them (null otherwise).
 */
record Evaluation(double value, NDArray gradient, Losses terms) {
}
