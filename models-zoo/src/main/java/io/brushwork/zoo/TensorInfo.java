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

    /** The tensor's name (its key in the header). */
    public String name() {
        return name;
    }

    /** The element type exactly as the file spells it, such as {@code F32} or {@code I64}. */
    public String dtypeName() {
        return dtypeName;
    }

    /** The element type, or empty when the file's type is one Brushwork cannot read. */
    public Optional<DType> dtype() {
        return Optional.ofNullable(dtype);
    }

    /** The dimensions, outermost first (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the shape. */
    public long elementCount() {
        return elementCount;
    }

    /** The offset of the tensor's first byte within the data section. */
    public long begin() {
        return begin;
    }

    /** The offset just past the tensor's last byte within the data section. */
    public long end() {
        return end;
    }

    /** The number of bytes the tensor takes: {@code end() - begin()}. */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public String toString() {
        return name + " " + dtypeName + " " + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
    }
}
