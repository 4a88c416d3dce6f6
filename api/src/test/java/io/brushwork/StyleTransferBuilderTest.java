// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StyleTransferBuilderTest {
    static final RgbImage CONTENT = RgbImage.filled(400, 300, 10, 20, 30);
    static final RgbImage STYLE = RgbImage.filled(64, 64, 200, 100, 0);

    static StyleTransfer.Builder valid() {
        return StyleTransfer.builder().content(CONTENT).style(STYLE)
                .featureExtractor(Vgg19.random(1, Preprocessing.CAFFE));
    }

    static void rejects(UnaryOperator<StyleTransfer.Builder> change, String option, String fragment) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(InvalidOptionException.class)
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo(option))
                .hasMessageStartingWith(option + ": ")
                .hasMessageContaining(fragment);
    }

    @Test
    void defaultsFollowNeuralStyle() {
        StyleTransfer t = valid().build();
        assertThat(t.weights()).isEqualTo(Weights.of(5, 100, 1e-3));
        assertThat(t.contentLayers()).containsExactly("relu4_2");
        assertThat(t.styleLayers()).containsOnlyKeys("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");
        assertThat(t.iterations()).isEqualTo(500);
        assertThat(t.optimizer()).isEqualTo(Optimizer.lbfgs());
        assertThat(t.init()).isSameAs(Init.CONTENT);
        assertThat(t.outputSize()).containsExactly(512, 384);
        assertThat(t.device()).isEqualTo(Device.auto());
    }

    @Test
    void requiredInputsAreNamed() {
        assertThatThrownBy(() -> StyleTransfer.builder().style(STYLE).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("content:");
        assertThatThrownBy(() -> StyleTransfer.builder().content(CONTENT).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("style:");
        assertThat(StyleTransfer.builder().content(CONTENT).style(STYLE).build().featureExtractor().zooId())
                .contains("vgg19");
        assertThatThrownBy(() -> Vgg19.fromZoo(" ")).isInstanceOf(InvalidOptionException.class);
    }

    @Test
    void badOptionsFailInBuildNamingTheOption() {
        rejects(b -> b.iterations(0), "iterations", "1..1000000");
        rejects(b -> b.iterations(-5), "iterations", "-5");
        rejects(b -> b.size(8), "size", "16..");
        rejects(b -> b.size(100_000), "size", "16..");
        rejects(b -> b.content(RgbImage.filled(1000, 10, 0, 0, 0)).size(100), "size", "too small");
        rejects(b -> b.contentLayers("relu9_9"), "contentLayers", "relu9_9");
        rejects(b -> b.contentLayers("relu1_1", "relu1_1"), "contentLayers", "duplicate");
        rejects(b -> b.contentLayers(List.of()), "contentLayers", "at least one");
        rejects(b -> b.styleLayers("conv1_1", "nope"), "styleLayers", "nope");
        rejects(b -> b.styleLayers(Map.of("relu1_1", Double.NaN)), "styleLayers", "NaN");
        rejects(b -> b.styleLayers(Map.of("relu1_1", -1.0)), "styleLayers", "-1.0");
        rejects(b -> b.styleLayers(Map.of("relu1_1", 0.0)), "styleLayers", "> 0");
        rejects(b -> b.previewEvery(-1), "previewEvery", ">= 0");
    }

    // Last call wins: a later setter replaces whatever an earlier one set for the same option.

    @Test
    void aSingleIterationCountReplacesPerStageCounts() {
        assertThat(valid().scales(256, 512).iterations(300, 200).iterations(50).build().stageIterations())
                .containsExactly(50, 50);
        assertThat(valid().scales(256, 512).iterations(50).iterations(300, 200).build().stageIterations())
                .containsExactly(300, 200);
        assertThat(valid().iterations(300, 200).iterations(new int[] {70}).scales(256, 512).build().stageIterations())
                .containsExactly(70, 70);
    }

    @Test
    void sizeOriginalSizeAndScalesReplaceEachOther() {
        StyleTransfer sized = valid().scales(256, 512).size(300).build();
        assertThat(sized.stages()).containsExactly(300);
        assertThat(sized.outputSize()).containsExactly(300, 225);
        StyleTransfer original = valid().scales(256, 512).originalSize().build();
        assertThat(original.stages()).containsExactly(400);
        assertThat(original.outputSize()).containsExactly(400, 300);
        assertThat(valid().size(300).scales(256, 512).build().stages()).containsExactly(256, 512);
        assertThat(valid().originalSize().scales(256, 512).build().outputSize()).containsExactly(512, 384);
        assertThat(valid().originalSize().size(300).build().outputSize()).containsExactly(300, 225);
        assertThat(valid().size(300).originalSize().build().outputSize()).containsExactly(400, 300);
        assertThat(valid().scales(128, 256, 512).scales(List.of(200, 300)).build().stages()).containsExactly(200, 300);
        // A derived request is re-sized, not held at its old last stage.
        assertThat(valid().scales(256, 512).build().toBuilder().size(300).build().stages()).containsExactly(300);
    }

    @Test
    void replacingTheStylesDropsTheirMasksAndFiles(@TempDir Path dir) {
        RgbImage other = RgbImage.filled(32, 32, 0, 0, 255);
        Path styleFile = dir.resolve("style.png");
        Path maskFile = dir.resolve("mask.png");
        Images.write(STYLE, styleFile);
        Images.write(CONTENT, maskFile);
        StyleTransfer t = valid().style(styleFile).styleMask(1, maskFile)
                .styles(List.of(new Style(other, 1), new Style(STYLE, 2))).build();
        assertThat(t.styles()).extracting(Style::image).containsExactly(other, STYLE);
        // Kept, the mask made for the file's style would have moved to the new second style.
        assertThat(t.styleMasks()).isEmpty();
        assertThat(t.inputFiles()).doesNotContain(styleFile, maskFile);
        StyleTransfer masked = valid().styles(List.of(new Style(other, 1))).styleMask(0, CONTENT).style(STYLE).build();
        assertThat(masked.styles()).extracting(Style::image).containsExactly(other, STYLE);
        assertThat(masked.styleMasks()).containsOnlyKeys(0);
    }

    @Test
    void aLaterMaskForTheSameStyleReplacesTheFormer(@TempDir Path dir) {
        Path maskFile = dir.resolve("mask.png");
        Images.write(CONTENT, maskFile);
        RgbImage inMemory = RgbImage.filled(40, 30, 255, 255, 255);
        StyleTransfer t = valid().styleMask(0, maskFile).styleMask(0, inMemory).build();
        assertThat(t.styleMasks()).containsExactly(Map.entry(0, inMemory));
        assertThat(t.inputFiles()).doesNotContain(maskFile);
        assertThat(valid().styleMask(0, inMemory).styleMask(0, maskFile).build().inputFiles()).contains(maskFile);
    }

    @Test
    void contentAndInitFromFilesAreReplacedWithTheirFiles(@TempDir Path dir) {
        Path picture = dir.resolve("picture.png");
        Images.write(CONTENT, picture);
        StyleTransfer t = valid().content(picture).content(STYLE).init(Init.image(picture)).init(Init.NOISE).build();
        assertThat(t.content()).isSameAs(STYLE);
        assertThat(t.init()).isSameAs(Init.NOISE);
        assertThat(t.inputFiles()).isEmpty();
    }

    @Test
    void layerSettersReplaceEachOther() {
        assertThat(valid().contentLayers(List.of("relu3_2", "relu4_2")).contentLayers("relu5_2").build().contentLayers())
                .containsExactly("relu5_2");
        assertThat(valid().contentLayers("relu5_2").contentLayers(List.of("relu3_2")).build().contentLayers())
                .containsExactly("relu3_2");
        assertThat(valid().styleLayers(Map.of("relu1_1", 0.5)).styleLayers("relu2_1", "relu3_1").build().styleLayers())
                .containsExactly(Map.entry("relu2_1", 1.0), Map.entry("relu3_1", 1.0));
        assertThat(valid().styleLayers("relu2_1", "relu3_1").styleLayers(Map.of("relu1_1", 0.5)).build().styleLayers())
                .containsExactly(Map.entry("relu1_1", 0.5));
        StyleTransfer histogram = valid().histogramLoss(2, "relu2_1").histogramLoss(3).build();
        assertThat(histogram.histogramWeight()).isEqualTo(3);
        // Documented: no layers keeps the current ones.
        assertThat(histogram.histogramLayers()).containsExactly("relu2_1");
        assertThat(valid().histogramLoss(2, "relu2_1").histogramLoss(3, "relu3_1").build().histogramLayers())
                .containsExactly("relu3_1");
    }

    @Test
    void singleValueOptionsKeepTheLastValue(@TempDir Path dir) {
        Vgg19 network = Vgg19.random(2, Preprocessing.TORCHVISION);
        StyleTransfer t = valid()
                .weights(Weights.of(1, 2, 3)).weights(Weights.of(4, 5, 6))
                .featureExtractor(Vgg19.random(3, Preprocessing.CAFFE)).featureExtractor(network)
                .optimizer(Optimizer.adam(1)).optimizer(Optimizer.lbfgs().withHistorySize(5))
                .init(Init.STYLE).init(Init.NOISE)
                .seed(1).seed(2)
                .device(Device.gpu(0)).device(Device.cpu())
                .previewEvery(3).previewEvery(4)
                .styleCache(dir.resolve("a")).styleCache(dir.resolve("b"))
                .colorMode(ColorMode.LUMINANCE).colorMode(ColorMode.NONE)
                .styleScale(0.5).styleScale(2)
                .pooling(Pooling.AVERAGE).pooling(Pooling.MAX)
                .normalizeGradients(true).normalizeGradients(false)
                .tileSize(128).tileSize(256)
                .build();
        assertThat(t.weights()).isEqualTo(Weights.of(4, 5, 6));
        assertThat(t.featureExtractor()).isSameAs(network);
        assertThat(t.optimizer()).isEqualTo(Optimizer.lbfgs().withHistorySize(5));
        assertThat(t.init()).isSameAs(Init.NOISE);
        assertThat(t.seed()).isEqualTo(2);
        assertThat(t.device()).isEqualTo(Device.cpu());
        assertThat(t.previewEvery()).isEqualTo(4);
        assertThat(t.styleCache()).contains(dir.resolve("b"));
        assertThat(t.colorMode()).isEqualTo(ColorMode.NONE);
        assertThat(t.styleScale()).isEqualTo(2);
        assertThat(t.pooling()).isEqualTo(Pooling.MAX);
        assertThat(t.normalizeGradients()).isFalse();
        assertThat(t.tileSize()).hasValue(256);
    }

    // Validation of scales, tiles and masks happens in build(), before any engine is looked up.

    @Test
    void scalesAreValidated() {
        rejects(b -> b.scales(), "scales", "at least one");
        rejects(b -> b.scales(List.of()), "scales", "at least one");
        rejects(b -> b.scales(Arrays.asList(256, null)), "scales", "null");
        rejects(b -> b.scales(256, 256), "scales", "coarse to fine");
        rejects(b -> b.scales(512, 256), "scales", "coarse to fine");
        rejects(b -> b.scales(15, 256), "scales", "16..16384, got 15");
        rejects(b -> b.scales(256, StyleTransfer.MAX_SIZE + 1), "scales", "got 16385");
        rejects(b -> b.content(RgbImage.filled(1000, 10, 0, 0, 0)).scales(50, 100), "size", "too small");
        assertThat(valid().scales(16, StyleTransfer.MAX_SIZE).content(RgbImage.filled(200, 10, 0, 0, 0)).build().stages())
                .containsExactly(16, StyleTransfer.MAX_SIZE);
    }

    @Test
    void perStageIterationsMustMatchTheScales() {
        rejects(b -> b.scales(256, 512).iterations(300, 200, 100), "iterations", "3 per-stage counts for 2 scales");
        rejects(b -> b.iterations(300, 200), "iterations", "2 per-stage counts for 0 scales");
        rejects(b -> b.scales(256, 512).iterations(300, 200).scales(128, 256, 512), "iterations", "for 3 scales");
        // The stages were replaced by a single size, so the counts given for them no longer fit.
        rejects(b -> b.scales(256, 512).iterations(300, 200).size(300), "iterations", "for 0 scales");
        rejects(b -> b.scales(256, 512).iterations(300, 0), "iterations", "got 0");
        rejects(b -> b.scales(256, 512).iterations(1_000_001, 5), "iterations", "got 1000001");
    }

    @Test
    void tileSizeIsValidated() {
        rejects(b -> b.tileSize(63), "tileSize", "64..16384, got 63");
        rejects(b -> b.tileSize(0), "tileSize", "got 0");
        rejects(b -> b.tileSize(StyleTransfer.MAX_SIZE + 1), "tileSize", "got 16385");
        assertThat(valid().tileSize(64).build().tileSize()).hasValue(64);
        assertThat(valid().tileSize(StyleTransfer.MAX_SIZE).build().tileSize()).hasValue(StyleTransfer.MAX_SIZE);
    }

    @Test
    void masksAreValidated() {
        RgbImage mask = RgbImage.filled(40, 30, 255, 255, 255);
        rejects(b -> b.styleMask(1, mask), "styleMask", "style index 1 out of range: there are 1 styles");
        rejects(b -> b.styleMask(-1, mask), "styleMask", "style index -1");
        rejects(b -> b.style(STYLE).styles(List.of(new Style(STYLE, 1))).styleMask(1, mask),
                "styleMask", "style index 1 out of range");
        assertThatThrownBy(() -> valid().styleMask(0, (RgbImage) null)).isInstanceOf(NullPointerException.class);
        // Masks are scaled to the output, so any size (and aspect) is accepted.
        RgbImage odd = RgbImage.filled(7, 90, 255, 255, 255);
        assertThat(valid().style(STYLE).styleMask(1, odd).build().styleMasks()).containsExactly(Map.entry(1, odd));
    }

    @Test
    void validationNeedsNoEngine() {
        // No engine is on the api test classpath: an option error must come first, and a valid
        // request gets as far as the engine look-up.
        assertThatThrownBy(() -> valid().scales(512, 256).run()).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> valid().tileSize(8).start()).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> valid().styleMask(2, CONTENT).run()).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> valid().scales(16, 32).iterations(1).run()).isInstanceOf(EngineException.class);
    }

    @Test
    void valueObjectsValidateTheirOwnFields() {
        assertThatThrownBy(() -> Weights.of(Double.POSITIVE_INFINITY, 1, 1))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("weights.content");
        assertThatThrownBy(() -> Weights.of(1, -1, 1))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("weights.style");
        assertThatThrownBy(() -> Weights.of(0, 0, 0)).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Optimizer.adam(0)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> Optimizer.adam(Double.NaN)).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Optimizer.lbfgs().withHistorySize(0)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("historySize");
        assertThatThrownBy(() -> new Style(STYLE, 0)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("blendWeight");
        assertThatThrownBy(() -> Device.gpu(-1)).isInstanceOf(InvalidOptionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gpu:x", "tpu", "cuda:-1"})
    void badDeviceNamesAreRejected(String text) {
        assertThatThrownBy(() -> Device.parse(text)).isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("device:");
    }

    @Test
    void devicesParse() {
        assertThat(Device.parse("auto")).isEqualTo(Device.auto());
        assertThat(Device.parse("CPU")).isEqualTo(Device.cpu());
        assertThat(Device.parse("gpu:1")).isEqualTo(Device.gpu(1));
        assertThat(Device.parse("gpu").toString()).isEqualTo("gpu:0");
    }

    @Test
    void requestsAreImmutable() {
        Map<String, Double> layers = new LinkedHashMap<>(Map.of("relu1_1", 1.0));
        StyleTransfer.Builder b = valid().styleLayers(layers);
        StyleTransfer t = b.build();
        layers.put("relu2_1", 1.0);
        b.styleLayers("relu3_1").iterations(7);
        assertThat(t.styleLayers()).containsOnlyKeys("relu1_1");
        assertThat(t.iterations()).isEqualTo(500);
        assertThatThrownBy(() -> t.styleLayers().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(t.toBuilder().iterations(9).build().iterations()).isEqualTo(9);
    }

    @Test
    void vggLayerNamesMatchTorchvisionIndices() {
        assertThat(Vgg19.LAYERS).hasSize(37);
        assertThat(Vgg19.layerIndex("conv1_1")).isZero();
        assertThat(Vgg19.layerIndex("pool1")).isEqualTo(4);
        assertThat(Vgg19.layerIndex("conv3_1")).isEqualTo(10);
        assertThat(Vgg19.layerIndex("conv4_1")).isEqualTo(19);
        assertThat(Vgg19.layerIndex("relu4_2")).isEqualTo(22);
        assertThat(Vgg19.layerIndex("pool5")).isEqualTo(36);
        assertThat(Vgg19.convChannels(10)).containsExactly(128, 256);
        assertThat(Vgg19.convChannels(0)).containsExactly(3, 64);
        assertThat(Vgg19.convChannels(28)).containsExactly(512, 512);
        assertThat(Vgg19.convChannels(1)).isNull();
    }

    @Test
    void missingWeightsFileIsAModelError() {
        assertThatThrownBy(() -> Vgg19.fromFile(java.nio.file.Path.of("no/such/vgg.safetensors"), Preprocessing.CAFFE))
                .isInstanceOf(ModelException.class).hasMessageContaining("no/such/vgg.safetensors");
    }

    @Test
    void preprocessingRoundTrips() {
        for (Preprocessing p : Preprocessing.values()) {
            for (int c = 0; c < 3; c++) {
                assertThat(p.inverse(c, p.forward(c, 200))).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        assertThat(Preprocessing.CAFFE.forward(0, 123.68)).isZero();
        assertThat(Preprocessing.TORCHVISION.forward(1, 255 * 0.456)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
