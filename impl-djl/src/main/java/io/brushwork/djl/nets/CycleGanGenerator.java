// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CycleGAN's ResNet generator (junyanz/pytorch-CycleGAN-and-pix2pix: resnet_9blocks, also
 * resnet_6blocks; instance norm without affine parameters, reflection padding), keys
 * {@code model.N.*} as {@code nn.Sequential} numbers them; width and depth are read from the file. Input and output on -1..1; sides must be multiples of 4.
 */
public final class CycleGanGenerator {
    private static final float EPS = 1e-5f;
    /** Index of the first residual block in the Sequential. */
    private static final int FIRST_BLOCK = 10;

    private CycleGanGenerator() {
    }

    /**
     * The expected tensors for base width {@code ngf} (64 in the published models) and
     * {@code blocks} residual blocks (9 for resnet_9blocks, 6 for resnet_6blocks). Files trained
     * with dropout number a block's second convolution 6 instead of 5 (the dropout layer sits in
     * between); {@code dropout} selects that.
     *
     * @param ngf the base width: the first convolution's output channels
     * @param blocks the number of residual blocks
     * @param dropout whether the file was trained with dropout, numbering the second convolution 6
     * @return each tensor's {@code model.N.*} key, in layer order, with its shape
     */
    public static Map<String, long[]> expectedKeys(long ngf, int blocks, boolean dropout) {
        Map<String, long[]> m = new LinkedHashMap<>();
        conv(m, "model.1", ngf, 3, 7);
        conv(m, "model.4", 2 * ngf, ngf, 3);
        conv(m, "model.7", 4 * ngf, 2 * ngf, 3);
        for (int b = 0; b < blocks; b++) {
            String p = "model." + (FIRST_BLOCK + b) + ".conv_block.";
            conv(m, p + "1", 4 * ngf, 4 * ngf, 3);
            conv(m, p + (dropout ? "6" : "5"), 4 * ngf, 4 * ngf, 3);
        }
        int up = FIRST_BLOCK + blocks;
        transposed(m, "model." + up, 4 * ngf, 2 * ngf, 3);
        transposed(m, "model." + (up + 3), 2 * ngf, ngf, 3);
        conv(m, "model." + (up + 7), 3, ngf, 7);
        return m;
    }

    private static void conv(Map<String, long[]> m, String key, long out, long in, long k) {
        m.put(key + ".weight", new long[] {out, in, k, k});
        m.put(key + ".bias", new long[] {out});
    }

    /** ConvTranspose2d keeps its weights as [in, out, k, k]. */
    private static void transposed(Map<String, long[]> m, String key, long in, long out, long k) {
        m.put(key + ".weight", new long[] {in, out, k, k});
        m.put(key + ".bias", new long[] {out});
    }

    /**
     * Builds the generator from checked weights; dropout, an identity in inference, is left out.
     *
     * @param w weights checked against {@link #expectedKeys} with the same {@code blocks} and {@code dropout}
     * @param blocks the number of residual blocks
     * @param dropout whether the file numbers a block's second convolution 6 instead of 5
     * @return the network, mapping [N, 3, H, W] pictures on -1..1 to pictures of the same size on -1..1
     */
    public static Block build(NetworkWeights w, int blocks, boolean dropout) {
        SequentialBlock net = new SequentialBlock()
                .add(Layers.reflectionPad(3))
                .add(Layers.conv(w, "model.1", 1, 0, true))
                .add(norm())
                .add(Activation.reluBlock())
                .add(Layers.conv(w, "model.4", 2, 1, true))
                .add(norm())
                .add(Activation.reluBlock())
                .add(Layers.conv(w, "model.7", 2, 1, true))
                .add(norm())
                .add(Activation.reluBlock());
        for (int b = 0; b < blocks; b++) {
            String p = "model." + (FIRST_BLOCK + b) + ".conv_block.";
            net.add(Layers.residual(new SequentialBlock()
                    .add(Layers.reflectionPad(1))
                    .add(Layers.conv(w, p + "1", 1, 0, true))
                    .add(norm())
                    .add(Activation.reluBlock())
                    .add(Layers.reflectionPad(1))
                    .add(Layers.conv(w, p + (dropout ? "6" : "5"), 1, 0, true))
                    .add(norm())));
        }
        int up = FIRST_BLOCK + blocks;
        net.add(Layers.convTranspose(w, "model." + up, 2, 1, 1, true))
                .add(norm())
                .add(Activation.reluBlock())
                .add(Layers.convTranspose(w, "model." + (up + 3), 2, 1, 1, true))
                .add(norm())
                .add(Activation.reluBlock())
                .add(Layers.reflectionPad(3))
                .add(Layers.conv(w, "model." + (up + 7), 1, 0, true))
                .add(Activation.tanhBlock());
        return net;
    }

    private static Block norm() {
        return Layers.instanceNorm(null, null, EPS);
    }
}
