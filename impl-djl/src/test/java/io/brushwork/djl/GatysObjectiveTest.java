// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.brushwork.Preprocessing;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Losses checked against plain-Java formulas, gradients against central finite differences. */
class GatysObjectiveTest {
    private static final int SIDE = 12;
    private static NDManager manager;
    private static Vgg19Network network;

    @BeforeAll
    static void start() {
        manager = PyTorchRuntime.engine().newBaseManager();
        network = Vgg19Network.load(Vgg19.random(7, Preprocessing.CAFFE), "relu2_1", manager);
    }

    @AfterAll
    static void stop() {
        network.close();
        manager.close();
    }

    private static float[] randomPicture(long seed) {
        Random r = new Random(seed);
        float[] p = new float[3 * SIDE * SIDE];
        for (int i = 0; i < p.length; i++) {
            p[i] = 255 * r.nextFloat();
        }
        return p;
    }

    private static NDArray picture(float[] p) {
        return manager.create(p, new Shape(1, 3, SIDE, SIDE));
    }

    @Test
    void gramMatrixIsFeatureProductOverElementCount() {
        Random r = new Random(1);
        int c = 3;
        int hw = 4;
        float[] f = new float[c * hw];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextFloat() - 0.5f;
        }
        float[] gram = GramMatrix.of(manager.create(f, new Shape(1, c, 2, 2))).toFloatArray();
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double expected = 0;
                for (int k = 0; k < hw; k++) {
                    expected += f[i * hw + k] * f[j * hw + k];
                }
                assertThat((double) gram[i * c + j]).isCloseTo(expected / (c * hw), within(1e-6));
            }
        }
    }

    @Test
    void totalVariationIsHalfTheSquaredNeighbourDifferences() {
        float[] p = randomPicture(3);
        double expected = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float v = p[(c * SIDE + y) * SIDE + x];
                    if (x + 1 < SIDE) {
                        double d = p[(c * SIDE + y) * SIDE + x + 1] - v;
                        expected += d * d;
                    }
                    if (y + 1 < SIDE) {
                        double d = p[(c * SIDE + y + 1) * SIDE + x] - v;
                        expected += d * d;
                    }
                }
            }
        }
        assertThat((double) TotalVariationLoss.of(picture(p)).getFloat()).isCloseTo(expected / 2, within(expected * 1e-5));
    }

    @Test
    void contentLossIsMeanSquaredError() {
        float[] a = randomPicture(4);
        float[] b = randomPicture(5);
        double expected = 0;
        for (int i = 0; i < a.length; i++) {
            expected += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        expected /= a.length;
        assertThat((double) ContentLoss.of(picture(a), picture(b)).getFloat()).isCloseTo(expected, within(expected * 1e-5));
    }

    @Test
    void objectiveIsZeroAtTheContentWhenOnlyContentCounts() {
        float[] content = randomPicture(10);
        try (GatysObjective objective = objective(Weights.of(1, 0, 0), content)) {
            Evaluation e = objective.evaluate(picture(content), manager);
            assertThat(e.value()).isZero();
            assertThat(ArrayMath.maxAbs(e.gradient())).isZero();
        }
    }

    @ParameterizedTest(name = "weights content={0} style={1} tv={2}")
    @CsvSource({"1,0,0", "0,1e4,0", "0,0,1e-2", "5,1e3,1e-3"})
    void gradientMatchesCentralDifferences(double cw, double sw, double tw) {
        float[] content = randomPicture(10);
        float[] point = randomPicture(12);
        try (GatysObjective objective = objective(Weights.of(cw, sw, tw), content)) {
            float[] gradient;
            try (NDManager scope = manager.newSubManager()) {
                gradient = objective.evaluate(picture(point), scope).gradient().toFloatArray();
            }
            Random r = new Random(99);
            float h = 0.5f;
            double scale = 0;
            for (float g : gradient) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertThat(scale).isGreaterThan(0);
            for (int k = 0; k < 12; k++) {
                int i = r.nextInt(point.length);
                float[] plus = point.clone();
                float[] minus = point.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric;
                try (NDManager scope = manager.newSubManager()) {
                    numeric = (objective.evaluate(picture(plus), scope).value()
                            - objective.evaluate(picture(minus), scope).value()) / (2 * h);
                }
                assertThat((double) gradient[i]).as("d/dx[%d]", i)
                        .isCloseTo(numeric, within(0.02 * scale + 0.02 * Math.abs(numeric)));
            }
        }
    }

    private static GatysObjective objective(Weights w, float[] content) {
        GatysObjective.Terms terms = new GatysObjective.Terms(w, List.of("relu2_1"),
                Map.of("relu1_1", 1.0, "relu2_1", 0.5), false, 0, List.of());
        StyleTargets targets = StyleTargets.compute(network, List.of(picture(randomPicture(20)), picture(randomPicture(21))),
                List.of(1.0, 3.0), terms.activeStyleLayers(), List.of(), false, manager);
        return new GatysObjective(network, terms, targets, picture(content), List.of(), manager);
    }
}
