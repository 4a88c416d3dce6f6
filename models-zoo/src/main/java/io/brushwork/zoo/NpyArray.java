// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-dimensional array of {@code float} values in row-major (C) order, as read from
 * or written to a numpy {@code .npy} file by {@link Npy}.
 */
public final class NpyArray {
    private final long[] shape;
    private final float[] data;

    private NpyArray(long[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * An array from its shape and values, both copied.
     *
     * @param shape the dimensions, outermost first; empty for a scalar
     * @param data the values in row-major order
     * @return an array holding copies of {@code shape} and {@code data}
     * @throws IllegalArgumentException if a dimension is negative, there are more than
     *     {@link Npy#MAX_DIMENSIONS} of them, or their product differs from {@code data.length}
     */
    public static NpyArray of(long[] shape, float[] data) {
        return owning(shape.clone(), Objects.requireNonNull(data, "data").clone());
    }

    /** As {@link #of} without copying, for the reader, which owns freshly filled arrays. */
    static NpyArray owning(long[] shape, float[] data) {
        if (shape.length > Npy.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a .npy array has at most " + Npy.MAX_DIMENSIONS
                    + " dimensions, got " + shape.length);
        }
        long count = Tensor.elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + count
                    + " elements but " + data.length + " values were given");
        }
        return new NpyArray(shape, data);
    }

    /**
     * The dimensions, outermost first (a copy).
     *
     * @return a fresh copy of the shape; empty for a scalar
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The values in row-major order (a copy).
     *
     * @return a fresh copy of the values
     */
    public float[] data() {
        return data.clone();
    }

    /**
     * The number of elements: the product of the shape.
     *
     * @return the element count, 1 for a scalar
     */
    public int elementCount() {
        return data.length;
    }

    /** Shape and values in numpy's notation, e.g. {@code (2, 3)}. */
    @Override
    public String toString() {
        return "NpyArray" + Npy.describeShape(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray other && Arrays.equals(other.shape, shape) && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }
}
