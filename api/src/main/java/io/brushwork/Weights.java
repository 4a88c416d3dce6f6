// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * The three loss weights of a Gatys run: content (feature MSE), style (Gram MSE) and total
 * variation (smoothness). The defaults are those of jcjohnson/neural-style.
 *
 * @param content multiplier of the content loss, finite and >= 0
 * @param style multiplier of the style loss, finite and >= 0
 * @param totalVariation multiplier of the total-variation loss, finite and >= 0
 */
public record Weights(double content, double style, double totalVariation) {
    /** content 5, style 100, total variation 1e-3 (neural-style's defaults). */
    public static final Weights DEFAULT = new Weights(5, 100, 1e-3);

    /**
     * Checks the weights.
     *
     * @param content multiplier of the content loss, finite and >= 0
     * @param style multiplier of the style loss, finite and >= 0
     * @param totalVariation multiplier of the total-variation loss, finite and >= 0
     * @throws InvalidOptionException if a weight is negative or not finite, or all three are 0
     */
    public Weights {
        check("content", content);
        check("style", style);
        check("totalVariation", totalVariation);
        if (content == 0 && style == 0 && totalVariation == 0) {
            throw new InvalidOptionException("weights", "at least one weight must be positive");
        }
    }

    /**
     * The given weights; the same as the constructor.
     *
     * @param content multiplier of the content loss, finite and >= 0
     * @param style multiplier of the style loss, finite and >= 0
     * @param totalVariation multiplier of the total-variation loss, finite and >= 0
     * @return the weights
     * @throws InvalidOptionException if a weight is negative or not finite, or all three are 0
     */
    public static Weights of(double content, double style, double totalVariation) {
        return new Weights(content, style, totalVariation);
    }

    /**
     * These weights with another content weight.
     *
     * @param value the new content weight, finite and >= 0
     * @return new weights; this object is unchanged
     */
    public Weights withContent(double value) {
        return new Weights(value, style, totalVariation);
    }

    /**
     * These weights with another style weight.
     *
     * @param value the new style weight, finite and >= 0
     * @return new weights; this object is unchanged
     */
    public Weights withStyle(double value) {
        return new Weights(content, value, totalVariation);
    }

    /**
     * These weights with another total-variation weight.
     *
     * @param value the new total-variation weight, finite and >= 0
     * @return new weights; this object is unchanged
     */
    public Weights withTotalVariation(double value) {
        return new Weights(content, style, value);
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidOptionException("weights." + name, "must be finite and >= 0, got " + v);
        }
    }
}
