package io.brushwork;

import java.util.Objects;

/**
 * One style image and its share in the blend of Gram targets (shares are normalised to sum to 1).
 */
public record Style(RgbImage image, double blendWeight) {
    public Style {
        Objects.requireNonNull(image, "image");
        if (!Double.isFinite(blendWeight) || blendWeight <= 0) {
            throw new InvalidOptionException("style.blendWeight", "must be finite and > 0, got " + blendWeight);
        }
    }
}
