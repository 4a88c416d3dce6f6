// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Squared total variation of a picture [1,3,H,W] in pixel units: half the sum of squared
 * differences between horizontal and vertical neighbours, the smoothness term whose gradient
 * neural-style uses.
 */
final class TotalVariationLoss {
    private TotalVariationLoss() {
    }

    static NDArray of(NDArray pixels) {
        NDArray dx = pixels.get(new NDIndex(":, :, :, 1:")).sub(pixels.get(new NDIndex(":, :, :, :-1")));
        NDArray dy = pixels.get(new NDIndex(":, :, 1:, :")).sub(pixels.get(new NDIndex(":, :, :-1, :")));
        return ArrayMath.scaled(dx.square().sum().add(dy.square().sum()), 0.5);
    }
}
