// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.RawTorchFile.fixture;
import static io.brushwork.zoo.SafetensorsRoundTripTest.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.brushwork.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by real PyTorch 1.13 (see src/test/fixtures/make_fixtures.py) against a
 * safetensors reference written by the same script from the same tensors.
 */
class TorchCheckpointFixtureTest {
    private static final List<String> VGG_KEYS = List.of("features.0.weight", "features.0.bias",
            "features.2.weight", "features.2.bias", "features.5.weight", "features.5.bias");
    private static final List<String> VIEW_KEYS = List.of("base", "transposed", "slice", "column", "strided",
            "expanded", "scalar", "empty", "double", "index");

    private static SafetensorsFile reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void openReference() {
        reference = SafetensorsFile.open(fixture("reference.safetensors"));
    }

    @AfterAll
    static void closeReference() {
        reference.close();
    }

    private static void assertBitExact(WeightFile file, String key, String referenceKey) {
        Tensor expected = reference.read(referenceKey);
        Tensor actual = file.read(key);
        assertThat(actual.name()).isEqualTo(key);
        assertThat(actual.shape()).as(key).containsExactly(expected.shape());
        assertThat(bits(actual.data())).as(key).containsExactly(bits(expected.data()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vgg_small_zip.pth", "vgg_small_legacy.pth"})
    void float32StateDictMatchesReferenceBitForBit(String name) {
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture(name))) {
            assertThat(pth.format()).isEqualTo(name.contains("zip") ? ModelFormat.PYTORCH_ZIP
                    : ModelFormat.PYTORCH_LEGACY);
            assertThat(pth.keys()).containsExactlyElementsOf(VGG_KEYS);
            assertThat(pth.metadata()).isEmpty();
            assertThat(pth.shape("features.2.weight")).containsExactly(4, 4, 3, 3);
            for (String key : VGG_KEYS) {
                assertBitExact(pth, key, "vgg." + key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"f16", "bf16"})
    void halfPrecisionWidensExactlyAndStaysWithinRounding(String type) {
        // Half keeps 11 significant bits, bfloat16 8: the relative rounding error is at most 2^-11 or 2^-8.
        double relative = type.equals("f16") ? 0x1p-11 : 0x1p-8;
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture("vgg_small_" + type + ".pth"))) {
            assertThat(pth.keys()).containsExactlyElementsOf(VGG_KEYS);
            for (String key : VGG_KEYS) {
                assertBitExact(pth, key, type + "." + key);
                float[] actual = pth.read(key).data();
                float[] float32 = reference.read("vgg." + key).data();
                for (int i = 0; i < actual.length; i++) {
                    // The absolute term covers half's subnormals, spaced 2^-24 apart.
                    assertThat((double) actual[i]).as("%s[%d]", key, i)
                            .isCloseTo(float32[i], offset(
                                    Math.abs(float32[i]) * relative + 0x1p-25));
                }
            }
        }
    }

    @Test
    void nestedCheckpointUsesDottedPathsAndExposesScalars() {
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture("nested.pth"))) {
            assertThat(pth.keys()).containsExactlyElementsOf(VGG_KEYS.stream().map(k -> "state_dict." + k).toList());
            for (String key : VGG_KEYS) {
                assertBitExact(pth, "state_dict." + key, "vgg." + key);
            }
            // The list "history" is neither a tensor nor a scalar, so it is skipped.
            assertThat(pth.metadata()).containsExactly(Map.entry("epoch", "3"), Map.entry("arch", "vgg-small"),
                    Map.entry("best", "True"), Map.entry("lr", "0.5"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"views_zip.pth", "views_legacy.pth"})
    void viewsAreMaterialisedInRowMajorOrder(String name) {
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture(name))) {
            assertThat(pth.keys()).containsExactlyElementsOf(VIEW_KEYS);
            for (String key : VIEW_KEYS) {
                if (!key.equals("index")) {
                    assertBitExact(pth, key, "views." + key);
                }
            }
            assertThat(pth.shape("transposed")).containsExactly(6, 4);
            assertThat(pth.shape("scalar")).isEmpty();
            assertThat(pth.read("scalar").data()).containsExactly(2.5f);
            assertThat(pth.read("empty").elementCount()).isZero();
            // A view of base: element [i][j] of the transpose is base[j][i].
            float[] base = pth.read("base").data();
            float[] transposed = pth.read("transposed").data();
            assertThat(transposed[2 * 4 + 3]).isEqualTo(base[3 * 6 + 2]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"views_zip.pth", "views_legacy.pth"})
    void integerTensorsAreListedButNotRead(String name) {
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture(name))) {
            assertThat(pth.shape("index")).containsExactly(3);
            assertThatThrownBy(() -> pth.read("index"))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("tensor 'index'")
                    .hasMessageContaining(name)
                    .hasMessageContaining("dtype int64")
                    .hasMessageContaining("float32, float16, bfloat16, float64");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vgg_small_zip.pth", "vgg_small_legacy.pth"})
    void weightFileOpenDispatchesOnContentNotName(String name) throws IOException {
        Path renamed = Files.copy(fixture(name), dir.resolve("misleading.safetensors"));
        try (WeightFile file = WeightFile.open(renamed)) {
            assertThat(file).isInstanceOf(TorchCheckpoint.class);
            assertThat(file.path()).isEqualTo(renamed);
            assertThat(file.keys()).containsExactlyElementsOf(VGG_KEYS);
            assertBitExact(file, "features.0.weight", "vgg.features.0.weight");
        }
    }

    @Test
    void graphsAreDetectedAndRefusedAsWeights() {
        Path script = fixture("conv_torchscript.pt");
        Path onnx = fixture("conv.onnx");
        assertThat(ModelFormat.detect(script)).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(ModelFormat.detect(onnx)).isEqualTo(ModelFormat.ONNX);
        for (Path graph : List.of(script, onnx)) {
            assertThatThrownBy(() -> WeightFile.open(graph))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(graph.toString())
                    .hasMessageContaining("graph");
            assertThatThrownBy(() -> TorchCheckpoint.open(graph))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("not a PyTorch checkpoint")
                    .hasMessageContaining("graph");
        }
    }

    @Test
    void safetensorsIsNotACheckpoint() {
        assertThatThrownBy(() -> TorchCheckpoint.open(fixture("reference.safetensors")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is a safetensors file, not a PyTorch checkpoint");
    }

    @Test
    void deflatedEntriesReadLikeStoredOnes() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(fixture("views_zip.pth").toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        Path deflated = RawTorchFile.zip(dir.resolve("deflated.pth"), entries, true);
        try (TorchCheckpoint pth = TorchCheckpoint.open(deflated)) {
            assertThat(pth.keys()).containsExactlyElementsOf(VIEW_KEYS);
            for (String key : List.of("base", "transposed", "slice", "strided", "double")) {
                assertBitExact(pth, key, "views." + key);
            }
        }
    }

    @Test
    void readWithShapeChecksIt() {
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture("vgg_small_zip.pth"))) {
            assertThat(pth.read("features.0.bias", 4).shape()).containsExactly(4);
            assertThatThrownBy(() -> pth.read("features.0.bias", 8))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("'features.0.bias' has shape [4], expected [8]");
        }
    }

    @Test
    void unknownKeyListsWhatIsThere() {
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture("vgg_small_legacy.pth"))) {
            assertThat(pth.contains("features.0.weight")).isTrue();
            assertThat(pth.contains("features.1.weight")).isFalse();
            assertThatThrownBy(() -> pth.read("conv1_1.weight"))
                    .isExactlyInstanceOf(ModelException.class)
                    .hasMessageContaining("no tensor 'conv1_1.weight'")
                    .hasMessageContaining("6 tensors: features.0.weight, features.0.bias");
            assertThatThrownBy(() -> pth.shape("conv1_1.weight")).isInstanceOf(ModelException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vgg_small_zip.pth", "vgg_small_legacy.pth"})
    void readingAfterCloseFails(String name) {
        TorchCheckpoint pth = TorchCheckpoint.open(fixture(name));
        pth.close();
        pth.close();
        assertThat(pth.keys()).hasSize(6);
        assertThatThrownBy(() -> pth.read("features.0.bias"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"views_zip.pth", "views_legacy.pth"})
    void concurrentReadsAgree(String name) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (TorchCheckpoint pth = TorchCheckpoint.open(fixture(name))) {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String key = List.of("base", "transposed", "slice", "double").get(i % 4);
                results.add(pool.submit(() -> pth.read(key).data()));
            }
            for (int i = 0; i < results.size(); i++) {
                String key = List.of("base", "transposed", "slice", "double").get(i % 4);
                assertThat(bits(results.get(i).get())).containsExactly(bits(reference.read("views." + key).data()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
