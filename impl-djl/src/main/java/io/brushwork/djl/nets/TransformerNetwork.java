// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * pytorch/examples' fast_neural_style {@code TransformerNet} (Johnson et al.): reflection-padded
 * convolutions with bias, affine instance norm (eps 1e-5), five residual blocks, nearest
 * upsampling then convolution instead of transposed convolutions. Input on 0..255; the output is
 * clamped to 0..255 as the example's {@code stylize} does. Sides must be multiples of 4. The base
 * width is read from the file (32 in the example).
 */
public final class TransformerNetwork {
    private static final float EPS = 1e-5f;

    private TransformerNetwork() {
    }

    /**
     * The tensors for base width {@code c} (32 in pytorch/examples: then 64 and 128 inside).
     *
     * @param c the base width: the first convolution's output channels
     * @return each tensor's key, in layer order, with its shape
     */
    public static Map<String, long[]> expectedKeys(long c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        conv(m, "conv1", c, 3, 9);
        norm(m, "in1", c);
        conv(m, "conv2", 2 * c, c, 3);
        norm(m, "in2", 2 * c);
        conv(m, "conv3", 4 * c, 2 * c, 3);
        norm(m, "in3", 4 * c);
        for (int r = 1; r <= 5; r++) {
            conv(m, "res" + r + ".conv1", 4 * c, 4 * c, 3);
            norm(m, "res" + r + ".in1", 4 * c);
            conv(m, "res" + r + ".conv2", 4 * c, 4 * c, 3);
            norm(m, "res" + r + ".in2", 4 * c);
        }
        conv(m, "deconv1", 2 * c, 4 * c, 3);
        norm(m, "in4", 2 * c);
        conv(m, "deconv2", c, 2 * c, 3);
        norm(m, "in5", c);
        conv(m, "deconv3", 3, c, 9);
        return m;
    }

    private static void conv(Map<String, long[]> m, String key, long out, long in, long k) {
        m.put(key + ".conv2d.weight", new long[] {out, in, k, k});
        m.put(key + ".conv2d.bias", new long[] {out});
    }

    private static void norm(Map<String, long[]> m, String key, long channels) {
        m.put(key + ".weight", new long[] {channels});
        m.put(key + ".bias", new long[] {channels});
    }

    /**
     * Builds the network from checked weights.
     *
     * @param w weights checked against {@link #expectedKeys}
     * @return the network, mapping [N, 3, H, W] pictures on 0..255 to stylised pictures of the same
     *     size; its output is not clamped
     */
    public static Block build(NetworkWeights w) {
        SequentialBlock net = new SequentialBlock();
        net.add(convNorm(w, "conv1", "in1", 9, 1, 1, true));
        net.add(convNorm(w, "conv2", "in2", 3, 2, 1, true));
        net.add(convNorm(w, "conv3", "in3", 3, 2, 1, true));
        for (int r = 1; r <= 5; r++) {
            String p = "res" + r;
            net.add(Layers.residual(new SequentialBlock()
                    .add(convNorm(w, p + ".conv1", p + ".in1", 3, 1, 1, true))
                    .add(convNorm(w, p + ".conv2", p + ".in2", 3, 1, 1, false))));
        }
        net.add(convNorm(w, "deconv1", "in4", 3, 1, 2, true));
        net.add(convNorm(w, "deconv2", "in5", 3, 1, 2, true));
        net.add(new SequentialBlock()
                .add(Layers.reflectionPad(4))
                .add(Layers.conv(w, "deconv3.conv2d", 1, 0, true)));
        return net;
    }

    private static Block convNorm(NetworkWeights w, String conv, String norm, int kernel, int stride, int upsample,
                                  boolean relu) {
        SequentialBlock b = new SequentialBlock();
        if (upsample > 1) {
            b.add(Layers.upsampleNearest(upsample));
        }
        b.add(Layers.reflectionPad(kernel / 2))
                .add(Layers.conv(w, conv + ".conv2d", stride, 0, true))
                .add(Layers.instanceNorm(w.array(norm + ".weight"), w.array(norm + ".bias"), EPS));
        if (relu) {
            b.add(Activation.reluBlock());
        }
        return b;
    }
}
