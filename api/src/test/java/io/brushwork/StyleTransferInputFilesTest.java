// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StyleTransferInputFilesTest {
    @TempDir
    static Path dir;
    static Path content;
    static Path style;
    static Path secondStyle;
    static Path mask;
    static Path start;
    static Path weights;

    @BeforeAll
    static void files() throws IOException {
        content = picture("content.png", 10);
        style = picture("style.png", 20);
        secondStyle = picture("style-2.png", 30);
        mask = picture("mask.png", 255);
        start = picture("start.png", 40);
        weights = Files.writeString(dir.resolve("vgg.safetensors"), "read when a run starts");
    }

    private static Path picture(String name, int grey) {
        Path file = dir.resolve(name);
        Images.write(RgbImage.filled(64, 48, grey, grey, grey), file);
        return file;
    }

    private static StyleTransfer.Builder fromFiles() {
        return StyleTransfer.builder()
                .content(content)
                .style(style)
                .style(secondStyle, 0.5)
                .styleMask(1, mask)
                .init(Init.image(start))
                .featureExtractor(Vgg19.fromFile(weights, Preprocessing.CAFFE));
    }

    @Test
    void theFilesTheBuilderReadAreTheRequestsInputs() {
        StyleTransfer request = fromFiles().build();
        assertThat(request.inputFiles()).containsExactly(content, style, secondStyle, mask, start, weights);
        assertThat(request.toBuilder().build().inputFiles()).isEqualTo(request.inputFiles());
        assertThat(request.init().file()).contains(start);
    }

    @Test
    void picturesGivenInMemoryReplaceTheirFiles() {
        RgbImage picture = RgbImage.filled(64, 48, 1, 2, 3);
        StyleTransfer request = fromFiles()
                .content(picture)
                .styles(List.of(new Style(picture, 1), new Style(picture, 1)))
                .styleMask(1, picture)
                .init(Init.image(picture))
                .featureExtractor(Vgg19.random(1, Preprocessing.CAFFE))
                .build();
        assertThat(request.inputFiles()).isEmpty();
        assertThat(StyleTransfer.builder().content(picture).style(style).style(style).build().inputFiles())
                .containsExactly(style);
    }

    @Test
    void writingTheResultOverAnInputIsRefused() throws IOException {
        StyleTransfer request = fromFiles().build();
        byte[] photograph = Files.readAllBytes(content);
        RgbImage result = RgbImage.filled(64, 48, 0, 0, 0);
        for (Path input : List.of(content, style, mask, start)) {
            assertThatThrownBy(() -> Images.write(result, input, request.inputFiles()))
                    .isInstanceOf(ImageWriteException.class)
                    .hasMessageContaining(input.toString());
        }
        assertThat(Files.readAllBytes(content)).isEqualTo(photograph);
    }
}
