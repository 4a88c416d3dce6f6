// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * The weighted loss terms at one point of an optimisation; {@code total} is their sum.
 *
 * @param content the content loss (feature MSE) times its weight
 * @param style the style loss (Gram MSE, summed over style layers) times its weight
 * @param totalVariation the total-variation loss times its weight
 * @param total the sum of the three terms, the value the optimiser minimises
 */
public record Losses(double content, double style, double totalVariation, double total) {
    /**
     * The losses with {@code total} computed as the sum of the three terms.
     *
     * @param content the weighted content loss
     * @param style the weighted style loss
     * @param totalVariation the weighted total-variation loss
     * @return the losses and their total
     */
    public static Losses of(double content, double style, double totalVariation) {
        return new Losses(content, style, totalVariation, content + style + totalVariation);
    }
}
