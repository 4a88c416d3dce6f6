// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * The optimiser that moves the pixels. {@link #lbfgs()} (L-BFGS with a strong-Wolfe line search,
 * the algorithm of {@code torch.optim.LBFGS}) converges in far fewer iterations; {@link #adam(double)}
 * uses less memory. Both work in pixel units (0..255), whatever the network's preprocessing.
 */
public sealed interface Optimizer permits Optimizer.Lbfgs, Optimizer.Adam {

    /**
     * L-BFGS with history 100, step 1, gradient tolerance 1e-7 and change tolerance 1e-9.
     *
     * @return the default L-BFGS settings
     */
    static Lbfgs lbfgs() {
        return new Lbfgs(100, 1.0, 1e-7, 1e-9);
    }

    /**
     * Adam with the given learning rate and betas 0.9, 0.999, epsilon 1e-8.
     *
     * @param learningRate step size in pixel units per step, finite and > 0
     * @return the Adam settings
     * @throws InvalidOptionException if {@code learningRate} is not finite or not > 0
     */
    static Adam adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * A short name for logs and the command line.
     *
     * @return {@code lbfgs} or {@code adam}
     */
    String name();

    /**
     * L-BFGS settings.
     *
     * @param historySize correction pairs kept (1..1000)
     * @param learningRate initial step length tried by the line search (> 0)
     * @param toleranceGrad stop when the largest gradient component is at most this (>= 0)
     * @param toleranceChange stop when loss or step change is below this (>= 0)
     */
    record Lbfgs(int historySize, double learningRate, double toleranceGrad, double toleranceChange)
            implements Optimizer {
        /**
         * Checks the settings.
         *
         * @param historySize correction pairs kept (1..1000)
         * @param learningRate initial step length tried by the line search (> 0)
         * @param toleranceGrad largest-gradient-component stopping threshold (>= 0)
         * @param toleranceChange loss-or-step-change stopping threshold (>= 0)
         * @throws InvalidOptionException if a setting is out of its range
         */
        public Lbfgs {
            if (historySize < 1 || historySize > 1000) {
                throw new InvalidOptionException("optimizer.historySize", "must be in 1..1000, got " + historySize);
            }
            positive("optimizer.learningRate", learningRate);
            nonNegative("optimizer.toleranceGrad", toleranceGrad);
            nonNegative("optimizer.toleranceChange", toleranceChange);
        }

        /**
         * These settings with another history size.
         *
         * @param value correction pairs kept (1..1000)
         * @return new settings; this object is unchanged
         */
        public Lbfgs withHistorySize(int value) {
            return new Lbfgs(value, learningRate, toleranceGrad, toleranceChange);
        }

        /**
         * These settings with other stopping tolerances.
         *
         * @param grad stop when the largest gradient component is at most this (>= 0)
         * @param change stop when loss or step change is below this (>= 0)
         * @return new settings; this object is unchanged
         */
        public Lbfgs withTolerances(double grad, double change) {
            return new Lbfgs(historySize, learningRate, grad, change);
        }

        @Override
        public String name() {
            return "lbfgs";
        }
    }

    /**
     * Adam settings.
     *
     * @param learningRate step size in pixel units (> 0)
     * @param beta1 first-moment decay in [0, 1)
     * @param beta2 second-moment decay in [0, 1)
     * @param epsilon denominator guard (> 0)
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {
        /**
         * Checks the settings.
         *
         * @param learningRate step size in pixel units (> 0)
         * @param beta1 first-moment decay in [0, 1)
         * @param beta2 second-moment decay in [0, 1)
         * @param epsilon denominator guard (> 0)
         * @throws InvalidOptionException if a setting is out of its range
         */
        public Adam {
            positive("optimizer.learningRate", learningRate);
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new InvalidOptionException("optimizer.beta1", "must be in [0, 1), got " + beta1);
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new InvalidOptionException("optimizer.beta2", "must be in [0, 1), got " + beta2);
            }
            positive("optimizer.epsilon", epsilon);
        }

        @Override
        public String name() {
            return "adam";
        }
    }

    private static void positive(String option, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new InvalidOptionException(option, "must be finite and > 0, got " + v);
        }
    }

    private static void nonNegative(String option, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidOptionException(option, "must be finite and >= 0, got " + v);
        }
    }
}
