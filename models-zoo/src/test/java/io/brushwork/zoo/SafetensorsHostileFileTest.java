// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.RawSafetensors.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a header can lie must end in a {@link ModelFormatException} that names the file and
 * the problem, at open time and before any allocation sized by the file's claims.
 */
class SafetensorsHostileFileTest {
    @TempDir
    Path dir;

    private static final String A = entry("a", "F32", "[2]", 0, 8);

    /** Header text, data section size, and a fragment the message must contain. */
    static Stream<Arguments> hostileHeaders() {
        return Stream.of(
                Arguments.of("{", 0, "not valid JSON"),
                Arguments.of("[]", 0, "not a JSON object"),
                Arguments.of("\"text\"", 0, "not a JSON object"),
                Arguments.of("{" + A + "} x", 8, "unexpected text after the JSON value"),
                Arguments.of("{" + A + "}\u0000", 8, "unexpected text after the JSON value"),
                Arguments.of("{" + A + "," + A + "}", 8, "duplicate key \"a\""),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                        8, "duplicate key \"dtype\""),
                Arguments.of("{\"a\":1}", 0, "tensor 'a' is the number 1, not an object"),
                Arguments.of("{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "tensor 'a' has no dtype"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8, "tensor 'a' has no shape"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8, "tensor 'a' has no data_offsets"),
                Arguments.of("{\"a\":{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}}", 8,
                        "dtype is the number 32"),
                Arguments.of("{" + entry("a", "Q7", "[2]", 0, 8) + "}", 8, "unknown dtype \"Q7\""),
                Arguments.of("{" + entry("a", "F32", "3", 0, 12) + "}", 12, "shape is the number 3, not an array"),
                Arguments.of("{" + entry("a", "F32", "[-1]", 0, 0) + "}", 0, "non-negative integers"),
                Arguments.of("{" + entry("a", "F32", "[2.5]", 0, 8) + "}", 8, "element 0 is the number 2.5"),
                Arguments.of("{" + entry("a", "F32", "[2.0]", 0, 8) + "}", 8, "element 0 is the number 2.0"),
                Arguments.of("{" + entry("a", "F32", "[1, 2e0]", 0, 8) + "}", 8, "element 1 is the number 2e0"),
                Arguments.of("{" + entry("a", "F32", "[\"2\"]", 0, 8) + "}", 8, "element 0 is the string \"2\""),
                Arguments.of("{" + entry("a", "F32", "[null]", 0, 8) + "}", 8, "element 0 is null"),
                Arguments.of("{" + entry("a", "F32", "[99999999999999999999]", 0, 8) + "}", 8,
                        "the number 99999999999999999999"),
                Arguments.of("{" + entry("a", "F32", "[02]", 0, 8) + "}", 8, "not valid JSON"),
                Arguments.of("{" + entry("a", "F32", "[NaN]", 0, 8) + "}", 8, "not valid JSON"),
                Arguments.of("{" + entry("a", "F32", "[4294967296,4294967296]", 0, 8) + "}", 8,
                        "more elements than a long can count"),
                Arguments.of("{" + entry("a", "F32", "[2305843009213693952]", 0, 8) + "}", 8,
                        "too large for any file"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}", 8, "[begin, end]"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8,8]}}", 8, "[begin, end]"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":{}}}", 8, "not an array"),
                Arguments.of("{" + entry("a", "F32", "[0]", 8, 4) + "}", 8, "begin <= end, got [8, 4]"),
                Arguments.of("{" + entry("a", "F32", "[2]", -8, 0) + "}", 8, "non-negative integers"),
                Arguments.of("{" + entry("a", "F32", "[4]", 0, 16) + "}", 8,
                        "ends at byte 16 of the data section, which holds only 8 bytes"),
                Arguments.of("{" + entry("a", "F32", "[3]", 0, 8) + "}", 8,
                        "F32 [3] needs 12 bytes but data_offsets [0, 8] span 8"),
                Arguments.of("{" + entry("a", "F32", "[2]", 0, 4) + "}", 8, "needs 8 bytes but data_offsets [0, 4]"),
                Arguments.of("{" + entry("a", "F4", "[3]", 0, 2) + "}", 2, "fractional number of bytes"),
                Arguments.of("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", 12,
                        "tensors 'a' [0, 8) and 'b' [4, 12) overlap"),
                Arguments.of("{" + entry("b", "F32", "[2]", 8, 16) + "," + entry("a", "F32", "[4]", 0, 16) + "}", 16,
                        "overlap"),
                // The classic attack: a tensor claiming 100 GB, consistent with its shape.
                Arguments.of("{" + entry("a", "F32", "[25000000000]", 0, 100_000_000_000L) + "}", 8,
                        "ends at byte 100000000000 of the data section, which holds only 8 bytes"),
                Arguments.of("{\"__metadata__\":\"v\"}", 0, "__metadata__ is the string \"v\", not an object"),
                Arguments.of("{\"__metadata__\":{\"k\":1}}", 0,
                        "__metadata__ values must be strings, but \"k\" is the number 1"),
                Arguments.of("{\"a\\q\":1}", 0, "invalid escape"),
                Arguments.of("{\"\\ud800\":1}", 0, "unpaired surrogate"),
                Arguments.of("{\"a\nb\":1}", 0, "unescaped control character"),
                Arguments.of("{\"a\":tru}", 0, "invalid literal"),
                Arguments.of("{\"a\" 1}", 0, "expected ':'"),
                Arguments.of("{\"a\":[1 2]}", 0, "expected ']'"),
                Arguments.of("{a:1}", 0, "expected a string key"),
                Arguments.of("{\"a\":1,}", 0, "expected a string key"),
                Arguments.of("{\"a\":\"open", 0, "unterminated string"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("hostileHeaders")
    void hostileHeaderIsRejectedAtOpen(String header, int dataLength, String expectedProblem) {
        Path file = RawSafetensors.write(dir.resolve("hostile.safetensors"), header, new byte[dataLength]);
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(expectedProblem);
    }

    @Test
    void headerPaddingWithJsonWhitespaceIsAccepted() {
        Path file = RawSafetensors.write(dir.resolve("padded.safetensors"), " \t\r\n{" + A + "}  \n ",
                RawSafetensors.floats(1f, 2f));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.read("a").data()).containsExactly(1f, 2f);
        }
    }

