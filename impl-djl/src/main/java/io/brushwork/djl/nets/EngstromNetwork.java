// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engstrom's fast-style-transfer network (the ml5 / TensorFlow checkpoints): convolutions without
 * bias, each followed by instance norm (eps 1e-3, scale and shift), TensorFlow SAME padding,
 * five residual blocks, two transposed convolutions, output {@code tanh(x) * 150 + 127.5}.
 * Input and output on 0..255; sides must be multiples of 4. The base width is read from the
 * file (32 in the published networks).
 */
public final class EngstromNetwork {
    private static final float EPS = 1e-3f;

    private EngstromNetwork() {
    }

    /**
     * The tensors for base width {@code c} (32 in the published networks: then 64 and 128 inside).
     *
     * @param c the base width: the first convolution's output channels
     * @return each tensor's key, in layer order, with its shape
     */
    public static Map<String, long[]> expectedKeys(long c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        unit(m, "conv1", new long[] {c, 3, 9, 9}, c);
        unit(m, "conv2", new long[] {2 * c, c, 3, 3}, 2 * c);
        unit(m, "conv3", new long[] {4 * c, 2 * c, 3, 3}, 4 * c);
        for (int r = 1; r <= 5; r++) {
            unit(m, "res" + r + ".conv1", new long[] {4 * c, 4 * c, 3, 3}, 4 * c);
            unit(m, "res" + r + ".conv2", new long[] {4 * c, 4 * c, 3, 3}, 4 * c);
        }
        // Transposed convolutions keep PyTorch's [in, out, k, k] layout.
        unit(m, "deconv1", new long[] {4 * c, 2 * c, 3, 3}, 2 * c);
        unit(m, "deconv2", new long[] {2 * c, c, 3, 3}, c);
        unit(m, "conv4", new long[] {3, c, 9, 9}, 3);
        return m;
    }

    /** A convolution and the instance norm after it. */
    private static void unit(Map<String, long[]> m, String key, long[] weight, long channels) {
        m.put(key + ".weight", weight);
        m.put(key + ".scale", new long[] {channels});
        m.put(key + ".shift", new long[] {channels});
    }

    /**
     * Builds the network from checked weights.
     *
     * @param w weights checked against {@link #expectedKeys}
     * @return the network, mapping [N, 3, H, W] pictures on 0..255 to stylised pictures of the same
     *     size; its output, {@code tanh(x) * 150 + 127.5}, is not clamped
     */
    public static Block build(NetworkWeights w) {
        SequentialBlock net = new SequentialBlock();
        net.add(convNorm(w, "conv1", 9, 1, true));
        net.add(convNorm(w, "conv2", 3, 2, true));
        net.add(convNorm(w, "conv3", 3, 2, true));
        for (int r = 1; r <= 5; r++) {
            SequentialBlock body = new SequentialBlock()
                    .add(convNorm(w, "res" + r + ".conv1", 3, 1, true))
                    .add(convNorm(w, "res" + r + ".conv2", 3, 1, false));
            net.add(Layers.residual(body));
        }
        net.add(deconvNorm(w, "deconv1"));
        net.add(deconvNorm(w, "deconv2"));
        net.add(convNorm(w, "conv4", 9, 1, false));
        net.add(Activation.tanhBlock());
        net.add(Layers.affine(150f, 127.5f));
        return net;
    }

    private static Block convNorm(NetworkWeights w, String key, int kernel, int stride, boolean relu) {
        SequentialBlock b = new SequentialBlock()
                .add(Layers.samePad(kernel, stride))
                .add(Layers.conv(w, key, stride, 0, false))
                .add(Layers.instanceNorm(w.array(key + ".scale"), w.array(key + ".shift"), EPS));
        if (relu) {
            b.add(Activation.reluBlock());
        }
        return b;
    }

    /** TensorFlow's SAME transposed convolution of stride 2: PyTorch's full one (2n+1) without its last row and column. */
    private static Block deconvNorm(NetworkWeights w, String key) {
        return new SequentialBlock()
                .add(Layers.convTranspose(w, key, 2, 0, 0, false))
                .add(Layers.cropLastRowAndColumn())
                .add(Layers.instanceNorm(w.array(key + ".scale"), w.array(key + ".shift"), EPS))
                .add(Activation.reluBlock());
    }
}
