// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Views with more elements than their storage holds (a stride of 0, or strides that overlap) are
 * refused when the checkpoint is opened, in both formats: a few bytes of pickle could otherwise
 * make one read take gigabytes. Views that repeat elements but stay within their storage's size
 * still read, since their memory is bounded by the file.
 */
class RepeatingViewsTest {
    @TempDir
    Path dir;

    private Path file(boolean legacy, long numel, long[] size, long[] stride, float... values) {
        byte[] pickle = RawPickle.proto2().orderedDict().str("w")
                .tensor("FloatStorage", "0", numel, legacy, 0, size, stride).op('s').stop().bytes();
        return RawTorchFile.withStorage(dir.resolve(legacy ? "legacy.pth" : "zip.pth"), legacy, pickle, values);
    }

    /** Format, storage size, shape, strides and the message expected. */
    static Stream<Arguments> repeatingViews() {
        return Stream.of(false, true).flatMap(legacy -> Stream.of(
                Arguments.of(legacy, 1L, new long[] {46340, 46340}, new long[] {0, 0},
                        "has shape [46340, 46340] and strides [0, 0], 2147395600 elements, but its storage '0'"
                                + " holds only 1 float32 elements (4 bytes)"),
                Arguments.of(legacy, 1L, new long[] {65536, 65536}, new long[] {0, 0},
                        "has shape [65536, 65536] and strides [0, 0], 4294967296 elements"),
                Arguments.of(legacy, 4L, new long[] {65536, 4}, new long[] {0, 1},
                        "has shape [65536, 4] and strides [0, 1], 262144 elements, but its storage '0' holds only"
                                + " 4 float32 elements (16 bytes)"),
                Arguments.of(legacy, 5L, new long[] {3, 3}, new long[] {1, 1},
                        "has shape [3, 3] and strides [1, 1], 9 elements, but its storage '0' holds only 5")));
    }

    @ParameterizedTest(name = "legacy={0} {2} {3}")
    @MethodSource("repeatingViews")
    void viewsWithMoreElementsThanTheirStorageAreRefusedAtOpen(boolean legacy, long numel, long[] size,
            long[] stride, String message) {
        Path file = file(legacy, numel, size, stride, new float[(int) numel]);
        assertThatThrownBy(() -> WeightFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor 'w' " + message)
                .hasMessageContaining("a stride of 0 or overlapping strides");
    }

    /** Format, shape, strides over the storage [1, 2, 3, 4], and the values read. */
    static Stream<Arguments> viewsWithinTheirStorage() {
        return Stream.of(false, true).flatMap(legacy -> Stream.of(
                Arguments.of(legacy, new long[] {2, 2}, new long[] {0, 1}, new float[] {1, 2, 1, 2}),
                Arguments.of(legacy, new long[] {2, 2}, new long[] {1, 1}, new float[] {1, 2, 2, 3}),
                Arguments.of(legacy, new long[] {4}, new long[] {0}, new float[] {1, 1, 1, 1})));
    }

    @ParameterizedTest(name = "legacy={0} {1} {2}")
    @MethodSource("viewsWithinTheirStorage")
    void viewsThatRepeatWithinTheirStorageSizeStillRead(boolean legacy, long[] size, long[] stride,
            float[] expected) {
        try (WeightFile pth = WeightFile.open(file(legacy, 4, size, stride, 1, 2, 3, 4))) {
            Tensor w = pth.read("w");
            assertThat(w.shape()).containsExactly(size);
            assertThat(w.data()).containsExactly(expected);
        }
    }
}
