// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** The Gram matrix of a feature map, normalised by its element count C*H*W (as neural-style does). */
final class GramMatrix {
    private GramMatrix() {
    }

    /** {@code features} [1, C, H, W] to [C, C]: one matmul of the flattened map with its transpose. */
    static NDArray of(NDArray features) {
        Shape s = features.getShape();
        long c = s.get(1);
        long hw = s.get(2) * s.get(3);
        NDArray flat = features.reshape(c, hw);
        return ArrayMath.scaled(flat.matMul(flat.transpose()), 1.0 / (c * hw));
    }
}
