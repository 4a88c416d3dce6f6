// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.ModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReadTest {
    @TempDir
    Path dir;

    private Path file;
    private Map<String, Tensor> tensors;

    @BeforeEach
    void writeFixture() {
        Random random = new Random(1);
        tensors = SafetensorsRoundTripTest.byName(
                SafetensorsRoundTripTest.random("conv.weight", random, 8, 3, 3, 3),
                SafetensorsRoundTripTest.random("conv.bias", random, 8),
                SafetensorsRoundTripTest.random("fc.weight", random, 10, 72));
        file = dir.resolve("fixture.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of());
    }

    @Test
    void readWithTheExpectedShape() {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.read("conv.weight", 8, 3, 3, 3).data()).containsExactly(tensors.get("conv.weight").data());
        }
    }

    @Test
    void shapeMismatchNamesKeyExpectedAndActualShape() {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThatThrownBy(() -> st.read("conv.weight", 8, 3, 3))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("'conv.weight'")
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("has shape [8, 3, 3, 3], expected [8, 3, 3]");
            assertThatThrownBy(() -> st.read("conv.bias", 16))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("has shape [8], expected [16]");
        }
    }

    @Test
    void missingKeyNamesKeyFileAndWhatIsThere() {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            // Not malformed: the file is fine, it just is not the model the caller expected.
            assertThatThrownBy(() -> st.read("features.0.weight"))
                    .isExactlyInstanceOf(ModelException.class)
                    .hasMessageContaining("'features.0.weight'")
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("3 tensors: conv.weight, conv.bias, fc.weight");
            assertThatThrownBy(() -> st.read("features.0.weight", 64, 3, 3, 3))
                    .isExactlyInstanceOf(ModelException.class)
                    .hasMessageContaining("'features.0.weight'");
        }
    }

    @Test
    void missingFile() {
        Path absent = dir.resolve("absent.safetensors");
        assertThatThrownBy(() -> SafetensorsFile.open(absent))
                .isExactlyInstanceOf(ModelException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining(absent.toString());
    }

    @Test
    void listingsAreReadOnly() {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThatThrownBy(() -> st.tensors().remove("conv.bias"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> st.metadata().put("k", "v"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void readingAfterCloseFails() {
        SafetensorsFile st = SafetensorsFile.open(file);
        st.close();
        st.close();
        assertThat(st.tensors()).containsKey("conv.bias");
        assertThatThrownBy(() -> st.read("conv.bias"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void concurrentReadsShareOneFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = List.copyOf(tensors.keySet()).get(i % tensors.size());
                results.add(pool.submit(() -> Arrays.equals(st.read(name).data(), tensors.get(name).data())));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