    @Test
    void fileShorterThanTheLengthField() {
        for (int size : new int[] {0, 1, 7}) {
            Path file = RawSafetensors.bytes(dir.resolve("short" + size + ".safetensors"), new byte[size]);
            assertThatThrownBy(() -> SafetensorsFile.open(file))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("the file is " + size + " bytes long, too short");
        }
    }

    @Test
    void headerLengthAboveTheLimit() {
        Path file = RawSafetensors.bytes(dir.resolve("big-header.safetensors"),
                RawSafetensors.concat(RawSafetensors.lengthField(100_000_001L), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("the header claims 100000001 bytes, more than the limit of 100000000");
    }

    @Test
    void headerLengthWithTheTopBitSetIsNotReadAsNegative() {
        Path file = RawSafetensors.bytes(dir.resolve("negative.safetensors"),
                RawSafetensors.concat(RawSafetensors.lengthField(-1L), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("the header claims 18446744073709551615 bytes");
    }

    @Test
    void headerLengthBeyondTheFile() {
        Path file = RawSafetensors.bytes(dir.resolve("cut-header.safetensors"),
                RawSafetensors.concat(RawSafetensors.lengthField(100), "{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("the header claims 100 bytes but only 5 follow the length field");
    }

    @Test
    void headerThatIsNotUtf8() {
        byte[] header = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
        for (byte[] bytes : new byte[][] {header, overlong}) {
            Path file = RawSafetensors.bytes(dir.resolve("latin.safetensors"),
                    RawSafetensors.concat(RawSafetensors.lengthField(bytes.length), bytes));
            assertThatThrownBy(() -> SafetensorsFile.open(file))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not valid UTF-8");
        }
    }

    @Test
    void deeplyNestedHeaderDoesNotOverflowTheStack() {
        String bomb = "{\"a\":" + "[".repeat(1_000_000) + "]".repeat(1_000_000) + "}";
        Path file = RawSafetensors.write(dir.resolve("bomb.safetensors"), bomb, new byte[0]);
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void megabyteLongNamesAreShortenedInMessages() {
        String name = "n".repeat(1_000_000);
        Path file = RawSafetensors.write(dir.resolve("long.safetensors"),
                "{" + entry(name, "Q7", "[1]", 0, 4) + "}", new byte[4]);
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unknown dtype")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }

    @Test
    void truncatedFileIsRejectedAtOpen() throws IOException {
        Path file = dir.resolve("truncated.safetensors");
        SafetensorsWriter.write(file, Map.of("w", Tensor.of("w", new long[] {4}, new float[] {1, 2, 3, 4})), Map.of());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 3);
        }
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor 'w' ends at byte 16 of the data section, which holds only 13 bytes")
                .hasMessageContaining("truncated file?");
    }

    @Test
    void fileTruncatedAfterOpeningFailsOnRead() throws IOException {
        Path file = dir.resolve("shrinking.safetensors");
        SafetensorsWriter.write(file, Map.of("w", Tensor.of("w", new long[] {4}, new float[] {1, 2, 3, 4})), Map.of());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(Files.size(file) - 3);
            }
            assertThatThrownBy(() -> st.read("w"))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("truncated after opening");
        }
    }

    @Test
    void tensorTooLongForAJavaArrayIsRejectedOnRead() throws IOException {
        // A sparse file makes the 4 GiB tensor genuinely present without using the disk space;
        // sparse files are reliable on Linux only.
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs sparse files");
        long elements = SafetensorsFile.MAX_ARRAY_LENGTH + 1L;
        String header = "{" + entry("huge", "F16", "[" + elements + "]", 0, 2 * elements) + ","
                + entry("tiny", "F16", "[1]", 2 * elements, 2 * elements + 2) + "}";
        Path file = RawSafetensors.write(dir.resolve("sparse.safetensors"), header, new byte[0]);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(Files.size(file) + 2 * elements + 2);
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors().get("huge").elementCount()).isEqualTo(elements);
            assertThat(st.read("tiny").data()).containsExactly(0f);
            assertThatThrownBy(() -> st.read("huge"))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("'huge'")
                    .hasMessageContaining("more than a Java array can hold");
        }
    }
}
