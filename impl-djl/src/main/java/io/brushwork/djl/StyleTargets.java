package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the style images contribute, computed once and shared by every tile of a stage: per layer,
 * the Gram matrix blended across styles (or, with regional masks, one per style), and for the
 * histogram loss each channel's sorted activations.
 */
final class StyleTargets implements AutoCloseable {
    private final NDManager manager;
    /** Per style (one entry when blended), per layer. */
    final List<Map<String, NDArray>> grams;
    /** Per style, its weight in the loss. */
    final List<Double> shares;
    /** Per histogram layer: [channel][sorted values] of the first style. */
    final Map<String, float[][]> sortedActivations;

    private StyleTargets(NDManager manager, List<Map<String, NDArray>> grams, List<Double> shares,
                         Map<String, float[][]> sortedActivations) {
        this.manager = manager;
        this.grams = grams;
        this.shares = shares;
        this.sortedActivations = sortedActivations;
    }

    /**
     * @param separate one target set per style (regional masks) instead of one blend
     */
    static StyleTargets compute(Vgg19Network network, List<NDArray> styles, List<Double> blend, List<String> layers,
                                List<String> histogramLayers, boolean separate, NDManager parent) {
        NDManager manager = parent.newSubManager();
        try {
            double total = blend.stream().mapToDouble(Double::doubleValue).sum();
            List<Map<String, NDArray>> grams = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            Map<String, float[][]> sorted = new LinkedHashMap<>();
            List<String> wanted = new ArrayList<>(layers);
            histogramLayers.stream().filter(l -> !wanted.contains(l)).forEach(wanted::add);
            for (int i = 0; i < styles.size(); i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray input = styles.get(i).duplicate();
                    input.attach(scope);
                    Map<String, NDArray> f = network.features(input, wanted);
                    float share = (float) (separate ? blend.get(i) : blend.get(i) / total);
                    if (separate || grams.isEmpty()) {
                        grams.add(new LinkedHashMap<>());
                        shares.add(separate ? blend.get(i) : 1.0);
                    }
                    Map<String, NDArray> target = grams.get(grams.size() - 1);
                    for (String layer : layers) {
                        NDArray gram = ArrayMath.scaled(GramMatrix.of(f.get(layer)), separate ? 1 : share);
                        NDArray sum = target.get(layer);
                        if (sum == null) {
                            gram.attach(manager);
                            target.put(layer, gram);
                        } else {
                            sum.addi(gram);
                        }
                    }
                    if (i == 0) {
                        for (String layer : histogramLayers) {
                            sorted.put(layer, HistogramLoss.sortedChannels(f.get(layer)));
                        }
                    }
                }
            }
            return new StyleTargets(manager, grams, shares, sorted);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
