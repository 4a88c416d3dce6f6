// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The on-device histogram loss against the host algorithm it replaced. */
class HistogramLossTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = PyTorchRuntime.engine().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void sameSizeStyleMatchesTheHostAlgorithm() {
        assertMatches(new Shape(1, 4, 6, 5), new Shape(1, 4, 6, 5), Function.identity());
    }

    @Test
    void otherSizeStylesMatchTheHostAlgorithm() {
        assertMatches(new Shape(1, 3, 7, 9), new Shape(1, 3, 4, 5), Function.identity());
        assertMatches(new Shape(1, 3, 4, 5), new Shape(1, 3, 11, 13), Function.identity());
    }

    /**
     * ReLU maps tie at zero; their targets may be dealt out in another order among them, which
     * leaves the loss unchanged and, since ReLU passes no gradient at zero, the gradient too.
     */
    @Test
    void reluTiesMatchTheHostAlgorithm() {
        assertMatches(new Shape(1, 5, 8, 8), new Shape(1, 5, 6, 7), Activation::relu);
    }

    /** The style targets outlive every step: nothing an evaluation makes may stay with them. */
    @Test
    void evaluationsLeaveNothingWithTheStyleTargets() {
        Random random = new Random(5);
        NDArray input = gaussian(new Shape(1, 3, 6, 6), random);
        try (NDManager targets = manager.newSubManager()) {
            NDArray style = HistogramLoss.sortedChannels(gaussian(new Shape(1, 3, 5, 4), random));
            style.attach(targets);
            int held = targets.getManagedArrays().size();
            try (NDManager scope = manager.newSubManager()) {
                gradient(input, scope, Function.identity(), x -> HistogramLoss.of(x, style));
            }
            assertThat(targets.getManagedArrays()).hasSize(held);
        }
    }

    @Test
    void styleTargetsAreSortedPerChannelOnTheDevice() {
        NDArray features = gaussian(new Shape(1, 3, 4, 5), new Random(3));
        float[] sorted = HistogramLoss.sortedChannels(features).toFloatArray();
        float[][] expected = hostSortedChannels(features);
        for (int c = 0; c < expected.length; c++) {
            assertThat(Arrays.copyOfRange(sorted, c * 20, (c + 1) * 20)).containsExactly(expected[c]);
        }
    }

    /**
     * Times one evaluation (loss and backward) on realistic layer sizes, old against new. Prints
     * numbers, asserts nothing about them: run with {@code -Dbrushwork.benchmark=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "brushwork.benchmark", matches = "true")
    void benchmark() {
        for (Shape shape : new Shape[] {new Shape(1, 256, 64, 64), new Shape(1, 64, 128, 128)}) {
            Random random = new Random(11);
            NDArray input = gaussian(shape, random);
            NDArray style = Activation.relu(gaussian(shape, random));
            float[][] hostStyle = hostSortedChannels(style);
            NDArray deviceStyle = HistogramLoss.sortedChannels(style);
            String host = millisPerEvaluation(input, x -> hostLoss(x, hostStyle));
            String device = millisPerEvaluation(input, x -> HistogramLoss.of(x, deviceStyle));
            System.out.printf("histogram loss %s: host %s, device %s%n", shape, host, device);
        }
    }

    /** Fastest and median of 15 timed evaluations: the fastest says the most on a busy machine. */
    private String millisPerEvaluation(NDArray input, Function<NDArray, NDArray> loss) {
        int warmUp = 3;
        double[] millis = new double[15];
        for (int i = -warmUp; i < millis.length; i++) {
            long start = System.nanoTime();
            try (NDManager scope = manager.newSubManager()) {
                gradient(input, scope, Activation::relu, loss);
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return String.format("fastest %.1f ms, median %.1f ms", millis[0], millis[millis.length / 2]);
    }

    private void assertMatches(Shape shape, Shape styleShape, Function<NDArray, NDArray> layer) {
        Random random = new Random(7);
        NDArray input = gaussian(shape, random);
        NDArray style = Activation.relu(gaussian(styleShape, random));
        float[][] hostStyle = hostSortedChannels(style);
        NDArray deviceStyle = HistogramLoss.sortedChannels(style);

        float[] expected = gradient(input, manager, layer, x -> hostLoss(x, hostStyle));
        float[] actual = gradient(input, manager, layer, x -> HistogramLoss.of(x, deviceStyle));

        assertThat(actual[0]).isCloseTo(expected[0], within(1e-6f * Math.abs(expected[0])));
        for (int i = 1; i < expected.length; i++) {
            assertThat(actual[i]).as("gradient %d", i - 1).isCloseTo(expected[i], within(1e-6f));
        }
    }

    /** The loss of {@code layer(input)}, then its gradient with respect to {@code input}. */
    private static float[] gradient(NDArray input, NDManager scope, Function<NDArray, NDArray> layer,
                                    Function<NDArray, NDArray> loss) {
        NDArray x = input.duplicate();
        x.attach(scope);
        x.setRequiresGradient(true);
        NDArray value;
        try (PixelGradients collector = PixelGradients.record()) {
            value = loss.apply(layer.apply(x));
            collector.backward(value);
        }
        float[] g = x.getGradient().toFloatArray();
        float[] out = new float[g.length + 1];
        out[0] = value.getFloat();
        System.arraycopy(g, 0, out, 1, g.length);
        return out;
    }

    private NDArray gaussian(Shape shape, Random random) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return manager.create(v, shape);
    }

    // The host algorithm the on-device loss replaced, kept as its reference.

    private static float[][] hostSortedChannels(NDArray features) {
        Shape s = features.getShape();
        int c = (int) s.get(1);
        int n = (int) (s.get(2) * s.get(3));
        float[] all = features.toFloatArray();
        float[][] out = new float[c][];
        for (int ch = 0; ch < c; ch++) {
            out[ch] = Arrays.copyOfRange(all, ch * n, (ch + 1) * n);
            Arrays.sort(out[ch]);
        }
        return out;
    }

    private static NDArray hostLoss(NDArray features, float[][] styleSorted) {
        Shape s = features.getShape();
        int c = (int) s.get(1);
        int n = (int) (s.get(2) * s.get(3));
        float[] values = features.stopGradient().toFloatArray();
        float[] target = new float[values.length];
        Integer[] order = new Integer[n];
        for (int ch = 0; ch < c; ch++) {
            int base = ch * n;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(values[base + a], values[base + b]));
            float[] style = styleSorted[ch];
            for (int rank = 0; rank < n; rank++) {
                int k = (int) ((long) rank * style.length / n);
                target[base + order[rank]] = style[k];
            }
        }
        NDArray remapped = features.getManager().create(target, s);
        return features.sub(remapped).square().mean();
    }
}
