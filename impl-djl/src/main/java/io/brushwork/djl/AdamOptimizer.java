// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.brushwork.Optimizer;

/** Adam (Kingma and Ba) with bias correction, as {@code torch.optim.Adam} without weight decay. */
final class AdamOptimizer implements PixelOptimizer {
    private final DifferentiableFunction function;
    private final Optimizer.Adam options;
    private final NDManager state;
    private final NDArray x;
    private final NDArray m;
    private final NDArray v;
    private Evaluation latest;
    /** The evaluation at the current point, when it was made before the step that uses it. */
    private Evaluation pending;
    private int evaluations;
    private int steps;

    AdamOptimizer(DifferentiableFunction function, NDArray start, Optimizer.Adam options, NDManager parent) {
        this.function = function;
        this.options = options;
        this.state = parent.newSubManager();
        this.x = start.duplicate();
        x.attach(state);
        this.m = state.zeros(start.getShape(), start.getDataType());
        this.v = state.zeros(start.getShape(), start.getDataType());
        // Evaluate the start now so its losses are known before the first step, which reuses it.
        evaluations = 1;
        this.pending = function.evaluate(x, state).requireFinite(evaluations);
        this.latest = pending;
    }

    @Override
    public boolean step() {
        try (NDManager scope = state.newSubManager()) {
            Evaluation e = pending;
            if (e == null) {
                evaluations++;
                e = function.evaluate(x, scope).requireFinite(evaluations);
            }
            pending = null;
            NDArray g = e.gradient();
            steps++;
            double b1 = options.beta1();
            double b2 = options.beta2();
            m.muli(b1);
            ArrayMath.axpy(m, 1 - b1, g);
            v.muli(b2);
            ArrayMath.axpy(v, 1 - b2, g.square());
            double correction1 = 1 - Math.pow(b1, steps);
            double correction2 = 1 - Math.pow(b2, steps);
            NDArray denominator = v.sqrt();
            denominator.attach(scope);
            denominator.divi(Math.sqrt(correction2)).addi(options.epsilon());
            NDArray update = m.div(denominator);
            update.attach(scope);
            ArrayMath.axpy(x, -options.learningRate() / correction1, update);
            latest = new Evaluation(e.value(), null, e.terms());
            if (e.gradient().getManager() == state) {
                e.gradient().close();
            }
        }
        return true;
    }

    @Override
    public NDArray point() {
        return x;
    }

    @Override
    public Evaluation latest() {
        return latest;
    }

    @Override
    public int evaluations() {
        return evaluations;
    }

    @Override
    public void close() {
        state.close();
    }
}
