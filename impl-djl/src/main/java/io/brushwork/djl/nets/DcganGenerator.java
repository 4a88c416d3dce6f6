// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl.nets;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DCGAN generator (Radford et al.): five 4x4 transposed convolutions without bias (the first
 * from 1x1 to 4x4, then doubling), batch norm (eps 1e-5) and ReLU between them, tanh at the end;
 * 64x64 pictures on -1..1 from latents of shape [nz, 1, 1]. Two key layouts carry it:
 * pytorch/examples' {@code main.N} Sequential and pytorch_GAN_zoo's named layers.
 */
public final class DcganGenerator {
    private static final float EPS = 1e-5f;

    /**
     * Where a layout keeps the five transposed convolutions and the four batch norms.
     *
     * @param convolutions the key prefixes of the five transposed convolutions, first to last
     * @param norms the key prefixes of the four batch norms, first to last
     */
    public record Layout(List<String> convolutions, List<String> norms) {
        /** pytorch/examples dcgan: {@code main.0, 3, 6, 9, 12} and {@code main.1, 4, 7, 10}. */
        public static final Layout EXAMPLES = new Layout(
                List.of("main.0", "main.3", "main.6", "main.9", "main.12"),
                List.of("main.1", "main.4", "main.7", "main.10"));
        /** pytorch_GAN_zoo DCGAN: {@code formatLayer}, {@code main.convTranspose1..3}, {@code main.outlayer}. */
        public static final Layout GAN_ZOO = new Layout(
                List.of("formatLayer", "main.convTranspose1", "main.convTranspose2", "main.convTranspose3", "main.outlayer"),
                List.of("main.batchNorm0", "main.batchNorm1", "main.batchNorm2", "main.batchNorm3"));
    }

    private DcganGenerator() {
    }

    /**
     * The expected tensors for latent size {@code nz}, base width {@code ngf} and {@code nc}
     * output channels (the file decides them: see {@link #dimensions}).
     *
     * @param layout where the file keeps the layers
     * @param nz the latent size
     * @param ngf the base width: the last hidden layer's channel count
     * @param nc the channel count of the pictures
     * @return each tensor's key under {@code layout}, in layer order, with its shape
     */
    public static Map<String, long[]> expectedKeys(Layout layout, long nz, long ngf, long nc) {
        long[] channels = {nz, ngf * 8, ngf * 4, ngf * 2, ngf, nc};
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            m.put(layout.convolutions().get(i) + ".weight", new long[] {channels[i], channels[i + 1], 4, 4});
            if (i < 4) {
                String bn = layout.norms().get(i);
                for (String p : new String[] {"weight", "bias", "running_mean", "running_var"}) {
                    m.put(bn + "." + p, new long[] {channels[i + 1]});
                }
            }
        }
        return m;
    }

    /**
     * nz, ngf and nc read from the first and last convolution shapes ([nz, 8 ngf, 4, 4] and [ngf, nc, 4, 4]).
     *
     * @param firstConvolution the shape of the first convolution's weight
     * @param lastConvolution the shape of the last convolution's weight
     * @return {@code {nz, ngf, nc}}
     */
    public static long[] dimensions(long[] firstConvolution, long[] lastConvolution) {
        return new long[] {firstConvolution[0], firstConvolution[1] / 8, lastConvolution[1]};
    }

    /**
     * Builds the generator from checked weights.
     *
     * @param w weights checked against {@link #expectedKeys} for the same layout
     * @param layout where the weights keep the layers
     * @return the network, mapping [N, nz, 1, 1] latents to [N, nc, 64, 64] pictures on -1..1
     */
    public static Block build(NetworkWeights w, Layout layout) {
        SequentialBlock net = new SequentialBlock();
        for (int i = 0; i < 5; i++) {
            net.add(Layers.convTranspose(w, layout.convolutions().get(i), i == 0 ? 1 : 2, i == 0 ? 0 : 1, 0, false));
            if (i < 4) {
                net.add(Layers.batchNorm(w, layout.norms().get(i), EPS)).add(Activation.reluBlock());
            }
        }
        return net.add(Activation.tanhBlock());
    }
}
