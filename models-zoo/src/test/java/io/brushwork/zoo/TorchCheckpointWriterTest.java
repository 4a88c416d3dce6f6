// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.SafetensorsRoundTripTest.bits;
import static io.brushwork.zoo.SafetensorsRoundTripTest.byName;
import static io.brushwork.zoo.SafetensorsRoundTripTest.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.ModelException;
import io.brushwork.zoo.TorchCheckpointWriter.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TorchCheckpointWriterTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> assorted() {
        Random random = new Random(7);
        // Names out of alphabetical order, and more than ten, so that storage key "10" sorts before "2".
        Map<String, Tensor> tensors = byName(
                random("z.weight", random, 4, 3, 3, 3),
                random("a.bias", random, 4),
                Tensor.of("special", new long[] {6}, new float[] {Float.NaN, -0f, Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE}),
                Tensor.of("scalar", new long[0], new float[] {2.5f}),
                Tensor.of("empty", new long[] {0, 5}, new float[0]),
                random("stra\u00dfe.gewicht", random, 2, 2),
                random("wide", random, 70_000));
        for (int i = 0; i < 8; i++) {
            tensors.put("extra." + i, random("extra." + i, random, 3, 1, 2));
        }
        return tensors;
    }

    private static void assertSame(WeightFile file, Map<String, Tensor> expected) {
        assertThat(file.keys()).containsExactlyElementsOf(expected.keySet());
        for (Tensor tensor : expected.values()) {
            Tensor read = file.read(tensor.name());
            assertThat(read.shape()).as(tensor.name()).containsExactly(tensor.shape());
            assertThat(bits(read.data())).as(tensor.name()).isEqualTo(bits(tensor.data()));
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void roundTripKeepsOrderShapesAndBits(Format format) {
        Map<String, Tensor> tensors = assorted();
        Path file = dir.resolve("model.pth");
        TorchCheckpointWriter.write(file, tensors, format);
        assertThat(ModelFormat.detect(file))
                .isEqualTo(format == Format.ZIP ? ModelFormat.PYTORCH_ZIP : ModelFormat.PYTORCH_LEGACY);
        try (WeightFile read = WeightFile.open(file)) {
            assertThat(read.format()).isEqualTo(ModelFormat.detect(file));
            assertThat(read.metadata()).isEmpty();
            assertSame(read, tensors);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void manyTensorsSpanSeveralSetitemsBatches(Format format) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < 2_500; i++) {
            tensors.put("t" + i, Tensor.of("t" + i, new long[] {1}, new float[] {i}));
        }
        Path file = dir.resolve("many.pth");
        TorchCheckpointWriter.write(file, tensors, format);
        try (TorchCheckpoint read = TorchCheckpoint.open(file)) {
            assertSame(read, tensors);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void emptyStateDict(Format format) {
        Path file = dir.resolve("empty.pth");
        TorchCheckpointWriter.write(file, Map.of(), format);
        try (TorchCheckpoint read = TorchCheckpoint.open(file)) {
            assertThat(read.keys()).isEmpty();
        }
    }

    @Test
    void zipLayoutIsPyTorchs() throws IOException {
        Path file = dir.resolve("my.vgg.pth");
        TorchCheckpointWriter.write(file, assorted(), Format.ZIP);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
                assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
            }
            assertThat(names).startsWith("my.vgg/data.pkl", "my.vgg/byteorder", "my.vgg/data/0", "my.vgg/data/1",
                    "my.vgg/data/10").endsWith("my.vgg/version").hasSize(2 + 15 + 1);
            assertThat(text(zip, "my.vgg/version")).isEqualTo("3\n");
            assertThat(text(zip, "my.vgg/byteorder")).isEqualTo("little");
        }
        // Each entry's data begins on a 64-byte boundary, as PyTorch aligns it for memory mapping.
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int entries = 0;
        while (buffer.getInt(at) == 0x04034b50) {
            int size = buffer.getInt(at + 18);
            int data = at + 30 + (buffer.getShort(at + 26) & 0xffff) + (buffer.getShort(at + 28) & 0xffff);
            assertThat(data % 64).as("entry %d", entries).isZero();
            at = data + size;
            entries++;
        }
        assertThat(entries).isEqualTo(18);
    }

    private static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void outputIsDeterministicAndReplacesTheTargetAtomically(Format format) throws IOException {
        Path first = dir.resolve("a.pth");
        Path second = dir.resolve("b").resolve("a.pth");
        Files.createDirectories(second.getParent());
        Files.writeString(second, "an older file");
        TorchCheckpointWriter.write(first, assorted(), format);
        TorchCheckpointWriter.write(second, assorted(), format);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (Stream<Path> files = Files.list(second.getParent())) {
            assertThat(files).containsExactly(second);
        }
    }

    @Test
    void failedWriteLeavesNothingBehind() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("x.pth");
        assertThatThrownBy(() -> TorchCheckpointWriter.write(missing, assorted(), Format.ZIP))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot write model file " + missing);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void keysMustMatchTensorNames() {
        Map<String, Tensor> tensors = Map.of("a", Tensor.of("b", new long[] {1}, new float[] {1}));
        assertThatThrownBy(() -> TorchCheckpointWriter.write(dir.resolve("x.pth"), tensors, Format.LEGACY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key 'a' holds tensor 'b'");
        assertThat(dir.resolve("x.pth")).doesNotExist();
    }

    @Test
    void writtenFilesMatchTheFixtureReferenceThroughBothFormats() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try (SafetensorsFile reference = SafetensorsFile.open(RawTorchFile.fixture("reference.safetensors"))) {
            for (String key : reference.keys()) {
                tensors.put(key, reference.read(key));
            }
        }
        for (Format format : Format.values()) {
            Path file = dir.resolve("reference-" + format + ".pth");
            TorchCheckpointWriter.write(file, tensors, format);
            try (TorchCheckpoint read = TorchCheckpoint.open(file)) {
                assertSame(read, tensors);
            }
        }
    }
}
