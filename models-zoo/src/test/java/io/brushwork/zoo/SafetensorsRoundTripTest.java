// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    static Tensor random(String name, Random random, long... shape) {
        float[] data = new float[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return Tensor.of(name, shape, data);
    }

    static Map<String, Tensor> byName(Tensor... tensors) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (Tensor tensor : tensors) {
            map.put(tensor.name(), tensor);
        }
        return map;
    }

    /** Bit patterns, so that NaN and -0 are compared exactly. */
    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @Test
    void roundTripKeepsOrderShapesValuesAndMetadata() {
        Random random = new Random(42);
        // Names deliberately out of alphabetical order: the writer must keep insertion order.
        Map<String, Tensor> tensors = byName(
                random("z.weight", random, 4, 3, 3, 3),
                random("a.bias", random, 4),
                Tensor.of("special", new long[] {5},
                        new float[] {Float.NaN, -0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE}),
                Tensor.of("scalar", new long[0], new float[] {2.5f}),
                Tensor.of("empty", new long[] {0, 5}, new float[0]),
                random("m.weight", random, 2, 7));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("source", "seeded \"random\"\nweights");
        metadata.put("élan", "ü → \u0001 \\ / 😀");
        Path file = dir.resolve("model.safetensors");

        SafetensorsWriter.write(file, tensors, metadata);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors().keySet())
                    .containsExactly("z.weight", "a.bias", "special", "scalar", "empty", "m.weight");
            assertThat(st.metadata()).containsExactlyEntriesOf(metadata);
            for (Tensor expected : tensors.values()) {
                Tensor actual = st.read(expected.name());
                assertThat(actual.name()).isEqualTo(expected.name());
                assertThat(actual.shape()).containsExactly(expected.shape());
                assertThat(actual.elementCount()).isEqualTo(expected.elementCount());
                assertThat(bits(actual.data())).containsExactly(bits(expected.data()));
            }
        }
    }

    @Test
    void headerDescribesEachTensorsBytes() {
        Path file = dir.resolve("info.safetensors");
        SafetensorsWriter.write(file, byName(
                Tensor.of("a", new long[] {2, 3}, new float[6]),
                Tensor.of("b", new long[] {4}, new float[4])), Map.of());

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            TensorInfo b = st.tensors().get("b");
            assertThat(b.name()).isEqualTo("b");
            assertThat(b.dtype()).contains(DType.F32);
            assertThat(b.dtypeName()).isEqualTo("F32");
            assertThat(b.shape()).containsExactly(4);
            assertThat(b.elementCount()).isEqualTo(4);
            assertThat(b.begin()).isEqualTo(24);
            assertThat(b.end()).isEqualTo(40);
            assertThat(b.byteLength()).isEqualTo(16);
            assertThat(st.contains("a")).isTrue();
            assertThat(st.contains("c")).isFalse();
            assertThat(st.metadata()).isEmpty();
            assertThat(st.path()).isEqualTo(file);
        }
    }

    @Test
    void layoutIsTheReferenceOne() throws IOException {
        Path file = dir.resolve("layout.safetensors");
        SafetensorsWriter.write(file, byName(Tensor.of("w", new long[] {2}, new float[] {1f, 2f})),
                Map.of("k", "v"));

        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        String header = new String(bytes, 8, headerLength, StandardCharsets.UTF_8);
        String json = "{\"__metadata__\":{\"k\":\"v\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        // Padded with spaces so that the data section starts on a multiple of 8.
        assertThat(headerLength % 8).isZero();
        assertThat(header).isEqualTo(json + " ".repeat(headerLength - json.length()));
        assertThat(headerLength - json.length()).isBetween(0, 7);
        assertThat(Arrays.copyOfRange(bytes, 8 + headerLength, bytes.length))
                .containsExactly(RawSafetensors.floats(1f, 2f));
    }

    @Test
    void readsAFileWithoutMetadataOrTensors() {
        Path file = dir.resolve("empty.safetensors");
        SafetensorsWriter.write(file, Map.of(), Map.of());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors()).isEmpty();
            assertThat(st.metadata()).isEmpty();
        }
    }

    @Test
    void tensorsBiggerThanTheReadBufferRoundTrip() {
        // 1.2 MB: more than one read chunk, and not a whole number of them.
        Tensor big = random("big", new Random(7), 300_001);
        Path file = dir.resolve("big.safetensors");
        SafetensorsWriter.write(file, byName(big), Map.of());
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.read("big", 300_001).data()).isEqualTo(big.data());
        }
    }

    @Test
    void overwritingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, byName(Tensor.of("old", new long[] {1}, new float[] {1f})), Map.of());
        SafetensorsWriter.write(file, byName(Tensor.of("new", new long[] {1}, new float[] {2f})), Map.of());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.tensors().keySet()).containsExactly("new");
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path file = dir.resolve("missing-dir").resolve("model.safetensors");
        assertThatThrownBy(() -> SafetensorsWriter.write(file, Map.of(), Map.of()))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining(file.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void writerRejectsInconsistentNames() {
        Path file = dir.resolve("bad.safetensors");
        Tensor t = Tensor.of("a", new long[] {1}, new float[1]);
        assertThatThrownBy(() -> SafetensorsWriter.write(file, Map.of("b", t), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'").hasMessageContaining("'a'");
        Tensor meta = Tensor.of("__metadata__", new long[] {1}, new float[1]);
        assertThatThrownBy(() -> SafetensorsWriter.write(file, Map.of("__metadata__", meta), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("__metadata__");
        Tensor lone = Tensor.of("\ud800", new long[] {1}, new float[1]);
        assertThatThrownBy(() -> SafetensorsWriter.write(file, Map.of("\ud800", lone), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unicode");
        assertThat(file).doesNotExist();
    }

    @Test
    void tensorIsImmutableAndValidated() {
        long[] shape = {2};
        float[] data = {1f, 2f};
        Tensor t = Tensor.of("t", shape, data);
        shape[0] = 3;
        data[0] = 9f;
        t.shape()[0] = 4;
        t.data()[1] = 9f;
        assertThat(t.shape()).containsExactly(2);
        assertThat(t.data()).containsExactly(1f, 2f);

        float[] dst = new float[4];
        t.copyTo(dst, 1);
        assertThat(dst).containsExactly(0f, 1f, 2f, 0f);
        assertThatThrownBy(() -> t.copyTo(dst, 3)).isInstanceOf(IndexOutOfBoundsException.class);

        assertThatThrownBy(() -> Tensor.of("x", new long[] {2, 2}, new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 2]").hasMessageContaining("3 values");
        assertThatThrownBy(() -> Tensor.of("x", new long[] {-1}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> Tensor.of("x", new long[] {1L << 32, 1L << 32}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Tensor.of("scalar", new long[0], new float[] {1f}).elementCount()).isEqualTo(1);
    }
}
