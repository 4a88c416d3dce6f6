// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDManager;
import io.brushwork.Optimizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Brushwork's L-BFGS against {@code torch.optim.LBFGS(line_search_fn="strong_wolfe")} on the 4-d
 * Rosenbrock function: the trace in {@code lbfgs/rosenbrock4_trace.txt} comes from
 * {@code src/test/fixtures/make_lbfgs_trace.py}, one iteration per row (loss, then x).
 */
class LbfgsTorchTraceTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = PyTorchRuntime.engine().newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @ParameterizedTest(name = "history {0}")
    @ValueSource(ints = {100, 3})
    void followsTorchIterationByIteration(int history) throws IOException {
        List<double[]> torch = torchTrace(history);
        List<double[]> ours = new ArrayList<>();
        try (LbfgsOptimizer opt = new LbfgsOptimizer(new LbfgsOptimizerTest.Rosenbrock(),
                manager.create(new double[] {-1.2, 1.0, -1.2, 1.0}), Optimizer.lbfgs().withHistorySize(history),
                manager)) {
            while (opt.step()) {
                double[] row = new double[5];
                row[0] = opt.latest().value();
                System.arraycopy(opt.point().toDoubleArray(), 0, row, 1, 4);
                ours.add(row);
            }
        }
        // Same algorithm in float64; only the summation order differs (dot products run on the
        // device here, on flattened tensors in torch). The line search amplifies those 1e-16
        // differences: measured up to 5e-11 relative on the loss and below 1e-9 on x by the end.
        // 1e-9 and 1e-7 leave room for another native build's rounding, and still catch any
        // change to the algorithm (another first step, curvature test, history rule or
        // interpolation changes the loss at the first few significant digits within a few steps).
        for (int i = 0; i < Math.min(torch.size(), ours.size()); i++) {
            double[] t = torch.get(i);
            double[] o = ours.get(i);
            assertThat(o[0]).as("loss after iteration %d", i + 1)
                    .isCloseTo(t[0], within(1e-9 * Math.max(t[0], 1e-3)));
            assertThat(Arrays.copyOfRange(o, 1, 5)).as("x after iteration %d", i + 1)
                    .containsExactly(Arrays.copyOfRange(t, 1, 5), within(1e-7));
        }
        // Both stop on the same tolerances after the same iteration.
        assertThat(ours).hasSameSizeAs(torch);
    }

    /** The rows under {@code history N} in the trace file. */
    private static List<double[]> torchTrace(int history) throws IOException {
        String text;
        try (InputStream in = LbfgsTorchTraceTest.class.getResourceAsStream("/lbfgs/rosenbrock4_trace.txt")) {
            assertThat(in).as("trace resource").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<double[]> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("history ")) {
                inSection = Integer.parseInt(line.substring(8).trim()) == history;
            } else if (inSection) {
                rows.add(Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        assertThat(rows).as("rows for history %d", history).isNotEmpty();
        return rows;
    }
}
