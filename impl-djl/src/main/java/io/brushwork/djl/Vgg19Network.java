// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.brushwork.ModelException;
import io.brushwork.Preprocessing;
import io.brushwork.Vgg19;
import io.brushwork.zoo.KeyMapping;
import io.brushwork.zoo.ModelEntry;
import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.WeightFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * VGG-19's feature layers as DJL blocks (3x3 convolutions with padding 1, ReLU, 2x2 max-pooling),
 * built only up to the deepest layer a run needs, with frozen weights. The input is a picture on
 * the 0..255 scale; the network applies its own preprocessing first, so callers optimise pixels.
 */
final class Vgg19Network implements AutoCloseable {
    private final NDManager manager;
    private final List<Block> layers;
    private final NDArray gain;
    private final NDArray offset;
    private final String description;

    private Vgg19Network(NDManager manager, List<Block> layers, Preprocessing preprocessing, String description) {
        this.manager = manager;
        this.layers = layers;
        this.description = description;
        float[] g = new float[3];
        float[] o = new float[3];
        for (int c = 0; c < 3; c++) {
            g[c] = (float) preprocessing.gain(c);
            o[c] = (float) preprocessing.forward(c, 0);
        }
        this.gain = manager.create(g, new Shape(1, 3, 1, 1));
        this.offset = manager.create(o, new Shape(1, 3, 1, 1));
    }

    /**
     * Loads the layers up to {@code deepest} (inclusive). Every weight needed is checked before
     * anything is built: a file that lacks a layer fails with one message listing what is missing.
     */
    static Vgg19Network load(Vgg19 spec, String deepest, NDManager parent) {
        return load(spec, deepest, io.brushwork.Pooling.MAX, parent);
    }

