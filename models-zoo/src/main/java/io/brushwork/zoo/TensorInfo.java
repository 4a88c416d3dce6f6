// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a tensor file's header says about one tensor: its name, element type, shape and where its
 * bytes lie. Offsets are relative to the start of the data section, as in the file. Instances
 * come only from {@link SafetensorsFile}, which has checked them against the file.
 */
public final class TensorInfo {
    private final String name;
    private final String dtypeName;
    private final @Nullable DType dtype;
    private final long[] shape;
    private final long elementCount;
    private final long begin;
    private final long end;

    TensorInfo(String name, String dtypeName, @Nullable DType dtype, long[] shape, long elementCount, long begin,
            long end) {
        this.name = name;
        this.dtypeName = dtypeName;
        this.dtype = dtype;
        this.shape = shape;
        this.elementCount = elementCount;
        this.begin = begin;
        this.end = end;
    }

    /**
     * The tensor's name (its key in the header).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The element type exactly as the file spells it, such as {@code F32} or {@code I64}.
     *
     * @return the file's type name
     */
    public String dtypeName() {
        return dtypeName;
    }

    /**
     * The element type, or empty when the file's type is one Brushwork cannot read.
     *
     * @return the readable element type, if any
     */
    public Optional<DType> dtype() {
        return Optional.ofNullable(dtype);
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
        return elementCount;
    }

    /**
     * The offset of the tensor's first byte within the data section.
     *
     * @return the start offset in bytes, inclusive
     */
    public long begin() {
        return begin;
    }

    /**
     * The offset just past the tensor's last byte within the data section.
     *
     * @return the end offset in bytes, exclusive
     */
    public long end() {
        return end;
    }

    /**
     * The number of bytes the tensor takes: {@code end() - begin()}.
     *
     * @return the data length in bytes
     */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public String toString() {
        return name + " " + dtypeName + " " + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
    }
}
