package io.brushwork.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
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
 * Gram targets blended across style images) and total variation, with its gradient with respect
 * to the pixels. Targets are computed once, at construction.
 */
final class GatysObjective implements DifferentiableFunction, AutoCloseable {
    private final Engine engine;
    private final Vgg19Network network;
    private final Weights weights;
    private final NDManager targets;
    private final Map<String, NDArray> contentTargets = new LinkedHashMap<>();
    private final Map<String, NDArray> styleTargets = new LinkedHashMap<>();
    private final Map<String, Double> styleLayerWeights;
    private final List<String> layers;

    /**
     * @param content content picture [1,3,H,W] on 0..255
     * @param styles style pictures, each [1,3,h,w] on 0..255
     * @param blend the styles' blend weights (normalised here to sum to 1)
     */
    GatysObjective(Engine engine, Vgg19Network network, Weights weights, List<String> contentLayers,
                   Map<String, Double> styleLayerWeights, NDArray content, List<NDArray> styles,
                   List<Double> blend, NDManager parent) {
        this.engine = engine;
        this.network = network;
        this.weights = weights;
        this.styleLayerWeights = new LinkedHashMap<>(styleLayerWeights);
        this.targets = parent.newSubManager();
        Set<String> all = new LinkedHashSet<>();
        if (weights.content() > 0) {
            all.addAll(contentLayers);
        }
        if (weights.style() > 0) {
            styleLayerWeights.forEach((layer, w) -> {
                if (w > 0) {
                    all.add(layer);
                }
            });
        }
        this.layers = new ArrayList<>(all);
        try {
            computeTargets(contentLayers, content, styles, blend);
        } catch (RuntimeException e) {
            targets.close();
            throw e;
        }
    }

    private void computeTargets(List<String> contentLayers, NDArray content, List<NDArray> styles, List<Double> blend) {
        if (weights.content() > 0) {
            try (NDManager scope = targets.newSubManager()) {
                NDArray input = content.duplicate();
                input.attach(scope);
                Map<String, NDArray> f = network.features(input, contentLayers);
                for (String layer : contentLayers) {
                    NDArray t = f.get(layer);
                    t.attach(targets);
                    contentTargets.put(layer, t);
                }
            }
        }
        if (weights.style() > 0) {
            List<String> styleLayers = activeStyleLayers();
            double total = blend.stream().mapToDouble(Double::doubleValue).sum();
            for (int i = 0; i < styles.size(); i++) {
                float share = (float) (blend.get(i) / total);
                try (NDManager scope = targets.newSubManager()) {
                    NDArray input = styles.get(i).duplicate();
                    input.attach(scope);
                    Map<String, NDArray> f = network.features(input, styleLayers);
                    for (String layer : styleLayers) {
                        NDArray gram = ArrayMath.scaled(GramMatrix.of(f.get(layer)), share);
                        NDArray sum = styleTargets.get(layer);
                        if (sum == null) {
                            gram.attach(targets);
                            styleTargets.put(layer, gram);
                        } else {
                            sum.addi(gram);
                        }
                    }
                }
            }
        }
    }

    private List<String> activeStyleLayers() {
        List<String> active = new ArrayList<>();
        styleLayerWeights.forEach((layer, w) -> {
            if (w > 0) {
                active.add(layer);
            }
        });
        return active;
    }

    @Override
    public Evaluation evaluate(NDArray point, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = point.duplicate();
            x.attach(scope);
            x.setRequiresGradient(true);
            NDArray terms;
            try (GradientCollector collector = engine.newGradientCollector()) {
                Map<String, NDArray> f = network.features(x, layers);
                NDArray content = scope.zeros(new ai.djl.ndarray.types.Shape());
                for (Map.Entry<String, NDArray> e : contentTargets.entrySet()) {
                    content = content.add(ContentLoss.of(f.get(e.getKey()), e.getValue()));
                }
                NDArray style = scope.zeros(new ai.djl.ndarray.types.Shape());
                for (Map.Entry<String, NDArray> e : styleTargets.entrySet()) {
                    style = style.add(ArrayMath.scaled(StyleLoss.of(f.get(e.getKey()), e.getValue()),
                            styleLayerWeights.get(e.getKey())));
                }
                NDArray tv = weights.totalVariation() > 0
                        ? TotalVariationLoss.of(x) : scope.zeros(new ai.djl.ndarray.types.Shape());
                terms = NDArrays.stack(new NDList(
                        ArrayMath.scaled(content, weights.content()),
                        ArrayMath.scaled(style, weights.style()),
                        ArrayMath.scaled(tv, weights.totalVariation())));
                collector.backward(terms.sum());
            }
            NDArray gradient = x.getGradient();
            gradient.attach(manager);
            float[] t = terms.stopGradient().toFloatArray();
            Losses losses = Losses.of(t[0], t[1], t[2]);
            return new Evaluation(losses.total(), gradient, losses);
        }
    }

    @Override
    public void close() {
        targets.close();
    }
}