    /** As {@link #load(Vgg19, String, NDManager)}, with max or average pooling. */
    static Vgg19Network load(Vgg19 spec, String deepest, io.brushwork.Pooling pooling, NDManager parent) {
        int depth = Vgg19.layerIndex(deepest);
        NDManager manager = parent.newSubManager();
        try {
            Preprocessing preprocessing = spec.preprocessing().orElse(null);
            Map<Integer, float[][]> weights;
            if (spec.seed().isPresent()) {
                weights = randomWeights(spec.seed().getAsLong(), depth);
            } else if (spec.file().isPresent()) {
                weights = readWeights(spec.file().get(), depth);
            } else {
                ModelZoo zoo = ModelZoo.defaults();
                ModelEntry entry = zoo.catalog().require(spec.zooId().orElseThrow());
                if (preprocessing == null) {
                    preprocessing = entry.preprocessing().orElseThrow(() -> new ModelException("model zoo entry '"
                            + entry.id() + "' does not say how its input is preprocessed; use Vgg19.fromZoo(id, preprocessing)"));
                }
                weights = readWeights(zoo.resolve(entry), depth);
            }
            List<Block> layers = new ArrayList<>();
            for (int i = 0; i <= depth; i++) {
                String name = Vgg19.LAYERS.get(i);
                if (name.startsWith("conv")) {
                    int[] io = Vgg19.convChannels(i);
                    layers.add(conv(manager, io[0], io[1], weights.get(i)));
                } else if (name.startsWith("relu")) {
                    layers.add(Activation.reluBlock());
                } else {
                    layers.add(pooling == io.brushwork.Pooling.AVERAGE
                            ? Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0))
                            : Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                }
            }
            return new Vgg19Network(manager, layers, preprocessing, spec.toString());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Block conv(NDManager manager, int in, int out, float[][] wb) {
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(out)
                .build();
        conv.getParameters().get("weight").setArray(manager.create(wb[0], new Shape(out, in, 3, 3)));
        conv.getParameters().get("bias").setArray(manager.create(wb[1], new Shape(out)));
        conv.freezeParameters(true);
        // Arrays are set, so initialisation only records the input shape; nothing is drawn at random.
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, in, 224, 224));
        return conv;
    }

    private static Map<Integer, float[][]> readWeights(Path file, int depth) {
        try (WeightFile weights = WeightFile.open(file)) {
            Map<String, long[]> expected = new LinkedHashMap<>();
            for (int i = 0; i <= depth; i++) {
                int[] io = Vgg19.convChannels(i);
                if (io != null) {
                    expected.put("features." + i + ".weight", new long[] {io[1], io[0], 3, 3});
                    expected.put("features." + i + ".bias", new long[] {io[1]});
                }
            }
            // Deeper layers and the classifier are in a full file but not needed here.
            KeyMapping keys = KeyMapping.match(weights, expected, false);
            if (!keys.complete()) {
                List<String> problems = new ArrayList<>();
                for (String key : keys.missing()) {
                    problems.add(layerOf(key) + " needs '" + key + "', which is missing");
                }
                problems.addAll(keys.wrongShape());
                throw new ModelException("VGG-19 weights in " + file + " cannot serve layers up to "
                        + Vgg19.LAYERS.get(depth) + ": " + String.join("; ", problems)
                        + deepestAvailable(weights, keys.prefix()));
            }
            Map<Integer, float[][]> out = new HashMap<>();
            for (int i = 0; i <= depth; i++) {
                if (Vgg19.convChannels(i) != null) {
                    out.put(i, new float[][] {
                            weights.read(keys.fileKey("features." + i + ".weight")).data(),
                            weights.read(keys.fileKey("features." + i + ".bias")).data()});
                }
            }
            return out;
        }
    }

    /** {@code features.10.weight} to {@code conv3_1}. */
    private static String layerOf(String key) {
        return Vgg19.LAYERS.get(Integer.parseInt(key.split("\\.")[1]));
    }

    private static String deepestAvailable(WeightFile weights, String prefix) {
        String last = null;
        for (int i = 0; i < Vgg19.LAYERS.size(); i++) {
            if (Vgg19.convChannels(i) != null && weights.contains(prefix + "features." + i + ".weight")) {
                last = Vgg19.LAYERS.get(i);
            }
        }
        return last == null ? " (the file has no VGG-19 convolution weights)"
                : " (the file's deepest convolution is " + last + "; choose layers up to relu"
                + last.substring(4) + ")";
    }

    /** He-normal weights, zero biases; each layer seeded from (seed, layer) so depth does not change them. */
    private static Map<Integer, float[][]> randomWeights(long seed, int depth) {
        Map<Integer, float[][]> out = new HashMap<>();
        for (int i = 0; i <= depth; i++) {
            int[] io = Vgg19.convChannels(i);
            if (io == null) {
                continue;
            }
            Random random = new Random(seed * 1_000_003L + i);
            float[] w = new float[io[1] * io[0] * 9];
            double std = Math.sqrt(2.0 / (io[0] * 9));
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (random.nextGaussian() * std);
            }
            out.put(i, new float[][] {w, new float[io[1]]});
        }
        return out;
    }

    /**
     * Runs the network on {@code pixels} ([1,3,H,W], 0..255) and returns the activations of
     * {@code wanted} layers; stops after the deepest of them. Arrays belong to {@code pixels}'
     * manager.
     */
    Map<String, NDArray> features(NDArray pixels, Collection<String> wanted) {
        int deepest = -1;
        for (String w : wanted) {
            deepest = Math.max(deepest, Vgg19.layerIndex(w));
        }
        if (deepest >= layers.size()) {
            throw new IllegalStateException("layer " + Vgg19.LAYERS.get(deepest) + " was not loaded");
        }
        Set<String> want = Set.copyOf(wanted);
        ParameterStore store = new ParameterStore(pixels.getManager(), false);
        Map<String, NDArray> out = new HashMap<>();
        NDArray x = pixels.mul(gain).add(offset);
        for (int i = 0; i <= deepest; i++) {
            x = layers.get(i).forward(store, new NDList(x), true).singletonOrThrow();
            String name = Vgg19.LAYERS.get(i);
            if (want.contains(name)) {
                out.put(name, x);
            }
        }
        return out;
    }

    /** How many layers were built. */
    int depth() {
        return layers.size();
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        manager.close();
    }
}
