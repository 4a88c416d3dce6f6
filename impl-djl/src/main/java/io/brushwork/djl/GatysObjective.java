// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.brushwork.Losses;
import io.brushwork.Weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Gatys et al. loss of a picture: weighted content MSE, style Gram MSE (per-layer weights,
 * targets from {@link StyleTargets}, optionally restricted to regions by masks), optional
 * histogram loss, and total variation, with its gradient with respect to the pixels. Content
 * targets are computed once, at construction.
 */
final class GatysObjective implements DifferentiableFunction, AutoCloseable {
    /** Which terms, on which layers, with which weights. */
    record Terms(Weights weights, List<String> contentLayers, Map<String, Double> styleLayers,
                 boolean normalizeGradients, double histogramWeight, List<String> histogramLayers) {

        /** The terms a request asks for. */
        static Terms of(io.brushwork.StyleTransfer request) {
            return new Terms(request.weights(), request.contentLayers(), request.styleLayers(),
                    request.normalizeGradients(), request.histogramWeight(), request.histogramLayers());
        }

        /** Style layers whose weight is positive, in order. */
        List<String> activeStyleLayers() {
            List<String> active = new ArrayList<>();
            if (weights.style() > 0) {
                styleLayers.forEach((layer, w) -> {
                    if (w > 0) {
                        active.add(layer);
                    }
                });
            }
            return active;
        }

        List<String> activeHistogramLayers() {
            return histogramWeight > 0 ? histogramLayers : List.of();
        }

        /** Every layer the loss reads. */
        List<String> allLayers() {
            Set<String> all = new LinkedHashSet<>();
            if (weights.content() > 0) {
                all.addAll(contentLayers);
            }
            all.addAll(activeStyleLayers());
            all.addAll(activeHistogramLayers());
            return new ArrayList<>(all);
        }
    }

    private final Vgg19Network network;
    private final Terms terms;
    private final StyleTargets style;
    private final NDManager targets;
    private final Map<String, NDArray> contentTargets = new LinkedHashMap<>();
    /** Per style, its mask [1,1,H,W] in 0..1 at picture resolution, or null when the style applies everywhere. */
    private final List<NDArray> masks;
    private final List<String> layers;

    /**
     * @param content content picture [1,3,H,W] on 0..255
     * @param masks per style in {@code style}, a [1,1,H,W] mask or null; empty when unmasked
     */
    GatysObjective(Vgg19Network network, Terms terms, StyleTargets style, NDArray content,
                   List<NDArray> masks, NDManager parent) {
        this.network = network;
        this.terms = terms;
        this.style = style;
        this.masks = masks;
        this.layers = terms.allLayers();
        this.targets = parent.newSubManager();
        try {
            if (terms.weights().content() > 0) {
                try (NDManager scope = targets.newSubManager()) {
                    NDArray input = content.duplicate();
                    input.attach(scope);
                    Map<String, NDArray> f = network.features(input, terms.contentLayers());
                    for (String layer : terms.contentLayers()) {
                        NDArray t = f.get(layer);
                        t.attach(targets);
                        contentTargets.put(layer, t);
                    }
                }
            }
        } catch (RuntimeException e) {
            targets.close();
            throw e;
        }
    }

