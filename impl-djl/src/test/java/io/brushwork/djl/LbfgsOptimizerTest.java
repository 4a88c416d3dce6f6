// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.brushwork.Optimizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LbfgsOptimizerTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = PyTorchRuntime.engine().newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** The n-dimensional Rosenbrock function, its gradient computed on the host in double precision. */
    static final class Rosenbrock implements DifferentiableFunction {
        int calls;

        @Override
        public Evaluation evaluate(NDArray point, NDManager out) {
            calls++;
            double[] x = point.toDoubleArray();
            double f = 0;
            double[] g = new double[x.length];
            for (int i = 0; i + 1 < x.length; i++) {
                double a = 1 - x[i];
                double b = x[i + 1] - x[i] * x[i];
                f += a * a + 100 * b * b;
                g[i] += -2 * a - 400 * x[i] * b;
                g[i + 1] += 200 * b;
            }
            return new Evaluation(f, out.create(g), null);
        }
    }

    @Test
    void convergesOnTwoDimensionalRosenbrock() {
        Rosenbrock f = new Rosenbrock();
        NDArray start = manager.create(new double[] {-1.2, 1.0});
        try (LbfgsOptimizer opt = new LbfgsOptimizer(f, start, Optimizer.lbfgs().withTolerances(1e-10, 1e-14), manager)) {
            for (int i = 0; i < 100 && opt.step(); i++) {
                assertThat(opt.point().getDataType()).isEqualTo(DataType.FLOAT64);
            }
            double[] x = opt.point().toDoubleArray();
            assertThat(x[0]).isCloseTo(1.0, within(1e-6));
            assertThat(x[1]).isCloseTo(1.0, within(1e-6));
            assertThat(opt.latest().value()).isLessThan(1e-12);
            assertThat(opt.iterations()).isLessThan(60);
            assertThat(opt.evaluations()).isEqualTo(f.calls);
        }
    }

    @Test
    void convergesOnTenDimensionalRosenbrockWithShortHistory() {
        Rosenbrock f = new Rosenbrock();
        double[] s = new double[10];
        for (int i = 0; i < s.length; i++) {
            s[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        try (LbfgsOptimizer opt = new LbfgsOptimizer(f, manager.create(s),
                Optimizer.lbfgs().withHistorySize(5).withTolerances(1e-10, 1e-14), manager)) {
            for (int i = 0; i < 500 && opt.step(); i++) {
                // iterate to convergence
            }
            assertThat(opt.converged()).isTrue();
            for (double v : opt.point().toDoubleArray()) {
                assertThat(v).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void everyStepDecreasesTheLossAndMeetsArmijo() {
        Rosenbrock f = new Rosenbrock();
        try (LbfgsOptimizer opt = new LbfgsOptimizer(f, manager.create(new double[] {-1.2, 1.0}),
                Optimizer.lbfgs(), manager)) {
            int steps = 0;
            double[] x = opt.point().toDoubleArray();
            double loss = opt.latest().value();
            double[] g = opt.latest().gradient().toDoubleArray();
            while (opt.step()) {
                // The accepted step is alpha * p = x_new - x, so grad f(x)^T (alpha p) is g . (x_new - x).
                double[] next = opt.point().toDoubleArray();
                double slope = 0;
                for (int i = 0; i < x.length; i++) {
                    slope += g[i] * (next[i] - x[i]);
                }
                double fNext = opt.latest().value();
                assertThat(slope).as("step %d goes downhill", steps).isLessThanOrEqualTo(0);
                assertThat(fNext).as("Armijo at step %d", steps).isLessThanOrEqualTo(loss + LbfgsOptimizer.C1 * slope);
                x = next;
                loss = fNext;
                g = opt.latest().gradient().toDoubleArray();
                steps++;
            }
            assertThat(steps).isGreaterThan(10);
        }
    }

    @Test
    void stopsAtOnceAtAStationaryPoint() {
        Rosenbrock f = new Rosenbrock();
        try (LbfgsOptimizer opt = new LbfgsOptimizer(f, manager.create(new double[] {1.0, 1.0}),
                Optimizer.lbfgs(), manager)) {
            assertThat(opt.step()).isFalse();
            assertThat(opt.evaluations()).isEqualTo(1);
        }
    }

    @Test
    void cubicInterpolationFindsTheMinimumOfACubic() {
        // f(t) = (t - 2)^2 sampled at 0 and 3: the interpolant is exact, minimum at 2.
        double t = LbfgsOptimizer.cubicMinimum(0, 4, -4, 3, 1, 2, 0, 3);
        assertThat(t).isCloseTo(2.0, within(1e-12));
        // Clamped to the bounds given.
        assertThat(LbfgsOptimizer.cubicMinimum(0, 4, -4, 3, 1, 2, 2.5, 3)).isEqualTo(2.5);
    }

    @Test
    void adamMinimisesAQuadratic() {
        DifferentiableFunction bowl = (point, out) -> {
            double[] x = point.toDoubleArray();
            double f = 0;
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - (i + 1);
                f += d * d;
                g[i] = 2 * d;
            }
            return new Evaluation(f, out.create(g), null);
        };
        try (AdamOptimizer opt = new AdamOptimizer(bowl, manager.create(new double[] {0, 0, 0}),
                Optimizer.adam(0.1), manager)) {
            for (int i = 0; i < 2000; i++) {
                opt.step();
            }
            double[] x = opt.point().toDoubleArray();
            assertThat(x).containsExactly(new double[] {1, 2, 3}, within(1e-3));
            assertThat(opt.evaluations()).isEqualTo(2000);
        }
    }
}
