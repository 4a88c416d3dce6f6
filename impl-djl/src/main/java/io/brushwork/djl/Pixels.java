// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.brushwork.RgbImage;

/** Moves pictures between {@link RgbImage} and NDArrays of shape [1, 3, H, W] on the 0..255 scale. */
final class Pixels {
    private Pixels() {
    }

    static NDArray toArray(RgbImage image, NDManager manager) {
        return manager.create(image.planes(), new Shape(1, 3, image.height(), image.width()));
    }

    static RgbImage toImage(NDArray array) {
        Shape s = array.getShape();
        int h = (int) s.get(s.dimension() - 2);
        int w = (int) s.get(s.dimension() - 1);
        return RgbImage.of(w, h, array.toFloatArray());
    }
}
