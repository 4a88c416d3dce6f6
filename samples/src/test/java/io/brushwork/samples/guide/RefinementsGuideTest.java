// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.ColorMode;
import io.brushwork.ColorTransfer;
import io.brushwork.Images;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.samples.StandardStreams;
import io.brushwork.samples.cli.NetworkFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the code of docs/style-refinements.md on a seeded random VGG-19 (blocks 1-3) and small
 * pictures: the guide's settings with the size and iterations turned down.
 */
class RefinementsGuideTest {
    @TempDir
    static Path dir;
    static Path content;
    static Path style;
    static Path otherStyle;
    static Vgg19 vgg;
    static RgbImage plain;

    @BeforeAll
    static void fixtures() {
        NetworkFixtures.StyleInputs inputs = NetworkFixtures.styleInputs(dir, 48, 36);
        content = inputs.content();
        style = inputs.style();
        otherStyle = dir.resolve("other-style.png");
        Images.write(NetworkFixtures.picture(40, 40, 20), otherStyle);
        vgg = Vgg19.fromFile(inputs.vgg(), Preprocessing.CAFFE);
        plain = small().run().image().quantized();
    }

    /** The guide's settings at 32 pixels and 3 iterations, so that each run takes a moment. */
    static StyleTransfer.Builder small() {
        return RefinementsGuide.guideSettings(content, style, vgg).size(32).iterations(3);
    }

    static RgbImage contentAt(int width, int height) {
        return Images.read(content).resize(width, height);
    }

    @Test
    void guideSettingsAreThoseOfThePictures() {
        StyleTransfer settings = RefinementsGuide.guideSettings(content, style, vgg).build();

        assertThat(settings.stages()).containsExactly(256);
        assertThat(settings.iterations()).isEqualTo(100);
        assertThat(settings.contentLayers()).containsExactly("relu3_2");
        assertThat(settings.styleLayers()).containsOnlyKeys("relu1_1", "relu2_1", "relu3_1");
        assertThat(plain.width()).isEqualTo(32);
        assertThat(plain).isNotEqualTo(contentAt(32, 24).quantized());
    }

    @Test
    void luminanceModeKeepsTheContentsChroma() {
        RgbImage out = RefinementsGuide.inContentColours(small(), ColorMode.LUMINANCE).image();

        // Putting the content's chroma back changes nothing but what clamping to 0..255 changed.
        RgbImage recombined = ColorTransfer.recombine(out, contentAt(out.width(), out.height()));
        assertThat(meanAbsDifference(out, recombined)).isLessThan(2);
        assertThat(out.quantized()).isNotEqualTo(plain);
    }

    @Test
    void histogramModeChangesTheResult() {
        RgbImage out = RefinementsGuide.inContentColours(small(), ColorMode.HISTOGRAM).image();

        assertThat(out.quantized()).isNotEqualTo(plain).isNotEqualTo(contentAt(32, 24).quantized());
    }

    @Test
    void styleInContentColoursTakesTheContentsMeanColour() {
        RgbImage recoloured = RefinementsGuide.styleInContentColours(style, content);

        assertThat(recoloured.width()).isEqualTo(40);
        assertThat(recoloured.height()).isEqualTo(40);
        double[] want = meanColour(Images.read(content));
        double[] got = meanColour(recoloured);
        for (int c = 0; c < 3; c++) {
            assertThat(got[c]).as("channel %d", c).isCloseTo(want[c], within(0.5));
        }
        assertThat(small().styles(List.of()).style(recoloured).run().image().quantized()).isNotEqualTo(plain);
    }

    @Test
    void blendAndStyleScaleChangeTheStyleTargets() {
        RgbImage blended = RefinementsGuide.blend(small(), otherStyle, 1.0).image().quantized();
        RgbImage larger = RefinementsGuide.largerStrokes(small()).image().quantized();

        assertThat(blended).isNotEqualTo(plain);
        assertThat(larger).isNotEqualTo(plain).isNotEqualTo(blended);
    }

    @Test
    void coarseToFineEndsAtTheFineSize() {
        StylizedImage out = RefinementsGuide.coarseToFine(small(), 16, 32);

        assertThat(out.image().width()).isEqualTo(32);
        assertThat(out.image().height()).isEqualTo(24);
        assertThat(out.iterations()).isBetween(2, 140);
    }

    @Test
    void tilesLowerTheEstimateAndKeepTheSize() {
        StylizedImage[] out = new StylizedImage[1];

        String printed = StandardStreams.out(() -> out[0] = RefinementsGuide.inTiles(small().size(128).iterations(2), 64));

        assertThat(out[0].image().width()).isEqualTo(128);
        assertThat(out[0].image().height()).isEqualTo(96);
        Matcher m = Pattern.compile("about (\\d+) MB in one piece, (\\d+) MB in tiles").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        assertThat(Long.parseLong(m.group(2))).isLessThan(Long.parseLong(m.group(1)));
    }

    @Test
    void aMaskKeepsTheStyleOnItsWhiteHalf() {
        float[] m = new float[3 * 48 * 36];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 36; y++) {
                java.util.Arrays.fill(m, (c * 36 + y) * 48, (c * 36 + y) * 48 + 24, 255f);
            }
        }
        RgbImage out = RefinementsGuide.masked(small().iterations(4), RgbImage.of(48, 36, m)).image();

        RgbImage photo = contentAt(32, 24);
        double left = meanAbsDifference(out.crop(0, 0, 8, 24), photo.crop(0, 0, 8, 24));
        double right = meanAbsDifference(out.crop(24, 0, 8, 24), photo.crop(24, 0, 8, 24));
        assertThat(right).isLessThan(left);
    }

    @Test
    void lossOptionsRun() {
        StylizedImage out = RefinementsGuide.withHistogramLoss(small());

        assertThat(out.image().quantized()).isNotEqualTo(plain);
        assertThat(out.losses().total()).isFinite().isLessThan(out.initialLosses().total());
    }

    @Test
    void paintAllComputesTheStyleTargetsOnce() throws IOException {
        Path second = dir.resolve("second.png");
        Images.write(NetworkFixtures.picture(48, 36, 5), second);
        Path cache = dir.resolve("style-cache");
        Path out = Files.createDirectories(dir.resolve("painted"));

        RefinementsGuide.paintAll(small(), List.of(content, second), cache, out);

        assertThat(Images.read(out.resolve("content.png")).width()).isEqualTo(32);
        assertThat(Images.read(out.resolve("second.png")).width()).isEqualTo(32);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(p -> p.toString().endsWith(".safetensors"))).hasSize(1);
        }
    }

    private static double meanAbsDifference(RgbImage a, RgbImage b) {
        float[] p = a.planes();
        float[] q = b.planes();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(Math.min(255, Math.max(0, p[i])) - Math.min(255, Math.max(0, q[i])));
        }
        return sum / p.length;
    }

    private static double[] meanColour(RgbImage picture) {
        int n = picture.width() * picture.height();
        float[] p = picture.planes();
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                mean[c] += p[c * n + i] / n;
            }
        }
        return mean;
    }
}
