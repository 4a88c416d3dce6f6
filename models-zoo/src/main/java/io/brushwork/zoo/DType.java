// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.nio.ByteBuffer;

/**
 * The element types Brushwork can read from a tensor file, all delivered as {@code float}.
 * Half-precision values ({@link #F16}, {@link #BF16}) are widened exactly, so subnormals,
 * infinities and NaN survive.
 */
public enum DType {
    /** IEEE 754 binary32. */
    F32(4),
    /** IEEE 754 binary16: 1 sign, 5 exponent and 10 fraction bits. */
    F16(2),
    /** bfloat16: the upper half of a binary32 (1 sign, 8 exponent and 7 fraction bits). */
    BF16(2);

    private final int bytesPerElement;

    DType(int bytesPerElement) {
        this.bytesPerElement = bytesPerElement;
    }

    /**
     * The number of bytes one element takes in a file.
     *
     * @return 4 for {@link #F32}, 2 for {@link #F16} and {@link #BF16}
     */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /**
     * Decodes all remaining elements of {@code src} (little-endian, a whole number of elements)
     * into {@code dst} from {@code offset}; returns the offset after the last one written.
     */
    int decode(ByteBuffer src, float[] dst, int offset) {
        int count = src.remaining() / bytesPerElement;
        switch (this) {
            case F32 -> {
                src.asFloatBuffer().get(dst, offset, count);
                src.position(src.limit());
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = halfToFloat(src.getShort() & 0xffff);
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = Float.intBitsToFloat((src.getShort() & 0xffff) << 16);
                }
            }
        }
        return offset + count;
    }

    /** Widens IEEE binary16 bits exactly (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0) {
            // Zero or subnormal: fraction * 2^-24, exact in binary32.
            float magnitude = fraction * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            // Infinity or NaN; the NaN payload moves to the top of the binary32 fraction.
            return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
        }
        // Rebias the exponent from 15 to 127.
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
    }
}
