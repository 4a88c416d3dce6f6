// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
