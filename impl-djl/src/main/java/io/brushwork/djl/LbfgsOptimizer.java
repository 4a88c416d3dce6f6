// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.brushwork.Optimizer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS with a strong-Wolfe line search: the algorithm of
 * {@code torch.optim.LBFGS(line_search_fn="strong_wolfe")} (Nocedal and Wright, algorithms 7.4,
 * 3.5 and 3.6), one {@link #step()} being one of its iterations. The point, direction and history
 * stay on the device; each step's temporaries live in a sub-manager closed at the end of the step.
 */
final class LbfgsOptimizer implements PixelOptimizer {
    /** Sufficient-decrease (Armijo) constant; package-private so tests check steps against it. */
    static final double C1 = 1e-4;
    /** Curvature constant. */
    private static final double C2 = 0.9;
    /** Most function evaluations one line search may spend. */
    private static final int MAX_LINE_SEARCH = 25;

    private final DifferentiableFunction function;
    private final Optimizer.Lbfgs options;
    private final NDManager state;
    private final NDArray x;
    private Evaluation current;
    private NDArray direction;
    private NDArray previousGradient;
    private double stepLength;
    private final Deque<NDArray> gradientChanges = new ArrayDeque<>();
    private final Deque<NDArray> pointChanges = new ArrayDeque<>();
    private final Deque<Double> inverseCurvatures = new ArrayDeque<>();
    private double initialHessianScale = 1;
    private int iterations;
    private int evaluations;
    private boolean converged;

    LbfgsOptimizer(DifferentiableFunction function, NDArray start, Optimizer.Lbfgs options, NDManager parent) {
        this.function = function;
        this.options = options;
        this.state = parent.newSubManager();
        try {
            this.x = start.duplicate();
            x.attach(state);
            current = evaluate(x, state);
            converged = ArrayMath.maxAbs(current.gradient()) <= options.toleranceGrad();
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    @Override
    public boolean step() {
        if (converged) {
            return false;
        }
        try (NDManager scope = state.newSubManager()) {
            NDArray g = current.gradient();
            if (iterations == 0) {
                direction = own(g.neg());
                initialHessianScale = 1;
            } else {
                remember(g);
                NDArray d = twoLoopDirection(g, scope);
                direction.close();
                direction = own(d);
            }
            if (previousGradient != null && previousGradient != g) {
                previousGradient.close();
            }
            previousGradient = g;
            double previousLoss = current.value();

            double t = iterations == 0
                    ? Math.min(1.0, 1.0 / ArrayMath.sumAbs(g)) * options.learningRate()
                    : options.learningRate();
            double slope = ArrayMath.dot(g, direction);
            if (slope > -options.toleranceChange()) {
                converged = true;
                return false;
            }
            Evaluation chosen = strongWolfe(t, slope, scope);
            ArrayMath.axpy(x, stepLength, direction);
            chosen.gradient().attach(state);
            current = chosen;
            iterations++;

            converged = ArrayMath.maxAbs(chosen.gradient()) <= options.toleranceGrad()
                    || Math.abs(stepLength) * ArrayMath.maxAbs(direction) <= options.toleranceChange()
                    || Math.abs(chosen.value() - previousLoss) < options.toleranceChange();
            return true;
        }
    }

    /** Adds the pair (y = g - g_prev, s = t * d) to the history when the curvature is positive. */
    private void remember(NDArray g) {
        NDArray y = own(g.sub(previousGradient));
        NDArray s = own(direction.mul(stepLength));
        double ys = ArrayMath.dot(y, s);
        if (ys > 1e-10) {
            if (gradientChanges.size() == options.historySize()) {
                gradientChanges.removeFirst().close();
                pointChanges.removeFirst().close();
                inverseCurvatures.removeFirst();
            }
            gradientChanges.addLast(y);
            pointChanges.addLast(s);
            inverseCurvatures.addLast(1.0 / ys);
            initialHessianScale = ys / ArrayMath.dot(y, y);
        } else {
            y.close();
            s.close();
        }
    }

    /** The two-loop recursion: approximately -H g from the stored pairs. */
    private NDArray twoLoopDirection(NDArray g, NDManager scope) {
        int k = gradientChanges.size();
        double[] alpha = new double[k];
        NDArray q = g.neg();
        q.attach(scope);
        Iterator<NDArray> ys = gradientChanges.descendingIterator();
        Iterator<NDArray> ss = pointChanges.descendingIterator();
        Iterator<Double> rhos = inverseCurvatures.descendingIterator();
        for (int i = k - 1; i >= 0; i--) {
            NDArray y = ys.next();
            alpha[i] = ArrayMath.dot(ss.next(), q) * rhos.next();
            ArrayMath.axpy(q, -alpha[i], y);
        }
        q.muli(initialHessianScale);
        ys = gradientChanges.iterator();
        ss = pointChanges.iterator();
        rhos = inverseCurvatures.iterator();
        for (int i = 0; i < k; i++) {
            double beta = ArrayMath.dot(ys.next(), q) * rhos.next();
            ArrayMath.axpy(q, alpha[i] - beta, ss.next());
        }
        return q;
    }

    /**
     * Finds a step length along {@link #direction} meeting the strong Wolfe conditions: bracket,
     * then zoom with safeguarded cubic interpolation. Sets {@link #stepLength}; returns the
     * evaluation there (its gradient in {@code scope}, or the current one for a zero step).
     */
    private Evaluation strongWolfe(double t, double slope, NDManager scope) {
        double f0 = current.value();
        double dNorm = ArrayMath.maxAbs(direction);
        Evaluation next = evaluateAlong(t, scope);
        double nextSlope = ArrayMath.dot(next.gradient(), direction);
        double tPrev = 0;
        Evaluation prev = current;
        double prevSlope = slope;
        int lsIter = 0;
        boolean done = false;
        double[] bt;
        Evaluation[] be;
        double[] bs;
        while (true) {
            if (lsIter >= MAX_LINE_SEARCH) {
                bt = new double[] {0, t};
                be = new Evaluation[] {current, next};
                bs = new double[] {slope, nextSlope};
                break;
            }
            if (next.value() > f0 + C1 * t * slope || (lsIter > 1 && next.value() >= prev.value())) {
                bt = new double[] {tPrev, t};
                be = new Evaluation[] {prev, next};
                bs = new double[] {prevSlope, nextSlope};
                break;
            }
            if (Math.abs(nextSlope) <= -C2 * slope) {
                bt = new double[] {t};
                be = new Evaluation[] {next};
                bs = new double[] {nextSlope};
                done = true;
                break;
            }
            if (nextSlope >= 0) {
                bt = new double[] {tPrev, t};
                be = new Evaluation[] {prev, next};
                bs = new double[] {prevSlope, nextSlope};
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = cubicMinimum(tPrev, prev.value(), prevSlope, t, next.value(), nextSlope, minStep, maxStep);
            tPrev = tmp;
            prev = next;
            prevSlope = nextSlope;
            next = evaluateAlong(t, scope);
            nextSlope = ArrayMath.dot(next.gradient(), direction);
            lsIter++;
        }

        int low = 0;
        int high = 1;
        if (bt.length == 2 && be[0].value() > be[1].value()) {
            low = 1;
            high = 0;
        }
        boolean insufficientProgress = false;
        while (!done && lsIter < MAX_LINE_SEARCH) {
            if (Math.abs(bt[1] - bt[0]) * dNorm < options.toleranceChange()) {
                break;
            }
            double lo = Math.min(bt[0], bt[1]);
            double hi = Math.max(bt[0], bt[1]);
            t = cubicMinimum(bt[0], be[0].value(), bs[0], bt[1], be[1].value(), bs[1], lo, hi);
            // Keep trial points away from the bracket's ends, or the bracket may never shrink.
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - t, t - lo) < eps) {
                if (insufficientProgress || t >= hi || t <= lo) {
                    t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            next = evaluateAlong(t, scope);
            nextSlope = ArrayMath.dot(next.gradient(), direction);
            lsIter++;
            if (next.value() > f0 + C1 * t * slope || next.value() >= be[low].value()) {
                bt[high] = t;
                be[high] = next;
                bs[high] = nextSlope;
                if (be[0].value() <= be[1].value()) {
                    low = 0;
                    high = 1;
                } else {
                    low = 1;
                    high = 0;
                }
            } else {
                if (Math.abs(nextSlope) <= -C2 * slope) {
                    done = true;
                } else if (nextSlope * (bt[high] - bt[low]) >= 0) {
                    bt[high] = bt[low];
                    be[high] = be[low];
                    bs[high] = bs[low];
                }
                bt[low] = t;
                be[low] = next;
                bs[low] = nextSlope;
            }
        }
        stepLength = bt[low];
        return be[low];
    }

    /**
     * Minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to
     * [lo, hi]; the interval's midpoint when the cubic has no minimum.
     */
    static double cubicMinimum(double x1, double f1, double g1, double x2, double f2, double g2,
                               double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double min = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            if (Double.isFinite(min)) {
                return Math.min(Math.max(min, lo), hi);
            }
        }
        return (lo + hi) / 2;
    }

    private Evaluation evaluateAlong(double t, NDManager scope) {
        NDArray trial = direction.mul(t);
        trial.attach(scope);
        trial.addi(x);
        Evaluation e = evaluate(trial, scope);
        trial.close();
        return e;
    }

    private Evaluation evaluate(NDArray point, NDManager manager) {
        evaluations++;
        return function.evaluate(point, manager).requireFinite(evaluations);
    }

    private NDArray own(NDArray a) {
        a.attach(state);
        return a;
    }

    @Override
    public NDArray point() {
        return x;
    }

    @Override
    public Evaluation latest() {
        return current;
    }

    @Override
    public int evaluations() {
        return evaluations;
    }

    /** Iterations done so far. */
    int iterations() {
        return iterations;
    }

    /** Whether a stopping tolerance was met. */
    boolean converged() {
        return converged;
    }

    @Override
    public void close() {
        state.close();
    }
}
