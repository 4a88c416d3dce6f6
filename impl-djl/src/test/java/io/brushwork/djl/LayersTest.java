// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.brushwork.djl.nets.Layers;
import io.brushwork.djl.nets.NetworkWeights;
import io.brushwork.zoo.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The building blocks of {@link Layers}, against values worked out by hand and against PyTorch
 * ({@code networks/layers.safetensors}, made by the fixture script).
 */
class LayersTest {
    private static NDManager manager;
    private static Map<String, Tensor> torch;

    @BeforeAll
    static void start() {
        manager = PyTorchRuntime.engine().newBaseManager();
        torch = NetworkFixtures.read("layers.safetensors");
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static float[] run(Block block, float[] x, long... shape) {
        return run(block, manager.create(x, new Shape(shape))).toFloatArray();
    }

    private static NDArray run(Block block, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }

    private static NDArray array(Tensor t) {
        return manager.create(t.data(), new Shape(t.shape()));
    }

    private static float[] range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    // ---------------------------------------------------------------- reflection padding

    @Test
    void reflectionPaddingOfARampByHand() {
        // 0  1  2  3
        // 4  5  6  7
        // 8  9 10 11   padded by 2: mirrored about the edge sample, which is not repeated.
        NDArray out = run(Layers.reflectionPad(2), manager.create(range(12), new Shape(1, 1, 3, 4)));
        assertThat(out.getShape()).isEqualTo(new Shape(1, 1, 7, 8));
        float[] expected = {
            10, 9, 8, 9, 10, 11, 10, 9,
            6, 5, 4, 5, 6, 7, 6, 5,
            2, 1, 0, 1, 2, 3, 2, 1,
            6, 5, 4, 5, 6, 7, 6, 5,
            10, 9, 8, 9, 10, 11, 10, 9,
            6, 5, 4, 5, 6, 7, 6, 5,
            2, 1, 0, 1, 2, 3, 2, 1,
        };
        assertThat(out.toFloatArray()).containsExactly(expected);
    }

    @Test
    void reflectionPaddingEqualsPyTorchAndRefusesPaddingAsLargeAsThePicture() {
        float[] out = run(Layers.reflectionPad(3), torch.get("reflect.input").data(), 1, 2, 4, 5);
        assertThat(out).containsExactly(torch.get("reflect.pad3_output").data());
        assertThatThrownBy(() -> run(Layers.reflectionPad(3), range(12), 1, 1, 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reflection padding 3");
    }

    // ---------------------------------------------------------------- instance norm

    /** Two samples of two 2x2 channels; one channel constant (variance 0). */
    private static final float[] NORM_INPUT = {
        1, 2, 3, 4, /* c1 */ 5, 5, 5, 5,
        0, 0, 0, 8, /* c1 */ -1, 1, -1, 1,
    };

    @Test
    void instanceNormWithoutAffineByHand() {
        float[] out = run(Layers.instanceNorm(null, null, 1e-5f), NORM_INPUT, 2, 2, 2, 2);
        // Sample 0, channel 0: mean 2.5, biased variance 1.25.
        double s00 = Math.sqrt(1.25 + 1e-5);
        // Sample 1, channel 0: mean 2, variance (4 + 4 + 4 + 36) / 4 = 12; channel 1: mean 0, variance 1.
        double s10 = Math.sqrt(12 + 1e-5);
        double s11 = Math.sqrt(1 + 1e-5);
        double[] expected = {
            -1.5 / s00, -0.5 / s00, 0.5 / s00, 1.5 / s00, 0, 0, 0, 0,
            -2 / s10, -2 / s10, -2 / s10, 6 / s10, -1 / s11, 1 / s11, -1 / s11, 1 / s11,
        };
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) out[i]).as("element %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void instanceNormWithScaleShiftAndEpsByHand() {
        NDArray scale = manager.create(new float[] {2f, 0.5f});
        NDArray shift = manager.create(new float[] {3f, -1f});
        float[] out = run(Layers.instanceNorm(scale, shift, 1e-3f), NORM_INPUT, 2, 2, 2, 2);
        double s00 = Math.sqrt(1.25 + 1e-3);
        double s10 = Math.sqrt(12 + 1e-3);
        double s11 = Math.sqrt(1 + 1e-3);
        double[] expected = {
            3 - 3 / s00, 3 - 1 / s00, 3 + 1 / s00, 3 + 3 / s00, -1, -1, -1, -1,
            3 - 4 / s10, 3 - 4 / s10, 3 - 4 / s10, 3 + 12 / s10, -1 - 0.5 / s11, -1 + 0.5 / s11, -1 - 0.5 / s11,
            -1 + 0.5 / s11,
        };
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) out[i]).as("element %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void instanceNormEqualsPyTorch() {
        Tensor x = torch.get("instance_norm.input");
        float[] plain = run(Layers.instanceNorm(null, null, 1e-5f), x.data(), x.shape());
        assertThat(NetworkFixtures.maxDifference(plain, torch.get("instance_norm.output").data())).isLessThan(1e-5f);
        float[] affine = run(Layers.instanceNorm(array(torch.get("instance_norm.scale")),
                array(torch.get("instance_norm.shift")), 1e-3f), x.data(), x.shape());
        assertThat(NetworkFixtures.maxDifference(affine, torch.get("instance_norm.affine_eps3_output").data()))
                .isLessThan(1e-5f);
    }

    // ---------------------------------------------------------------- TensorFlow SAME padding

    /**
     * TensorFlow SAME: output ceil(size / stride); total padding max((out - 1) * stride + k - size, 0),
     * the odd one after. Worked out for each case in the comment.
     */
    @ParameterizedTest(name = "size {0}, kernel {1}, stride {2}: {3} before, {4} after")
    @CsvSource({
        "6, 3, 2, 0, 1",   // out 3: 2 * 2 + 3 - 6 = 1
        "5, 3, 2, 1, 1",   // out 3: 4 + 3 - 5 = 2
        "4, 3, 2, 0, 1",   // out 2: 2 + 3 - 4 = 1
        "7, 3, 2, 1, 1",   // out 4: 6 + 3 - 7 = 2
        "5, 3, 1, 1, 1",   // out 5: 4 + 3 - 5 = 2
        "6, 3, 1, 1, 1",   // out 6: 5 + 3 - 6 = 2
        "6, 9, 1, 4, 4",   // out 6: 5 + 9 - 6 = 8
        "5, 9, 1, 4, 4",   // out 5: 4 + 9 - 5 = 8
        "5, 4, 2, 1, 2",   // out 3: 4 + 4 - 5 = 3
        "6, 4, 2, 1, 1",   // out 3: 4 + 4 - 6 = 2
        "1, 3, 2, 1, 1",   // out 1: 0 + 3 - 1 = 2
    })
    void samePaddingSizes(int size, int kernel, int stride, int before, int after) {
        // Height `size`, width size + 1 (the other parity): both axes are checked, in the right order.
        int h = size;
        int w = size + 1;
        int[] wPad = samePad(w, kernel, stride);
        float[] ones = new float[h * w];
        java.util.Arrays.fill(ones, 1f);
        NDArray out = run(Layers.samePad(kernel, stride), manager.create(ones, new Shape(1, 1, h, w)));
        int ph = before + h + after;
        int pw = wPad[0] + w + wPad[1];
        assertThat(out.getShape()).isEqualTo(new Shape(1, 1, ph, pw));
        float[] v = out.toFloatArray();
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                boolean inside = y >= before && y < before + h && x >= wPad[0] && x < wPad[0] + w;
                assertThat(v[y * pw + x]).as("(%d, %d)", y, x).isEqualTo(inside ? 1f : 0f);
            }
        }
        // The convolution after it then gives TensorFlow's ceil(size / stride).
        assertThat((ph - kernel) / stride + 1).isEqualTo((h + stride - 1) / stride);
        assertThat((pw - kernel) / stride + 1).isEqualTo((w + stride - 1) / stride);
    }

    /** The same rule, for the width axis of the test above (checked against the table by the height axis). */
    private static int[] samePad(int size, int kernel, int stride) {
        int out = (size + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    // ---------------------------------------------------------------- nearest upsampling

    @Test
    void nearestUpsamplingByHandAndAgainstPyTorch() {
        float[] out = run(Layers.upsampleNearest(2), new float[] {1, 2, 3, 4, 5, 6}, 1, 1, 2, 3);
        assertThat(out).containsExactly(
                1, 1, 2, 2, 3, 3,
                1, 1, 2, 2, 3, 3,
                4, 4, 5, 5, 6, 6,
                4, 4, 5, 5, 6, 6);
        Tensor x = torch.get("upsample.input");
        assertThat(run(Layers.upsampleNearest(2), x.data(), x.shape()))
                .containsExactly(torch.get("upsample.nearest2_output").data());
    }

    // ---------------------------------------------------------------- transposed convolution

    private static NetworkWeights weights(Tensor weight, Tensor bias) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        Map<String, long[]> expected = new LinkedHashMap<>();
        t.put("t.weight", Tensor.of("t.weight", weight.shape(), weight.data()));
        expected.put("t.weight", weight.shape());
        if (bias != null) {
            t.put("t.bias", Tensor.of("t.bias", bias.shape(), bias.data()));
            expected.put("t.bias", bias.shape());
        }
        return NetworkWeights.of(new NetworkFixtures.MemoryWeightFile(t), expected, "test", manager);
    }

    /** One input sample spreads the kernel itself, unflipped, onto the output; neighbours two apart overlap. */
    @Test
    void transposedConvolutionByHand() {
        Tensor kernel = Tensor.of("k", new long[] {1, 1, 3, 3}, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Block one = Layers.convTranspose(weights(kernel, null), "t", 2, 0, 0, false);
        assertThat(run(one, new float[] {1}, 1, 1, 1, 1)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        // Input [1, 10], stride 2: out[r][c] = sum_i x[i] * K[r][c - 2i] -> width (2 - 1) * 2 + 3 = 5.
        float[] two = run(Layers.convTranspose(weights(kernel, null), "t", 2, 0, 0, false), new float[] {1, 10},
                1, 1, 1, 2);
        assertThat(two).containsExactly(
                1, 2, 3 + 10, 20, 30,
                4, 5, 6 + 40, 50, 60,
                7, 8, 9 + 70, 80, 90);
        // padding 1 crops one sample from every side; output_padding 1 adds one row and column after.
        float[] cropped = run(Layers.convTranspose(weights(kernel, null), "t", 2, 1, 1, false), new float[] {1, 10},
                1, 1, 1, 2);
        assertThat(cropped).containsExactly(
                5, 6 + 40, 50, 60,
                8, 9 + 70, 80, 90);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "s1p0op0, 1, 0, 0",
        "s1p1op0, 1, 1, 0",
        "s2p0op0, 2, 0, 0",
        "s2p0op1, 2, 0, 1",
        "s2p1op0, 2, 1, 0",
        "s2p1op1, 2, 1, 1",
        "k4s2p1nobias, 2, 1, 0",
        "k4s1p0latent, 1, 0, 0",
    })
    void transposedConvolutionEqualsPyTorch(String name, int stride, int padding, int outputPadding) {
        Tensor x = torch.get(name + ".input");
        Tensor bias = torch.get(name + ".bias");
        Tensor expected = torch.get(name + ".output");
        Block block = Layers.convTranspose(weights(torch.get(name + ".weight"), bias), "t", stride, padding,
                outputPadding, bias != null);
        NDArray out = run(block, manager.create(x.data(), new Shape(x.shape())));
        assertThat(out.getShape().getShape()).containsExactly(expected.shape());
        float diff = NetworkFixtures.maxDifference(out.toFloatArray(), expected.data());
        System.out.printf("convTranspose %s: max |Java - PyTorch| = %.3g%n", name, diff);
        assertThat(diff).isLessThan(1e-5f);
    }

    // ---------------------------------------------------------------- batch norm (inference)

    @Test
    void batchNormUsesRunningStatisticsByHand() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("bn.weight", Tensor.of("bn.weight", new long[] {2}, new float[] {2f, -1f}));
        t.put("bn.bias", Tensor.of("bn.bias", new long[] {2}, new float[] {0.5f, 1f}));
        t.put("bn.running_mean", Tensor.of("bn.running_mean", new long[] {2}, new float[] {1f, -2f}));
        t.put("bn.running_var", Tensor.of("bn.running_var", new long[] {2}, new float[] {4f, 0.25f}));
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (String k : t.keySet()) {
            expected.put(k, new long[] {2});
        }
        NetworkWeights w = NetworkWeights.of(new NetworkFixtures.MemoryWeightFile(t), expected, "test", manager);
        float[] out = run(Layers.batchNorm(w, "bn", 1e-5f), new float[] {1, 3, -2, 0}, 1, 2, 1, 2);
        double s0 = Math.sqrt(4 + 1e-5);
        double s1 = Math.sqrt(0.25 + 1e-5);
        double[] want = {0.5, 2 * 2 / s0 + 0.5, 1, -1 * 2 / s1 + 1};
        for (int i = 0; i < want.length; i++) {
            assertThat((double) out[i]).as("element %d", i).isCloseTo(want[i], within(1e-5));
        }
    }
}
