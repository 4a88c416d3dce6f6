// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.Objects;

/**
 * One style image and its share in the blend of Gram targets (shares are normalised to sum to 1).
 *
 * @param image the style picture
 * @param blendWeight its share before normalisation, finite and > 0
 */
public record Style(RgbImage image, double blendWeight) {
    /**
     * Checks the components.
     *
     * @param image the style picture
     * @param blendWeight its share before normalisation, finite and > 0
     * @throws InvalidOptionException if {@code blendWeight} is not finite or not > 0
     */
    public Style {
        Objects.requireNonNull(image, "image");
        if (!Double.isFinite(blendWeight) || blendWeight <= 0) {
            throw new InvalidOptionException("style.blendWeight", "must be finite and > 0, got " + blendWeight);
        }
    }
}
