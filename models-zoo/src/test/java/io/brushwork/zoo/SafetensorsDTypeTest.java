// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.RawSafetensors.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsDTypeTest {
    @TempDir
    Path dir;

    private Tensor readOnly(String dtype, int... words) {
        Path file = RawSafetensors.write(dir.resolve(dtype + ".safetensors"),
                "{" + entry("t", dtype, "[" + words.length + "]", 0, 2L * words.length) + "}",
                RawSafetensors.shorts(words));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            return st.read("t");
        }
    }

    @Test
    void bytesPerElement() {
        assertThat(DType.F32.bytesPerElement()).isEqualTo(4);
        assertThat(DType.F16.bytesPerElement()).isEqualTo(2);
        assertThat(DType.BF16.bytesPerElement()).isEqualTo(2);
    }

    @Test
    void f16NormalValues() {
        float[] values = readOnly("F16",
                0x0000, 0x8000, 0x3C00, 0xBC00, 0x4000, 0x3800, 0x3555, 0x7BFF, 0xFBFF, 0x0400).data();
        assertThat(SafetensorsRoundTripTest.bits(values)).containsExactly(SafetensorsRoundTripTest.bits(new float[] {
            0f,
            -0f,
            1f,
            -1f,
            2f,
            0.5f,
            0x1.554p-2f, // 0x3555: exponent 13 - 15 = -2, fraction 0x155 / 1024
            65504f, // 0x7BFF: the largest finite half, (2 - 2^-10) * 2^15
            -65504f,
            0x1p-14f, // 0x0400: the smallest normal half
        }));
    }

    @Test
    void f16SubnormalValues() {
        // A subnormal half is fraction * 2^-24; all are exact in float32, where they are normal.
        float[] values = readOnly("F16", 0x0001, 0x8001, 0x0200, 0x03FF, 0x0155).data();
        assertThat(values).containsExactly(
                0x1p-24f, // 5.96e-8, the smallest positive half
                -0x1p-24f,
                0x1p-15f, // 512 * 2^-24
                0x1.ff8p-15f, // 1023 * 2^-24, the largest subnormal
                341 * 0x1p-24f);
        assertThat(values[3]).isLessThan(0x1p-14f);
    }

    @Test
    void f16InfinitiesAndNaN() {
        float[] values = readOnly("F16", 0x7C00, 0xFC00, 0x7E00, 0x7C01, 0xFE00, 0x7FFF).data();
        assertThat(values[0]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(values[1]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float.floatToRawIntBits(values[2])).isEqualTo(0x7FC00000); // the quiet NaN
        assertThat(values[3]).isNaN(); // fraction 1: a signalling NaN must not turn into infinity
        assertThat(values[4]).isNaN();
        assertThat(values[5]).isNaN();
    }

    @Test
    void bf16Values() {
        float[] values = readOnly("BF16",
                0x3F80, 0xC000, 0x4049, 0x3EAB, 0x7F7F, 0x0080, 0x0001, 0x8000, 0x7F80, 0xFF80, 0x7FC0).data();
        // bfloat16 is the top half of a float32, so each value is the float with these bits << 16.
        assertThat(SafetensorsRoundTripTest.bits(values)).containsExactly(SafetensorsRoundTripTest.bits(new float[] {
            1f,
            -2f,
            3.140625f, // 0x40490000: 1.5703125 * 2
            0.333984375f, // 0x3EAB0000: 1.3359375 * 2^-2
            0x1.fep127f, // the largest finite bfloat16
            0x1p-126f, // the smallest normal
            0x1p-133f, // a subnormal
            -0f,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.NaN, // 0x7FC00000, Java's canonical NaN
        }));
    }

    @Test
    void f16TensorsSpanningSeveralReadChunks() {
        // 600 001 halves = 1.2 MB, more than one read buffer; value i is i mod 2048 as a half.
        int n = 600_001;
        int[] words = new int[n];
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            int v = i % 2048;
            // Integers up to 2048 are exact in half precision: bits are exponent and fraction.
            words[i] = v == 0 ? 0 : halfBitsOfInteger(v);
            expected[i] = v;
        }
        // isEqualTo, not containsExactly: AssertJ's element-wise diff is far too slow for 600 000 values.
        assertThat(readOnly("F16", words).data()).isEqualTo(expected);
    }

    private static int halfBitsOfInteger(int v) {
        int exponent = 31 - Integer.numberOfLeadingZeros(v);
        int fraction = (v << (10 - exponent)) & 0x3ff;
        return ((exponent + 15) << 10) | fraction;
    }

    @Test
    void unsupportedDtypesAreListedButNotRead() {
        String header = "{" + entry("ids", "I64", "[2]", 0, 16) + ","
                + entry("mean", "F64", "[1]", 16, 24) + ","
                + entry("mask", "BOOL", "[3]", 24, 27) + ","
                + entry("w", "F32", "[1]", 28, 32) + "}";
        Path file = RawSafetensors.write(dir.resolve("mixed.safetensors"), header,
                RawSafetensors.concat(new byte[28], RawSafetensors.floats(0.25f)));

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors().keySet()).containsExactly("ids", "mean", "mask", "w");
            TensorInfo ids = st.tensors().get("ids");
            assertThat(ids.dtypeName()).isEqualTo("I64");
            assertThat(ids.dtype()).isEmpty();
            assertThat(ids.shape()).containsExactly(2);
            assertThat(st.read("w").data()).containsExactly(0.25f);
            assertThatThrownBy(() -> st.read("ids"))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("'ids'").hasMessageContaining("I64").hasMessageContaining(file.toString());
            assertThatThrownBy(() -> st.read("mean"))
                    .isInstanceOf(ModelFormatException.class).hasMessageContaining("F64");
        }
    }
}