    @Override
    public Evaluation evaluate(NDArray point, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = point.duplicate();
            x.attach(scope);
            x.setRequiresGradient(true);
            NDArray values;
            try (PixelGradients collector = PixelGradients.record()) {
                Map<String, NDArray> f = network.features(x, layers);
                NDArray content = scope.zeros(new Shape());
                for (Map.Entry<String, NDArray> e : contentTargets.entrySet()) {
                    NDArray term = ContentLoss.of(f.get(e.getKey()), e.getValue());
                    content = content.add(normalized(term, f.get(e.getKey()), e.getValue(), null));
                }
                NDArray styleLoss = scope.zeros(new Shape());
                for (String layer : terms.activeStyleLayers()) {
                    NDArray features = f.get(layer);
                    for (int i = 0; i < style.grams.size(); i++) {
                        NDArray mask = masks.isEmpty() ? null : masks.get(i);
                        NDArray term = mask == null
                                ? StyleLoss.of(features, style.grams.get(i).get(layer))
                                : maskedStyleLoss(features, style.grams.get(i).get(layer), mask);
                        if (term == null) {
                            continue;
                        }
                        double w = terms.styleLayers().get(layer) * style.shares.get(i);
                        styleLoss = styleLoss.add(ArrayMath.scaled(
                                normalized(term, features, null, style.grams.get(i).get(layer)), w));
                    }
                }
                NDArray histogram = scope.zeros(new Shape());
                for (String layer : terms.activeHistogramLayers()) {
                    histogram = histogram.add(HistogramLoss.of(f.get(layer), style.sortedActivations.get(layer)));
                }
                NDArray tv = terms.weights().totalVariation() > 0
                        ? TotalVariationLoss.of(x) : scope.zeros(new Shape());
                values = NDArrays.stack(new NDList(
                        ArrayMath.scaled(content, terms.weights().content()),
                        // The histogram loss is a style term with its own weight.
                        ArrayMath.scaled(styleLoss, terms.weights().style())
                                .add(ArrayMath.scaled(histogram, terms.histogramWeight())),
                        ArrayMath.scaled(tv, terms.weights().totalVariation())));
                collector.backward(values.sum());
            }
            NDArray gradient = x.getGradient();
            gradient.attach(manager);
            float[] t = values.stopGradient().toFloatArray();
            Losses losses = Losses.of(t[0], t[1], t[2]);
            return new Evaluation(losses.total(), gradient, losses);
        }
    }

    /**
     * With gradient normalisation (neural-style's {@code -normalize_gradients}), a term is divided
     * by the L1 norm of its gradient with respect to its layer's features, held constant; this
     * balances layers whose raw gradients differ by orders of magnitude.
     */
    private NDArray normalized(NDArray term, NDArray features, NDArray contentTarget, NDArray gramTarget) {
        if (!terms.normalizeGradients()) {
            return term;
        }
        NDArray f = features.stopGradient();
        NDArray norm;
        if (contentTarget != null) {
            // d/dF mean((F - T)^2) = 2 (F - T) / N.
            norm = f.sub(contentTarget).abs().mean().mul(2f);
        } else {
            // d/dF mean((G - A)^2) with G = F F^T / M: 4 (G - A) F / (C^2 M).
            Shape s = f.getShape();
            long c = s.get(1);
            long m = c * s.get(2) * s.get(3);
            NDArray flat = f.reshape(c, -1);
            NDArray g = GramMatrix.of(f).sub(gramTarget);
            norm = g.matMul(flat).abs().sum().mul((float) (4.0 / ((double) c * c * m)));
        }
        return term.div(norm.add(1e-8f));
    }

    /**
     * Style loss on the masked region: the Gram matrix of the features weighted by the mask
     * (resized to the layer), normalised by the masked area; null where the mask is empty.
     */
    private static NDArray maskedStyleLoss(NDArray features, NDArray targetGram, NDArray mask) {
        Shape s = features.getShape();
        long c = s.get(1);
        NDArray m = resizeMask(mask, s.get(2), s.get(3));
        float area = m.sum().getFloat();
        if (area < 1e-3f) {
            return null;
        }
        NDArray flat = features.mul(m).reshape(c, -1);
        NDArray gram = ArrayMath.scaled(flat.matMul(flat.transpose()), 1.0 / (c * area));
        return gram.sub(targetGram).square().mean();
    }

    /** A mask at a layer's resolution: the average over each cell (area sampling). */
    private static NDArray resizeMask(NDArray mask, long h, long w) {
        Shape s = mask.getShape();
        long factor = s.get(2) / h;
        if (factor <= 1) {
            return mask;
        }
        NDArray cropped = mask.get(new ai.djl.ndarray.index.NDIndex(":, :, :" + h * factor + ", :" + w * factor));
        return cropped.reshape(1, 1, h, factor, w, factor).mean(new int[] {5}).mean(new int[] {3});
    }

    @Override
    public void close() {
        targets.close();
    }
}
