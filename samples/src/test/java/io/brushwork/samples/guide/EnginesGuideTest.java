// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Device;
import io.brushwork.Engine;
import io.brushwork.EngineException;
import io.brushwork.Images;
import io.brushwork.Init;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Translator;
import io.brushwork.Vgg19;
import io.brushwork.samples.cli.NetworkFixtures;
import io.brushwork.testing.SharedData;
import io.brushwork.zoo.testing.VggFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every snippet of docs/engines-and-devices.md on small seeded-random networks. The GPU path
 * itself cannot run here (the bundled libtorch is the CPU build); what is checked is what happens
 * when a GPU is asked for and none is visible.
 */
class EnginesGuideTest {
    /** Far more GPUs than any machine has, so that the "not visible" path is taken everywhere. */
    private static final int ABSENT_GPU = 64;

    @TempDir
    static Path dir;
    static Path engstrom;
    static Path dcgan;
    static Path vgg;

    @BeforeAll
    static void fixtures() {
        engstrom = NetworkFixtures.engstrom(dir.resolve("engstrom.safetensors"), 4, 5);
        dcgan = NetworkFixtures.dcgan(dir.resolve("dcgan.safetensors"), 8, 4, 6);
        vgg = VggFixture.write(dir.resolve("vgg.safetensors"), "conv3_2", 3);
    }

    @Test
    void weightsRunOnPyTorchAndNamingAnotherEngineIsAnError() {
        try (Translator translator = EnginesGuide.open(engstrom, Engine.PYTORCH)) {
            assertThat(translator.engine()).isEqualTo(Engine.PYTORCH);
            assertThat(translator.device()).isEqualTo("cpu");
            RgbImage out = translator.translate(NetworkFixtures.picture(30, 22, 2));
            assertThat(out.width()).isEqualTo(30);
            assertThat(out.height()).isEqualTo(22);
        }
        try (Translator auto = EnginesGuide.open(engstrom, Engine.AUTO)) {
            assertThat(auto.engine()).isEqualTo(Engine.PYTORCH);
        }
        assertThatThrownBy(() -> EnginesGuide.open(engstrom, Engine.ONNX_RUNTIME))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("with engine ONNX_RUNTIME")
                .hasMessageContaining("available: [PyTorch, ONNX Runtime]");
    }

    @Test
    void anOnnxGraphRunsOnOnnxRuntimeWhenTheEngineIsChosenFromTheFile() {
        Path onnx = SharedData.require("models/fast-style/udnie.onnx");
        try (Translator translator = EnginesGuide.open(onnx, Engine.AUTO)) {
            assertThat(translator.engine()).isEqualTo(Engine.ONNX_RUNTIME);
        }
        assertThatThrownBy(() -> EnginesGuide.open(onnx, Engine.PYTORCH)).isInstanceOf(EngineException.class)
                .hasMessageContaining("with engine PYTORCH");
    }

    @Test
    void theClasspathOffersTheDjlEngines() {
        assertThat(EnginesGuide.engines()).containsExactlyInAnyOrder(
                "style transfer: djl-pytorch",
                "networks: PyTorch, priority 10",
                "networks: ONNX Runtime, priority 0");
    }

    @Test
    void anAbsentGpuFailsAndTheSnippetFallsBackToTheCpu() {
        try (Translator translator = EnginesGuide.openOnGpuOrCpu(engstrom, ABSENT_GPU)) {
            assertThat(translator.device()).isEqualTo("cpu");
        }
        StyleTransfer onAbsentGpu = StyleTransfer.builder()
                .content(NetworkFixtures.picture(32, 24, 1)).style(NetworkFixtures.picture(32, 32, 2))
                .featureExtractor(Vgg19.fromFile(vgg, Preprocessing.CAFFE))
                .contentLayers("relu2_1").styleLayers("relu1_1")
                .size(32).iterations(1).device(Device.gpu(ABSENT_GPU)).build();
        assertThatThrownBy(onAbsentGpu::run).isInstanceOf(EngineException.class)
                .hasMessageContaining("GPU " + ABSENT_GPU + " was requested but the PyTorch engine sees");
    }

    @Test
    void autoTakesTheFirstGpuWhenThereIsOneElseTheCpu() {
        int gpus = ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount();
        try (Translator translator = Translator.fromFile(engstrom)) {
            assertThat(translator.device()).isEqualTo(gpus > 0 ? "gpu:0" : "cpu");
        }
    }

    @Test
    void styleTransfersRunTogetherGiveWhatEachGivesAlone() {
        List<StyleTransfer> requests = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            requests.add(StyleTransfer.builder()
                    .content(NetworkFixtures.picture(32, 24, 1)).style(NetworkFixtures.picture(32, 32, 2))
                    .featureExtractor(Vgg19.fromFile(vgg, Preprocessing.CAFFE))
                    .contentLayers("relu2_1").styleLayers("relu1_1", "relu2_1")
                    .init(Init.NOISE).seed(seed).size(32).iterations(3).device(Device.cpu()).build());
        }
        List<RgbImage> alone = requests.stream().map(r -> r.run().image()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<StylizedImage> together = EnginesGuide.runTogether(requests, pool);
            assertThat(together.stream().map(StylizedImage::image).toList()).isEqualTo(alone);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneTranslatorServesManyThreads() {
        List<RgbImage> pictures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pictures.add(NetworkFixtures.picture(20 + 4 * (i % 3), 16, i));
        }
        try (Translator translator = Translator.fromFile(engstrom)) {
            List<RgbImage> alone = pictures.stream().map(translator::translate).toList();
            assertThat(EnginesGuide.translateInParallel(translator, pictures)).isEqualTo(alone);
        }
    }

    @Test
    void aClosedGeneratorHasMadeItsPictures() {
        List<RgbImage> pictures = EnginesGuide.sample(dcgan, 3, 11);
        assertThat(pictures).hasSize(3).allSatisfy(p -> {
            assertThat(p.width()).isEqualTo(64);
            assertThat(p.height()).isEqualTo(64);
        });
        assertThat(EnginesGuide.sample(dcgan, 3, 11)).isEqualTo(pictures);
        assertThat(Images.encode(pictures.get(0), "png")).isNotEqualTo(Images.encode(pictures.get(1), "png"));
    }
}
