// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * The element types a PyTorch checkpoint can name, each with its legacy storage class
 * ({@code torch.FloatStorage}) and its dtype object ({@code torch.float32}). All are listed so
 * that every tensor of a checkpoint can be described; only the floating-point ones are read.
 */
enum TorchDType {
    FLOAT32("float32", "FloatStorage", 4, DType.F32),
    FLOAT16("float16", "HalfStorage", 2, DType.F16),
    BFLOAT16("bfloat16", "BFloat16Storage", 2, DType.BF16),
    FLOAT64("float64", "DoubleStorage", 8, null),
    INT64("int64", "LongStorage", 8, null),
    INT32("int32", "IntStorage", 4, null),
    INT16("int16", "ShortStorage", 2, null),
    INT8("int8", "CharStorage", 1, null),
    UINT8("uint8", "ByteStorage", 1, null),
    BOOL("bool", "BoolStorage", 1, null),
    COMPLEX64("complex64", "ComplexFloatStorage", 8, null),
    COMPLEX128("complex128", "ComplexDoubleStorage", 16, null),
    QINT8("qint8", "QInt8Storage", 1, null),
    QUINT8("quint8", "QUInt8Storage", 1, null),
    QINT32("qint32", "QInt32Storage", 4, null),
    QUINT4X2("quint4x2", "QUInt4x2Storage", 1, null),
    QUINT2X4("quint2x4", "QUInt2x4Storage", 1, null);

    private final String torchName;
    private final String storageClass;
    private final int bytesPerElement;
    /** The shared decoder for the half and single formats; null for float64 and the unreadable types. */
    private final @Nullable DType floatType;

    TorchDType(String torchName, String storageClass, int bytesPerElement, @Nullable DType floatType) {
        this.torchName = torchName;
        this.storageClass = storageClass;
        this.bytesPerElement = bytesPerElement;
        this.floatType = floatType;
    }

    /** The name PyTorch prints, such as {@code float32}. */
    String torchName() {
        return torchName;
    }

    /** The legacy typed-storage class in module {@code torch}, such as {@code FloatStorage}. */
    String storageClass() {
        return storageClass;
    }

    int bytesPerElement() {
        return bytesPerElement;
    }

    /** Whether {@link #decode} can turn this type into floats. */
    boolean readable() {
        return floatType != null || this == FLOAT64;
    }

    /**
     * Decodes all remaining elements of {@code src} (little-endian, a whole number of elements)
     * into {@code dst} from {@code offset}; returns the offset after the last one written.
     * Float64 values are rounded to the nearest float.
     */
    int decode(ByteBuffer src, float[] dst, int offset) {
        if (floatType != null) {
            return floatType.decode(src, dst, offset);
        }
        if (this != FLOAT64) {
            throw new IllegalStateException(torchName + " is not readable as float");
        }
        int count = src.remaining() / Double.BYTES;
        for (int i = 0; i < count; i++) {
            dst[offset + i] = (float) src.getDouble();
        }
        return offset + count;
    }

    /** The names of the readable types, for messages. */
    static String readableNames() {
        StringBuilder names = new StringBuilder();
        for (TorchDType type : values()) {
            if (type.readable()) {
                names.append(names.length() == 0 ? "" : ", ").append(type.torchName);
            }
        }
        return names.toString();
    }
}
