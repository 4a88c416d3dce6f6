// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo.testing;

import io.brushwork.Vgg19;
import io.brushwork.zoo.SafetensorsWriter;
import io.brushwork.zoo.Tensor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Writes VGG-19 weight files with seeded random values of the real shapes, for tests. */
public final class VggFixture {
    private VggFixture() {
    }

    /**
     * A safetensors file with torchvision keys for every convolution up to and including
     * {@code deepestConv} (e.g. {@code conv2_1}), He-scaled Gaussian weights and small biases.
     */
    public static Path write(Path file, String deepestConv, long seed) {
        int depth = Vgg19.layerIndex(deepestConv);
        Random random = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i <= depth; i++) {
            int[] io = Vgg19.convChannels(i);
            if (io == null) {
                continue;
            }
            float[] w = new float[io[1] * io[0] * 9];
            double std = Math.sqrt(2.0 / (io[0] * 9));
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (random.nextGaussian() * std);
            }
            float[] b = new float[io[1]];
            for (int k = 0; k < b.length; k++) {
                b[k] = (float) (random.nextGaussian() * 0.01);
            }
            String key = "features." + i;
            tensors.put(key + ".weight", Tensor.of(key + ".weight", new long[] {io[1], io[0], 3, 3}, w));
            tensors.put(key + ".bias", Tensor.of(key + ".bias", new long[] {io[1]}, b));
        }
        SafetensorsWriter.write(file, tensors, Map.of("fixture", "random VGG-19 up to " + deepestConv));
        return file;
    }
}
