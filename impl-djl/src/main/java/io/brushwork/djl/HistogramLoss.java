// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * The histogram loss of Risser, Wilmot and Barnes (2017): each channel's activations are remapped
 * so their histogram is the style's (exact histogram matching by rank), and the loss is the mean
 * squared distance to that remapped copy, which is a constant for the gradient.
 */
final class HistogramLoss {
    private HistogramLoss() {
    }

    /** Each channel's values sorted: [C][H*W] from [1, C, H, W]. */
    static float[][] sortedChannels(NDArray features) {
        Shape s = features.getShape();
        int c = (int) s.get(1);
        int n = (int) (s.get(2) * s.get(3));
        float[] all = features.toFloatArray();
        float[][] out = new float[c][];
        for (int ch = 0; ch < c; ch++) {
            out[ch] = Arrays.copyOfRange(all, ch * n, (ch + 1) * n);
            Arrays.sort(out[ch]);
        }
        return out;
    }

    /** Mean squared distance of {@code features} to their histogram-matched copy. */
    static NDArray of(NDArray features, float[][] styleSorted) {
        Shape s = features.getShape();
        int c = (int) s.get(1);
        int n = (int) (s.get(2) * s.get(3));
        float[] values = features.stopGradient().toFloatArray();
        float[] target = new float[values.length];
        Integer[] order = new Integer[n];
        for (int ch = 0; ch < c; ch++) {
            int base = ch * n;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(values[base + a], values[base + b]));
            float[] style = styleSorted[ch];
            for (int rank = 0; rank < n; rank++) {
                // The style map may have another size: take the value at the same quantile.
                int k = (int) ((long) rank * style.length / n);
                target[base + order[rank]] = style[k];
            }
        }
        NDArray remapped = features.getManager().create(target, s);
        return features.sub(remapped).square().mean();
    }
}
