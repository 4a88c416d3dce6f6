// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

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
    /** Per histogram layer: each channel's sorted values [C, H*W] of the first style. */
    final Map<String, NDArray> sortedActivations;

    private StyleTargets(NDManager manager, List<Map<String, NDArray>> grams, List<Double> shares,
                         Map<String, NDArray> sortedActivations) {
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
            Map<String, NDArray> sorted = new LinkedHashMap<>();
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
                            NDArray values = HistogramLoss.sortedChannels(f.get(layer));
                            values.attach(manager);
                            sorted.put(layer, values);
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

    /**
     * Loads the targets from {@code file} when it holds them, else computes and saves them there.
     * The file name is a hash of everything the targets depend on, so a changed input never
     * reuses stale targets; an unreadable or damaged file is recomputed and replaced.
     */
    static StyleTargets cached(java.nio.file.Path file, Vgg19Network network, List<NDArray> styles, List<Double> blend,
                               List<String> layers, List<String> histogramLayers, boolean separate, NDManager parent) {
        if (java.nio.file.Files.isRegularFile(file)) {
            try {
                return load(file, layers, histogramLayers, parent);
            } catch (RuntimeException damaged) {
                // Fall through: recompute and overwrite.
            }
        }
        StyleTargets computed = compute(network, styles, blend, layers, histogramLayers, separate, parent);
        computed.save(file);
        return computed;
    }

    private void save(java.nio.file.Path file) {
        Map<String, io.brushwork.zoo.Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < grams.size(); i++) {
            for (Map.Entry<String, NDArray> e : grams.get(i).entrySet()) {
                String key = "gram." + i + "." + e.getKey();
                tensors.put(key, io.brushwork.zoo.Tensor.of(key, e.getValue().getShape().getShape(),
                        e.getValue().toFloatArray()));
            }
        }
        for (Map.Entry<String, NDArray> e : sortedActivations.entrySet()) {
            String key = "sorted." + e.getKey();
            tensors.put(key, io.brushwork.zoo.Tensor.of(key, e.getValue().getShape().getShape(),
                    e.getValue().toFloatArray()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            meta.put("share." + i, Double.toString(shares.get(i)));
        }
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            io.brushwork.zoo.SafetensorsWriter.write(file, tensors, meta);
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StyleTargets.class).warn("cannot save style targets to {}: {}", file, e.toString());
        }
    }

    private static StyleTargets load(java.nio.file.Path file, List<String> layers, List<String> histogramLayers,
                                     NDManager parent) {
        NDManager manager = parent.newSubManager();
        try (io.brushwork.zoo.SafetensorsFile st = io.brushwork.zoo.SafetensorsFile.open(file)) {
            List<Map<String, NDArray>> grams = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (int i = 0; st.metadata().containsKey("share." + i); i++) {
                shares.add(Double.parseDouble(st.metadata().get("share." + i)));
                Map<String, NDArray> perLayer = new LinkedHashMap<>();
                for (String layer : layers) {
                    io.brushwork.zoo.Tensor t = st.read("gram." + i + "." + layer);
                    perLayer.put(layer, manager.create(t.data(), new ai.djl.ndarray.types.Shape(t.shape())));
                }
                grams.add(perLayer);
            }
            if (grams.isEmpty()) {
                throw new io.brushwork.ModelException(file + " holds no style targets");
            }
            Map<String, NDArray> sorted = new LinkedHashMap<>();
            for (String layer : histogramLayers) {
                io.brushwork.zoo.Tensor t = st.read("sorted." + layer);
                sorted.put(layer, manager.create(t.data(), new ai.djl.ndarray.types.Shape(t.shape())));
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
