// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The histogram loss of Risser, Wilmot and Barnes (2017): each channel's activations are remapped
 * so their histogram is the style's (exact histogram matching by rank), and the loss is the mean
 * squared distance to that remapped copy, which is a constant for the gradient.
 *
 * <p>Everything stays on the engine's device: copying feature maps to the host and sorting them
 * there dominated the cost of an evaluation. Every array is made by the manager of the features,
 * the step's scoped manager.
 */
final class HistogramLoss {
    private HistogramLoss() {
    }

    /** Each channel's values sorted: [C, H*W] from [1, C, H, W], made by the manager of {@code features}. */
    static NDArray sortedChannels(NDArray features) {
        return channels(features.stopGradient()).sort(1);
    }

    /**
     * Mean squared distance of {@code features} to their histogram-matched copy.
     *
     * @param styleSorted the style's {@linkplain #sortedChannels sorted channels}
     */
    static NDArray of(NDArray features, NDArray styleSorted) {
        NDArray values = channels(features.stopGradient());
        long n = values.getShape().get(1);
        long styleN = styleSorted.getShape().get(1);
        NDArray atRank = styleSorted;
        if (styleN != n) {
            // The style map may have another size: take the value at the same quantile,
            // floor(rank * styleN / n). In float64 this is exact: rank * styleN < 2^53, and a
            // quotient that is not an integer is at least 1/n below the next one.
            NDArray k = features.getManager().arange(0f, n, 1f, DataType.FLOAT64)
                    .mul((double) styleN).div((double) n).floor().toType(DataType.INT64, false);
            atRank = styleSorted.get(new NDIndex(":, {}", k));
            // An operation's result belongs to its array's manager: the style's outlives the step.
            atRank.attach(features.getManager());
        }
        // The element of rank r gets the style value at rank r: scatter through the sort order.
        NDArray order = values.argSort(1);
        NDArray remapped = values.zerosLike().scatter(order, atRank, 1).reshape(features.getShape());
        return features.sub(remapped).square().mean();
    }

    private static NDArray channels(NDArray features) {
        Shape s = features.getShape();
        return features.reshape(s.get(1), s.get(2) * s.get(3));
    }
}
