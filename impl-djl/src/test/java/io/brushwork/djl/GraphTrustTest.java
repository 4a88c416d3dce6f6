// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.Engine;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.UntrustedGraphException;
import io.brushwork.Vgg19;
import io.brushwork.Preprocessing;
import io.brushwork.zoo.ModelFormatException;
import io.brushwork.zoo.WeightFile;
import io.brushwork.zoo.testing.GraphFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A graph file runs only when the caller says it trusts it, never from a file named as weights,
 * and an ONNX graph never reaches outside its folder or for custom operators. The fixtures come
 * from src/test/fixtures/make_graph_fixtures.py; writes_file.pt really overwrites a file when run,
 * which the last test shows, so that the refusals are known to stop something real.
 */
class GraphTrustTest {
    private static final NetworkOptions UNTRUSTED = NetworkOptions.builder().device(Device.cpu()).build();
    private static final NetworkOptions TRUSTED = UNTRUSTED.toBuilder().trustGraphCode(true).build();
    private static final RgbImage GREY = RgbImage.filled(8, 8, 100, 100, 100);

    @TempDir
    Path dir;

    private Path copy(String fixture, String as) {
        return GraphFixtures.copy(fixture, dir.resolve(as));
    }

    @BeforeEach
    void resetCanary() {
        GraphFixtures.resetCanary();
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.pth", "model.safetensors", "model.bin", "model.ckpt", "model.onnx"})
    void torchScriptUnderAnotherNameNeverRunsEvenWhenTrusted(String name) throws IOException {
        Path disguised = copy("writes_file.pt", name);
        for (NetworkOptions options : new NetworkOptions[] {UNTRUSTED, TRUSTED}) {
            assertThatThrownBy(() -> Translator.fromFile(disguised, options).translate(GREY))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(disguised.toString())
                    .hasMessageContaining("is a TorchScript module")
                    .hasMessageContaining("hides what it is");
        }
        assertThat(GraphFixtures.canary()).isEqualTo(GraphFixtures.CANARY_TEXT);
    }

    @Test
    void torchScriptIsRefusedUntilTrusted() throws IOException {
        Path script = copy("writes_file.pt", "model.pt");
        assertThatThrownBy(() -> Translator.fromFile(script).translate(GREY))
                .isExactlyInstanceOf(UntrustedGraphException.class)
                .hasMessageContaining(script + " is a TorchScript module")
                .hasMessageContaining("trustGraphCode(true)")
                .hasMessageContaining("--trust-graph");
        assertThat(GraphFixtures.canary()).isEqualTo(GraphFixtures.CANARY_TEXT);
    }

    @Test
    void weightReadersNeverRunAGraph() throws IOException {
        Path script = copy("writes_file.pt", "vgg.pt");
        assertThatThrownBy(() -> WeightFile.open(script)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is a TorchScript module").hasMessageContaining("never runs a graph");
        assertThatThrownBy(() -> StyleTransferRunTest.small().featureExtractor(
                Vgg19.fromFile(script, Preprocessing.CAFFE)).run())
                .isInstanceOf(ModelException.class).hasMessageContaining("is a TorchScript module");
        assertThat(GraphFixtures.canary()).isEqualTo(GraphFixtures.CANARY_TEXT);
    }

    @Test
    void trustedGraphsRunOnBothEngines() {
        try (Translator script = Translator.fromFile(copy("offset.pt", "offset.pt"), TRUSTED);
                Translator onnx = Translator.fromFile(copy("offset.onnx", "offset.onnx"), TRUSTED)) {
            assertThat(script.engine()).isEqualTo(Engine.PYTORCH);
            assertThat(onnx.engine()).isEqualTo(Engine.ONNX_RUNTIME);
            assertThat(script.translate(GREY).sample(1, 3, 4)).isEqualTo(70f);
            assertThat(onnx.translate(GREY).sample(1, 3, 4)).isEqualTo(70f);
        }
    }

    @Test
    void onnxIsRefusedUntilTrusted() {
        assertThatThrownBy(() -> Translator.fromFile(copy("offset.onnx", "offset.onnx"), UNTRUSTED))
                .isExactlyInstanceOf(UntrustedGraphException.class)
                .hasMessageContaining("is an ONNX model");
    }

    @Test
    void onnxExternalDataBesideTheModelIsRead() throws IOException {
        Path model = copy("external_inside.onnx", "external_inside.onnx");
        copy("external_bias.bin", "external_bias.bin");
        try (Translator t = Translator.fromFile(model, TRUSTED)) {
            assertThat(t.translate(GREY).sample(0, 0, 0)).isEqualTo(120f);
        }
    }

    @Test
    void onnxExternalDataOutsideTheModelsFolderIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("model"));
        Path model = GraphFixtures.copy("external_outside.onnx", dir.resolve("model/external_outside.onnx"));
        copy("external_bias.bin", "external_bias.bin");
        assertThatThrownBy(() -> Translator.fromFile(model, TRUSTED)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(model.toString())
                .hasMessageContaining("tensor 'b' reads external data from '../external_bias.bin', outside the"
                        + " model's folder");
    }

    @Test
    void onnxCustomOperatorsAreRefused() {
        assertThatThrownBy(() -> Translator.fromFile(copy("custom_domain.onnx", "custom_domain.onnx"), TRUSTED))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("operator domain 'com.example.custom'")
                .hasMessageContaining("custom operator library");
    }

    /** The positive control: trusted and run, the fixture does overwrite the file. */
    @Test
    void theHostileFixtureReallyWritesWhenTrusted() throws IOException {
        try (Translator t = Translator.fromFile(copy("writes_file.pt", "model.pt"), TRUSTED)) {
            t.translate(GREY);
        }
        assertThat(GraphFixtures.canary()).isEqualTo("XXXXXXXX");
    }
}
