// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.brushwork.ColorTransfer.Variant;
import io.brushwork.testing.PictureDifference;
import io.brushwork.testing.SharedData;
import java.io.IOException;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ColorTransferTest {
    @Test
    void yiqRoundTripIsTheIdentity() {
        RgbImage x = uniform(37, 23, 1);

        assertThat(PictureDifference.max(ColorTransfer.recombine(x, x), x)).isLessThan(1e-3f);
    }

    @Test
    void luminanceUsesNtscWeightsAndLeavesGreyAlone() {
        RgbImage red = ColorTransfer.luminance(RgbImage.filled(2, 1, 255, 0, 0));
        for (int c = 0; c < 3; c++) {
            assertThat(red.sample(c, 1, 0)).isCloseTo(0.299f * 255, within(1e-3f));
        }
        RgbImage grey = grey(31, 17, 2);
        assertThat(PictureDifference.max(ColorTransfer.luminance(grey), grey)).isLessThan(1e-3f);
    }

    @Test
    void recombineTakesLuminanceFromTheFirstAndChromaFromTheSecond() {
        for (long seed = 0; seed < 5; seed++) {
            RgbImage a = uniform(29, 19, 10 + seed);
            RgbImage b = correlated(29, 19, 20 + seed);

            double[][] out = PictureDifference.yiq(ColorTransfer.recombine(a, b));
            double[][] ya = PictureDifference.yiq(a);
            double[][] yb = PictureDifference.yiq(b);
            for (int i = 0; i < out[0].length; i++) {
                assertThat(out[0][i]).isCloseTo(ya[0][i], within(1e-3));
                assertThat(out[1][i]).isCloseTo(yb[1][i], within(1e-3));
                assertThat(out[2][i]).isCloseTo(yb[2][i], within(1e-3));
            }
        }
    }

    @Test
    void recombineRefusesPicturesOfDifferentSizes() {
        assertThatThrownBy(() -> ColorTransfer.recombine(uniform(4, 4, 1), uniform(4, 5, 2)))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("4x5");
    }

    @Test
    void luminanceModeKeepsTheContentsChromaOnSyntheticPictures() {
        RgbImage texture = uniform(64, 48, 3);
        RgbImage content = correlated(64, 48, 4).quantized();

        assertLuminanceModeKeepsChroma("synthetic", texture, content);
    }

    @Test
    void luminanceModeKeepsTheContentsChromaOnTubingenAndStarryNight() throws IOException {
        RgbImage content = Images.read(SharedData.require("images/content/tubingen.jpg"));
        RgbImage style = Images.read(SharedData.require("images/style/starry_night.jpg"))
                .resize(content.width(), content.height());

        // The style stands in for a stylised result: the worst case, as its tones owe nothing to
        // the content's. Clamping then moves chroma wherever the new luminance leaves the gamut.
        assertLuminanceModeKeepsChroma("tubingen + starry_night", style, content);
    }

    /**
     * Luminance mode's recombination, from {@code stylised} and the content: the content's chroma
     * before clamping, and within 2 grey levels after it once the luminance is matched first.
     */
    private static void assertLuminanceModeKeepsChroma(String label, RgbImage stylised, RgbImage content) {
        RgbImage raw = ColorTransfer.recombine(stylised, content);
        RgbImage matched = ColorTransfer.recombine(ColorTransfer.matchLuminance(stylised, content), content);
        System.out.printf("%s luminance mode: mean |dI|+|dQ| %.2e unclamped, %.3f quantized,"
                + " %.3f quantized after matchLuminance%n", label, PictureDifference.chroma(raw, content),
                PictureDifference.chroma(raw.quantized(), content), PictureDifference.chroma(matched.quantized(), content));

        assertThat(PictureDifference.chroma(raw, content)).isLessThan(1e-3);
        assertThat(PictureDifference.chroma(matched, content)).isLessThan(1e-3);
        assertThat(PictureDifference.chroma(matched.quantized(), content)).isLessThan(2);
    }

    @Test
    void matchLuminanceGivesTheTargetsLuminanceMeanAndSpread() {
        // Different sizes on purpose: only the target's statistics are used.
        RgbImage source = uniform(40, 30, 11);
        RgbImage target = correlated(25, 35, 12);

        RgbImage out = ColorTransfer.matchLuminance(source, target);

        assertThat(out.width()).isEqualTo(40);
        assertThat(PictureDifference.max(ColorTransfer.luminance(out), out)).as("grey").isLessThan(1e-3f);
        double[] y = luminanceMeanAndDeviation(out);
        double[] expected = luminanceMeanAndDeviation(target);
        assertThat(y[0]).isCloseTo(expected[0], within(1e-3));
        assertThat(y[1]).isCloseTo(expected[1], within(1e-3));
        RgbImage flat = ColorTransfer.matchLuminance(RgbImage.filled(3, 3, 10, 20, 30), target);
        assertThat(PictureDifference.max(flat, RgbImage.filled(3, 3,
                (float) expected[0], (float) expected[0], (float) expected[0]))).isLessThan(1e-3f);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void matchingGivesTheTargetsMeanAndCovariance(Variant variant) {
        // Different sizes on purpose: only the target's statistics are used.
        RgbImage source = correlated(80, 60, 5);
        RgbImage target = correlated(50, 70, 6);

        RgbImage out = ColorTransfer.matchHistogram(source, target, variant);

        assertThat(out.width()).isEqualTo(80);
        assertThat(out.height()).isEqualTo(60);
        assertStatisticsMatch(out, target);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void matchingAPictureToItselfChangesNothing(Variant variant) {
        RgbImage x = correlated(40, 30, 7);

        assertThat(PictureDifference.max(ColorTransfer.matchHistogram(x, x, variant), x)).isLessThan(1e-3f);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void degenerateCovariancesStayFinite(Variant variant) {
        RgbImage colourful = correlated(30, 20, 8);
        RgbImage[] degenerate = {grey(30, 20, 9), RgbImage.filled(30, 20, 90, 120, 30)};
        for (RgbImage d : degenerate) {
            RgbImage fromDegenerate = ColorTransfer.matchHistogram(d, colourful, variant);
            assertFinite(fromDegenerate);
            assertMeanMatches(fromDegenerate, colourful);

            RgbImage toDegenerate = ColorTransfer.matchHistogram(colourful, d, variant);
            assertFinite(toDegenerate);
            assertMeanMatches(toDegenerate, d);
        }
        // A flat target leaves nothing to spread: every pixel becomes its colour.
        RgbImage flat = RgbImage.filled(5, 5, 90, 120, 30);
        assertThat(PictureDifference.max(ColorTransfer.matchHistogram(colourful, flat, variant),
                RgbImage.filled(30, 20, 90, 120, 30))).isLessThan(0.1f);
    }

    static Stream<Arguments> realPairs() {
        Stream.Builder<Arguments> pairs = Stream.builder();
        for (String content : new String[] {"tubingen.jpg", "chelsea.png"}) {
            for (String style : new String[] {"starry_night.jpg", "the_scream.jpg", "brick.png"}) {
                for (Variant variant : Variant.values()) {
                    pairs.add(Arguments.of(content, style, variant));
                }
            }
        }
        return pairs.build();
    }

    @ParameterizedTest(name = "{1} to {0}, {2}")
    @MethodSource("realPairs")
    void matchingRealStylesToRealContent(String content, String style, Variant variant) throws IOException {
        RgbImage target = Images.read(SharedData.require("images/content/" + content));
        RgbImage source = Images.read(SharedData.require("images/style/" + style));

        RgbImage out = ColorTransfer.matchHistogram(source, target, variant);

        assertFinite(out);
        if (style.equals("brick.png")) {
            // A grey style has a rank-one covariance: its colours lie on a line no linear map can
            // spread, so only the mean can be matched.
            assertMeanMatches(out, target);
        } else {
            assertStatisticsMatch(out, target);
        }
    }

    private static void assertStatisticsMatch(RgbImage actual, RgbImage expected) {
        assertMeanMatches(actual, expected);
        double[][] ca = ColorTransfer.covariance(actual);
        double[][] ce = ColorTransfer.covariance(expected);
        double trace = ce[0][0] + ce[1][1] + ce[2][2];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                // 1% relative, with a tiny absolute floor for entries near zero.
                assertThat(ca[r][c]).as("covariance[%d][%d]", r, c)
                        .isCloseTo(ce[r][c], within(0.01 * Math.abs(ce[r][c]) + 1e-4 * trace));
            }
        }
    }

    private static void assertMeanMatches(RgbImage actual, RgbImage expected) {
        double[] ma = ColorTransfer.mean(actual);
        double[] me = ColorTransfer.mean(expected);
        for (int k = 0; k < 3; k++) {
            assertThat(ma[k]).as("mean[%d]", k).isCloseTo(me[k], within(0.01 * Math.abs(me[k]) + 1e-3));
        }
    }

    private static double[] luminanceMeanAndDeviation(RgbImage picture) {
        double[] y = PictureDifference.yiq(picture)[0];
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double mean = sum / y.length;
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / y.length)};
    }

    private static void assertFinite(RgbImage picture) {
        for (float v : picture.planes()) {
            assertThat(Float.isFinite(v)).isTrue();
        }
    }

    /** Independent uniform samples: a noisy, stylised-looking texture. */
    private static RgbImage uniform(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] p = new float[3 * width * height];
        for (int i = 0; i < p.length; i++) {
            p[i] = 255 * random.nextFloat();
        }
        return RgbImage.of(width, height, p);
    }

    /** Equal R, G and B per pixel, varying between pixels. */
    private static RgbImage grey(int width, int height, long seed) {
        Random random = new Random(seed);
        int n = width * height;
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float v = 255 * random.nextFloat();
            p[i] = v;
            p[n + i] = v;
            p[2 * n + i] = v;
        }
        return RgbImage.of(width, height, p);
    }

    /** Colours with a seed-dependent mean and strongly correlated channels, like a photograph's. */
    private static RgbImage correlated(int width, int height, long seed) {
        Random random = new Random(seed);
        double[] mean = new double[3];
        double[][] mix = new double[3][3];
        for (int r = 0; r < 3; r++) {
            mean[r] = 60 + 120 * random.nextDouble();
            for (int c = 0; c < 3; c++) {
                mix[r][c] = (r == c ? 20 : 0) + 25 * random.nextDouble();
            }
        }
        int n = width * height;
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            for (int r = 0; r < 3; r++) {
                p[r * n + i] = (float) (mean[r] + mix[r][0] * z[0] + mix[r][1] * z[1] + mix[r][2] * z[2]);
            }
        }
        return RgbImage.of(width, height, p);
    }
}
