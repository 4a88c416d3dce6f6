// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.Images;
import io.brushwork.RgbImage;
import io.brushwork.zoo.SafetensorsWriter;
import io.brushwork.zoo.Tensor;
import io.brushwork.zoo.testing.VggFixture;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Small seeded-random networks with the real key layouts, for driving the CLI without real models. */
public final class NetworkFixtures {
    private NetworkFixtures() {
    }

    /**
     * An Engstrom fast-style network of base width {@code c} (the published ones have 32): the
     * ml5 / TensorFlow key names, transposed convolutions in PyTorch's [in, out, k, k] layout.
     */
    public static Path engstrom(Path file, int c, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        unit(t, random, "conv1", new long[] {c, 3, 9, 9}, c);
        unit(t, random, "conv2", new long[] {2 * c, c, 3, 3}, 2 * c);
        unit(t, random, "conv3", new long[] {4 * c, 2 * c, 3, 3}, 4 * c);
        for (int r = 1; r <= 5; r++) {
            unit(t, random, "res" + r + ".conv1", new long[] {4 * c, 4 * c, 3, 3}, 4 * c);
            unit(t, random, "res" + r + ".conv2", new long[] {4 * c, 4 * c, 3, 3}, 4 * c);
        }
        unit(t, random, "deconv1", new long[] {4 * c, 2 * c, 3, 3}, 2 * c);
        unit(t, random, "deconv2", new long[] {2 * c, c, 3, 3}, c);
        unit(t, random, "conv4", new long[] {3, c, 9, 9}, 3);
        SafetensorsWriter.write(file, t, Map.of());
        return file;
    }

    /** A convolution and its instance norm: scale near 1, shift near 0, so activations stay in range. */
    private static void unit(Map<String, Tensor> t, Random random, String key, long[] weight, int channels) {
        put(t, key + ".weight", weight, gaussian(random, weight, 0, 0.1));
        put(t, key + ".scale", new long[] {channels}, gaussian(random, new long[] {channels}, 1, 0.1));
        put(t, key + ".shift", new long[] {channels}, gaussian(random, new long[] {channels}, 0, 0.1));
    }

    /**
     * A pytorch/examples DCGAN generator ({@code main.N} keys) for latents of size {@code nz} and
     * base width {@code ngf}, making 64x64 RGB pictures.
     */
    public static Path dcgan(Path file, int nz, int ngf, long seed) {
        Random random = new Random(seed);
        int[] channels = {nz, 8 * ngf, 4 * ngf, 2 * ngf, ngf, 3};
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            long[] shape = {channels[i], channels[i + 1], 4, 4};
            put(t, "main." + (3 * i) + ".weight", shape, gaussian(random, shape, 0, 0.2));
            if (i < 4) {
                String bn = "main." + (3 * i + 1) + ".";
                long[] c = {channels[i + 1]};
                put(t, bn + "weight", c, gaussian(random, c, 1, 0.1));
                put(t, bn + "bias", c, gaussian(random, c, 0, 0.1));
                put(t, bn + "running_mean", c, gaussian(random, c, 0, 0.1));
                float[] variance = gaussian(random, c, 0, 1);
                for (int k = 0; k < variance.length; k++) {
                    variance[k] = 0.5f + Math.abs(variance[k]);
                }
                put(t, bn + "running_var", c, variance);
            }
        }
        SafetensorsWriter.write(file, t, Map.of());
        return file;
    }

    /** The files a small style transfer needs: a content and a style picture, VGG-19 weights to conv3_2. */
    public record StyleInputs(Path content, Path style, Path vgg) {
    }

    /** Writes {@link StyleInputs} into {@code dir}, the content picture {@code width} x {@code height}. */
    public static StyleInputs styleInputs(Path dir, int width, int height) {
        Path content = dir.resolve("content.png");
        Images.write(picture(width, height, 1), content);
        Path style = dir.resolve("style.png");
        Images.write(picture(40, 40, 9), style);
        return new StyleInputs(content, style, VggFixture.write(dir.resolve("vgg.safetensors"), "conv3_2", 3));
    }

    /** A picture with smooth gradients and some texture, so that networks have something to change. */
    public static RgbImage picture(int width, int height, int seed) {
        float[] p = new float[3 * width * height];
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                p[i] = 255f * x / Math.max(1, width - 1);
                p[plane + i] = 255f * y / Math.max(1, height - 1);
                p[2 * plane + i] = ((x * 7 + y * 13 + seed * 31) % 64) * 4;
            }
        }
        return RgbImage.of(width, height, p);
    }

    private static void put(Map<String, Tensor> t, String name, long[] shape, float[] values) {
        t.put(name, Tensor.of(name, shape, values));
    }

    private static float[] gaussian(Random random, long[] shape, double mean, double std) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (mean + std * random.nextGaussian());
        }
        return v;
    }
}
