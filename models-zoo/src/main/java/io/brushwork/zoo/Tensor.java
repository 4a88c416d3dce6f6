// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable named tensor of {@code float} values in row-major (C) order. Its data never
 * escapes: readers get copies, so a tensor can be shared between threads freely.
 */
public final class Tensor {
    private final String name;
    private final long[] shape;
    private final float[] data;

    private Tensor(String name, long[] shape, float[] data) {
        this.name = name;
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor from the given values, which are copied.
     *
     * @param name the tensor's name, such as {@code features.0.weight}
     * @param shape the dimensions, outermost first; empty for a scalar
     * @param data the values in row-major order
     * @return a tensor holding copies of {@code shape} and {@code data}
     * @throws IllegalArgumentException if a dimension is negative or the product of the shape
     *     differs from {@code data.length}
     */
    public static Tensor of(String name, long[] shape, float[] data) {
        Objects.requireNonNull(data, "data");
        return owning(name, shape.clone(), data.clone());
    }

    /** As {@link #of} without copying {@code data}, for readers that own a freshly filled array. */
    static Tensor owning(String name, long[] shape, float[] data) {
        Objects.requireNonNull(name, "name");
        long count = elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(shape)
                    + " (" + count + " elements) but " + data.length + " values");
        }
        return new Tensor(name, shape, data);
    }

    /**
     * The product of the dimensions.
     *
     * @throws IllegalArgumentException if a dimension is negative or the product overflows
     */
    static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than "
                        + Long.MAX_VALUE + " elements", e);
            }
        }
        return count;
    }

    /**
     * The tensor's name.
     *
     * @return the name, such as {@code features.0.weight}
     */
    public String name() {
        return name;
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
     * The number of elements: the product of the shape.
     *
     * @return the element count, 1 for a scalar
     */
    public long elementCount() {
        return data.length;
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
     * Copies all values, in row-major order, into {@code dst} starting at {@code offset}.
     *
     * @param dst the array to fill
     * @param offset the index in {@code dst} of the first value written
     * @throws IndexOutOfBoundsException if they do not fit
     */
    public void copyTo(float[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
