// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageResamplerTest {
    private static void assertAllSamples(RgbImage image, float expected, float tolerance) {
        for (float v : image.planes()) {
            assertThat(v).isCloseTo(expected, within(tolerance));
        }
    }

    @ParameterizedTest
    @CsvSource({"100, 60, 33, 17", "33, 17, 100, 60", "10, 10, 10, 3", "7, 5, 1, 1", "1, 1, 9, 4"})
    void flatImageStaysFlat(int w, int h, int nw, int nh) {
        RgbImage flat = RgbImage.filled(w, h, 12.5f, 200f, 255f);

        RgbImage resized = flat.resize(nw, nh);

        assertThat(resized.width()).isEqualTo(nw);
        assertThat(resized.height()).isEqualTo(nh);
        for (int y = 0; y < nh; y++) {
            for (int x = 0; x < nw; x++) {
                assertThat(resized.sample(0, x, y)).isCloseTo(12.5f, within(1e-3f));
                assertThat(resized.sample(1, x, y)).isCloseTo(200f, within(1e-3f));
                assertThat(resized.sample(2, x, y)).isCloseTo(255f, within(1e-3f));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1024, 768, 256, 256, 192", "768, 1024, 256, 192, 256", "500, 500, 128, 128, 128",
        "1000, 3, 100, 100, 1", "640, 427, 512, 512, 342"})
    void resizeLongSideKeepsTheAspectRatio(int w, int h, int longSide, int nw, int nh) {
        RgbImage resized = RgbImage.filled(w, h, 0, 0, 0).resizeLongSide(longSide);

        assertThat(resized.width()).isEqualTo(nw);
        assertThat(resized.height()).isEqualTo(nh);
        assertThat(RgbImage.fitLongSide(w, h, longSide)).containsExactly(nw, nh);
    }

    @Test
    void shrinkingAOnePixelCheckerboardGivesMidGrey() {
        int size = 64;
        float[] planes = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    planes[(c * size + y) * size + x] = (x + y) % 2 == 0 ? 255f : 0f;
                }
            }
        }

        RgbImage half = RgbImage.of(size, size, planes).resize(size / 2, size / 2);

        // Where the kernel is cut by the border the pattern no longer cancels exactly.
        assertAllSamples(half, 127.5f, 5f);
        for (int y = 3; y < size / 2 - 3; y++) {
            for (int x = 3; x < size / 2 - 3; x++) {
                assertThat(half.sample(0, x, y)).isCloseTo(127.5f, within(0.1f));
            }
        }
    }

    @Test
    void shrinkingStripesByAnOddFactorDoesNotAlias() {
        // Nearest-neighbour sampling would pick only black or only white columns.
        int w = 300;
        float[] planes = new float[3 * w * 4];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = (i % w) % 2 == 0 ? 255f : 0f;
        }

        RgbImage shrunk = RgbImage.of(w, 4, planes).resize(100, 4);

        for (int x = 3; x < 97; x++) {
            assertThat(shrunk.sample(0, x, 2)).isCloseTo(127.5f, within(45f));
        }
        float mean = 0;
        for (int x = 0; x < 100; x++) {
            mean += shrunk.sample(0, x, 2) / 100;
        }
        assertThat(mean).isCloseTo(127.5f, within(5f));
    }

    @Test
    void sameSizeReturnsTheSameSamples() {
        RgbImage image = RgbImage.fromBufferedImage(TestImages.noise(17, 9, 11));

        RgbImage same = image.resize(17, 9);

        assertThat(same).isEqualTo(image);
        assertThat(same.planes()).containsExactly(image.planes());
    }

    @Test
    void upscalingKeepsASmoothRampSmoothAndInRange() {
        float[] planes = new float[3 * 16];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = (i % 16) * 17f;
        }

        RgbImage up = RgbImage.of(16, 1, planes).resize(64, 1);

        for (int x = 1; x < 64; x++) {
            assertThat(up.sample(0, x, 0)).isGreaterThanOrEqualTo(up.sample(0, x - 1, 0) - 0.5f);
        }
        assertThat(up.sample(0, 0, 0)).isCloseTo(0f, within(3f));
        assertThat(up.sample(0, 63, 0)).isCloseTo(255f, within(3f));
    }

    @Test
    void channelsAreResampledIndependently() {
        RgbImage image = RgbImage.filled(40, 30, 10, 20, 30).resize(7, 5);

        assertAllSamplesOfChannel(image, 0, 10f);
        assertAllSamplesOfChannel(image, 1, 20f);
        assertAllSamplesOfChannel(image, 2, 30f);
    }

    private static void assertAllSamplesOfChannel(RgbImage image, int channel, float expected) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertThat(image.sample(channel, x, y)).isCloseTo(expected, within(1e-3f));
            }
        }
    }

    @Test
    void invalidSizesAreRejected() {
        RgbImage image = RgbImage.filled(4, 4, 0, 0, 0);

        assertThatThrownBy(() -> image.resize(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.resizeLongSide(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromBufferedImageCompositesAlphaOverWhite() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00123456);
        argb.setRGB(1, 0, 0x80000000);

        RgbImage image = RgbImage.fromBufferedImage(argb);

        assertThat(image.sample(0, 0, 0)).isEqualTo(255f);
        assertThat(image.sample(2, 0, 0)).isEqualTo(255f);
        assertThat(image.sample(1, 1, 0)).isCloseTo(255f * (1 - 128 / 255f), within(1e-3f));
    }

    @Test
    void toBufferedImageClampsAndRounds() {
        RgbImage image = RgbImage.of(1, 1, new float[] {-5f, 127.5f, 300f});

        int rgb = image.toBufferedImage().getRGB(0, 0);

        assertThat((rgb >> 16) & 0xff).isEqualTo(0);
        assertThat((rgb >> 8) & 0xff).isEqualTo(128);
        assertThat(rgb & 0xff).isEqualTo(255);
    }
}
