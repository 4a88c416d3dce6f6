// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * An immutable latent vector, with the arithmetic of Radford et al.'s latent-space experiments:
 * {@code Latent.mean(smilingWomen).sub(Latent.mean(neutralWomen)).add(Latent.mean(neutralMen))}.
 */
public final class Latent {
    private final float[] values;

    private Latent(float[] values) {
        this.values = values;
    }

    /**
     * A latent from its components.
     *
     * @param values the components, at least one, all finite; copied
     * @return the latent
     * @throws InvalidOptionException if there are no components or one is not finite
     */
    public static Latent of(float... values) {
        if (values == null || values.length == 0) {
            throw new InvalidOptionException("latent", "a latent vector needs at least one component");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new InvalidOptionException("latent", "components must be finite, got " + v);
            }
        }
        return new Latent(values.clone());
    }

    /**
     * One standard-normal latent of {@code size} components drawn with {@code seed}; the first of
     * {@link #random(int, int, long)}'s latents for that seed.
     *
     * @param size the number of components (>= 1)
     * @param seed the random seed
     * @return the latent
     */
    public static Latent random(int size, long seed) {
        return random(size, 1, seed).get(0);
    }

    /**
     * {@code count} standard-normal latents drawn in turn from one generator seeded with {@code seed}.
     *
     * @param size the number of components of each (>= 1)
     * @param count how many latents (>= 0)
     * @param seed the random seed; the same seed gives the same latents
     * @return the latents, in the order drawn
     * @throws InvalidOptionException if {@code size} or {@code count} is out of range
     */
    public static List<Latent> random(int size, int count, long seed) {
        if (size < 1) {
            throw new InvalidOptionException("latentSize", "must be >= 1, got " + size);
        }
        if (count < 0) {
            throw new InvalidOptionException("count", "must be >= 0, got " + count);
        }
        Random random = new Random(seed);
        List<Latent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[size];
            for (int k = 0; k < size; k++) {
                v[k] = (float) random.nextGaussian();
            }
            out.add(new Latent(v));
        }
        return out;
    }

    /**
     * The component-wise mean of one or more latents of the same size.
     *
     * @param latents the latents, at least one
     * @return their mean
     * @throws InvalidOptionException if there are none or their sizes differ
     */
    public static Latent mean(Collection<Latent> latents) {
        if (latents.isEmpty()) {
            throw new InvalidOptionException("latents", "the mean of no latents is undefined");
        }
        int n = latents.iterator().next().size();
        double[] sum = new double[n];
        for (Latent l : latents) {
            l.requireSize(n);
            for (int i = 0; i < n; i++) {
                sum[i] += l.values[i];
            }
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sum[i] / latents.size());
        }
        return new Latent(out);
    }

    /**
     * {@code steps} latents from {@code from} to {@code to}, both included (steps >= 2), evenly
     * spaced in the interpolation parameter.
     *
     * @param from the first latent
     * @param to the last latent, of the same size
     * @param steps how many latents (>= 2)
     * @param mode linear or spherical interpolation
     * @return the latents, starting with {@code from} and ending with {@code to}
     * @throws InvalidOptionException if {@code steps} is below 2 or the sizes differ
     */
    public static List<Latent> interpolate(Latent from, Latent to, int steps, Interpolation mode) {
        if (steps < 2) {
            throw new InvalidOptionException("steps", "an interpolation needs at least 2 steps, got " + steps);
        }
        to.requireSize(from.size());
        List<Latent> out = new ArrayList<>(steps);
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            if (s == 0) {
                out.add(from);
            } else if (s == steps - 1) {
                out.add(to);
            } else {
                out.add(mode == Interpolation.LINEAR ? from.scale(1 - t).add(to.scale(t)) : slerp(from, to, t));
            }
        }
        return out;
    }

    private static Latent slerp(Latent a, Latent b, double t) {
        double na = a.norm();
        double nb = b.norm();
        if (na == 0 || nb == 0) {
            return a.scale(1 - t).add(b.scale(t));
        }
        double cos = Math.max(-1, Math.min(1, a.dot(b) / (na * nb)));
        double omega = Math.acos(cos);
        double length = (1 - t) * na + t * nb;
        float[] out = new float[a.size()];
        if (omega < 1e-6) {
            // Nearly parallel: the directions are the same, only the length moves.
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (a.values[i] / na * length);
            }
            return new Latent(out);
        }
        double sin = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / sin / na;
        double wb = Math.sin(t * omega) / sin / nb;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((wa * a.values[i] + wb * b.values[i]) * length);
        }
        return new Latent(out);
    }

    /**
     * The number of components.
     *
     * @return the length of the vector (>= 1)
     */
    public int size() {
        return values.length;
    }

    /**
     * The components.
     *
     * @return a copy of the components
     */
    public float[] values() {
        return values.clone();
    }

    /**
     * One component.
     *
     * @param i the index, 0 to {@link #size()} - 1
     * @return the component
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public float get(int i) {
        return values[i];
    }

    /**
     * The component-wise sum.
     *
     * @param other a latent of the same size
     * @return this plus {@code other}
     * @throws InvalidOptionException if the sizes differ
     */
    public Latent add(Latent other) {
        other.requireSize(size());
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] + other.values[i];
        }
        return new Latent(out);
    }

    /**
     * The component-wise difference.
     *
     * @param other a latent of the same size
     * @return this minus {@code other}
     * @throws InvalidOptionException if the sizes differ
     */
    public Latent sub(Latent other) {
        return add(other.scale(-1));
    }

    /**
     * This latent times a scalar.
     *
     * @param factor the multiplier of every component
     * @return the scaled latent
     */
    public Latent scale(double factor) {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] * factor);
        }
        return new Latent(out);
    }

    /**
     * The dot product, summed in {@code double}.
     *
     * @param other a latent of the same size
     * @return the sum of the component-wise products
     * @throws InvalidOptionException if the sizes differ
     */
    public double dot(Latent other) {
        other.requireSize(size());
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (double) values[i] * other.values[i];
        }
        return sum;
    }

    /**
     * Euclidean length.
     *
     * @return the square root of the sum of squared components
     */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    private void requireSize(int n) {
        if (values.length != n) {
            throw new InvalidOptionException("latent", "latent sizes differ: " + values.length + " vs " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Latent l && Arrays.equals(l.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Latent[" + values.length + "]";
    }
}
