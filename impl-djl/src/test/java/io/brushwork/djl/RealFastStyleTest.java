// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Device;
import io.brushwork.Engine;
import io.brushwork.Images;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.testing.PictureDifference;
import io.brushwork.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real fast-style networks of ../shared through all three paths: weights built into DJL
 * blocks on PyTorch, the TorchScript export on PyTorch, the ONNX export on ONNX Runtime.
 */
@Tag("shared")
class RealFastStyleTest {

    @ParameterizedTest
    @ValueSource(strings = {"udnie", "wave", "scream"})
    void threePathsPaintTheSamePicture(String style) {
        Path safetensors = SharedData.require("models/fast-style/" + style + ".safetensors");
        Path torchscript = SharedData.require("models/fast-style/" + style + ".pt");
        Path onnx = SharedData.require("models/fast-style/" + style + ".onnx");
        RgbImage photo = Images.read(SharedData.require("images/content/tubingen.jpg")).resize(512, 384);
        NetworkOptions cpu = NetworkOptions.builder().device(Device.cpu()).trustGraphCode(true).build();

        RgbImage blocks;
        RgbImage script;
        RgbImage graph;
        try (Translator t = Translator.fromFile(safetensors, cpu)) {
            assertThat(t.architecture()).isEqualTo(Architecture.ENGSTROM);
            assertThat(t.engine()).isEqualTo(Engine.PYTORCH);
            blocks = t.translate(photo);
        }
        try (Translator t = Translator.fromFile(torchscript, cpu)) {
            assertThat(t.architecture()).isEqualTo(Architecture.GRAPH_TRANSLATOR);
            script = t.translate(photo);
        }
        try (Translator t = Translator.fromFile(onnx, cpu)) {
            assertThat(t.engine()).isEqualTo(Engine.ONNX_RUNTIME);
            graph = t.translate(photo);
        }
        Path out = Path.of("target", "fast-style-" + style + "-tubingen.png");
        Images.write(blocks.quantized(), out);
        System.out.printf("%s: blocks vs TorchScript max %.3f, blocks vs ONNX max %.3f, changed from photo by %.1f; %s%n",
                style, PictureDifference.max(blocks, script), PictureDifference.max(blocks, graph),
                PictureDifference.mean(blocks, photo), out.toAbsolutePath());
        assertThat(PictureDifference.max(blocks.quantized(), script.quantized())).isLessThanOrEqualTo(1f);
        assertThat(PictureDifference.max(blocks.quantized(), graph.quantized())).isLessThanOrEqualTo(1f);
        assertThat(PictureDifference.mean(blocks, photo)).isGreaterThan(20);
    }
}
