// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.SafetensorsRoundTripTest.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.testing.SharedData;
import io.brushwork.zoo.TorchCheckpointWriter.Format;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real model files from the shared data folder; skipped when absent. */
class RealTorchFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void realVggConvertsToACheckpointBitForBit(Format format) {
        Path source = SharedData.require("models/vgg19/vgg19-caffe-blocks1to3.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try (SafetensorsFile st = SafetensorsFile.open(source)) {
            for (String key : st.keys()) {
                tensors.put(key, st.read(key));
            }
        }
        Path converted = dir.resolve("vgg19-caffe-blocks1to3.pth");
        TorchCheckpointWriter.write(converted, tensors, format);
        try (WeightFile pth = WeightFile.open(converted)) {
            assertThat(pth).isInstanceOf(TorchCheckpoint.class);
            assertThat(pth.keys()).containsExactlyElementsOf(tensors.keySet());
            for (Tensor expected : tensors.values()) {
                Tensor actual = pth.read(expected.name(), expected.shape());
                // isEqualTo, not containsExactly, whose diff is quadratic in the length.
                assertThat(bits(actual.data())).as(expected.name()).isEqualTo(bits(expected.data()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udnie", "scream", "wave"})
    void fastStyleGraphsAreDetected(String style) {
        Path script = SharedData.require("models/fast-style/" + style + ".pt");
        Path onnx = SharedData.require("models/fast-style/" + style + ".onnx");
        assertThat(ModelFormat.detect(script)).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(ModelFormat.detect(onnx)).isEqualTo(ModelFormat.ONNX);
        assertThatThrownBy(() -> WeightFile.open(script))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("graph");
    }

    @Test
    void fastStyleSafetensorsStillOpenAsSafetensors() {
        Path weights = SharedData.require("models/fast-style/udnie.safetensors");
        try (WeightFile file = WeightFile.open(weights)) {
            assertThat(file.format()).isEqualTo(ModelFormat.SAFETENSORS);
            assertThat(file.keys()).isNotEmpty();
        }
    }
}
