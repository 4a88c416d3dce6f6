// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;

/** Mean squared error between the Gram matrix of a layer's features and the (blended) style Gram target. */
final class StyleLoss {
    private StyleLoss() {
    }

    static NDArray of(NDArray features, NDArray targetGram) {
        return GramMatrix.of(features).sub(targetGram).square().mean();
    }
}
