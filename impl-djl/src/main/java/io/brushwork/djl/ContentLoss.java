// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;

/** Mean squared error between a layer's features and the content image's features at that layer. */
final class ContentLoss {
    private ContentLoss() {
    }

    static NDArray of(NDArray features, NDArray target) {
        return features.sub(target).square().mean();
    }
}
