// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.ColorMode;
import io.brushwork.EngineException;
import io.brushwork.InvalidOptionException;
import io.brushwork.Pooling;
import io.brushwork.ProgressEvent;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.testing.PictureDifference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coarse-to-fine, style scale, tiles, masks, colour modes and the extra loss options, on fixtures made here. */
class StyleRefinementsTest {

    @Test
    void coarseToFineRunsEachStageAndEndsAtTheLastScale() {
        List<ProgressEvent> events = new ArrayList<>();
        StylizedImage out = StyleTransferRunTest.small().scales(24, 40).iterations(3, 4).listener(events::add).run();
        assertThat(out.image().width()).isEqualTo(40);
        assertThat(out.iterations()).isEqualTo(7);
        assertThat(events).hasSize(7);
        assertThat(events.get(6).totalIterations()).isEqualTo(7);
        assertThat(out.losses().style()).isLessThan(out.initialLosses().style());
        assertThatThrownBy(() -> StyleTransferRunTest.small().scales(40, 24).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("coarse to fine");
        assertThatThrownBy(() -> StyleTransferRunTest.small().scales(24, 40).iterations(3, 4, 5).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("iterations:");
    }

    @Test
    void styleScaleChangesTheStyleTargets() {
        double full = StyleTransferRunTest.small().iterations(1).run().initialLosses().style();
        double half = StyleTransferRunTest.small().styleScale(0.5).iterations(1).run().initialLosses().style();
        assertThat(half).isNotEqualTo(full);
        assertThatThrownBy(() -> StyleTransferRunTest.small().styleScale(0).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("styleScale:");
    }

    @Test
    void tilesCoverTheWholePictureWithOverlap() {
        StyleTransfer request = StyleTransferRunTest.small().content(StyleTransferRunTest.gradient(200, 150))
                .size(200).tileSize(64).iterations(2).build();
        List<int[]> tiles = DjlStyleTransferEngine.tiles(request.outputSize(), request);
        assertThat(tiles.size()).isGreaterThan(4);
        int[] covered = new int[200 * 150];
        for (int[] t : tiles) {
            assertThat(t[2] - t[0]).isLessThanOrEqualTo(64);
            assertThat(t[3] - t[1]).isLessThanOrEqualTo(64);
            for (int y = t[1]; y < t[3]; y++) {
                for (int x = t[0]; x < t[2]; x++) {
                    covered[y * 200 + x]++;
                }
            }
        }
        for (int c : covered) {
            assertThat(c).isPositive();
        }
        List<ProgressEvent> events = new ArrayList<>();
        StylizedImage out = request.toBuilder().listener(events::add).build().run();
        assertThat(out.image().width()).isEqualTo(200);
        assertThat(out.image().height()).isEqualTo(150);
        assertThat(events).hasSize(2 * tiles.size());
        assertThat(request.estimatePeakBytes()).isLessThan(request.toBuilder().tileSize(200).build().estimatePeakBytes());
    }

    /** The tile grid of a {@code w x h} picture cut into tiles of {@code tile}. */
    private static StyleTransfer tiled(int w, int h, int tile) {
        return StyleTransferRunTest.small().content(StyleTransferRunTest.gradient(w, h)).size(Math.max(w, h))
                .tileSize(tile).iterations(2).build();
    }

    @Test
    void neighbouringTilesOverlapByAtLeastTheConfiguredAmountAndNoTileIsRedundant() {
        for (int[] c : new int[][] {{200, 150, 64}, {300, 97, 96}, {1000, 640, 256}, {129, 65, 64}}) {
            StyleTransfer request = tiled(c[0], c[1], c[2]);
            int overlap = DjlStyleTransferEngine.overlap(request);
            assertThat(overlap).isEqualTo(Math.max(16, c[2] / 8));
            List<int[]> tiles = DjlStyleTransferEngine.tiles(request.outputSize(), request);
            // Columns from the first row of tiles, rows from the first column: the tiles are a grid.
            List<int[]> columns = tiles.stream().filter(t -> t[1] == 0).map(t -> new int[] {t[0], t[2]}).toList();
            List<int[]> rows = tiles.stream().filter(t -> t[0] == 0).map(t -> new int[] {t[1], t[3]}).toList();
            assertThat(tiles).hasSize(columns.size() * rows.size());
            for (List<int[]> spans : List.of(columns, rows)) {
                int length = spans == columns ? c[0] : c[1];
                assertThat(spans.get(0)[0]).isZero();
                assertThat(spans.get(spans.size() - 1)[1]).isEqualTo(length);
                for (int i = 0; i + 1 < spans.size(); i++) {
                    assertThat(spans.get(i)[1] - spans.get(i)[0]).isEqualTo(c[2]);
                    assertThat(spans.get(i)[1] - spans.get(i + 1)[0]).as("overlap of %s", List.of(c[0], c[1], c[2], i))
                            .isGreaterThanOrEqualTo(overlap);
                    if (i + 2 < spans.size()) {
                        // Tiles i and i + 2 alone would already overlap enough: i + 1 is redundant.
                        assertThat(spans.get(i)[1] - spans.get(i + 2)[0]).isLessThan(overlap);
                    }
                }
            }
        }
    }

    @Test
    void featheringWeightsSumToOneAndRampSmoothlyAcrossOverlaps() {
        int w = 200;
        int h = 150;
        StyleTransfer request = tiled(w, h, 64);
        int overlap = DjlStyleTransferEngine.overlap(request);
        List<int[]> tiles = DjlStyleTransferEngine.tiles(request.outputSize(), request);
        float[][] raw = new float[tiles.size()][w * h];
        float[] sum = new float[w * h];
        for (int k = 0; k < tiles.size(); k++) {
            int[] t = tiles.get(k);
            for (int y = t[1]; y < t[3]; y++) {
                for (int x = t[0]; x < t[2]; x++) {
                    raw[k][y * w + x] = DjlStyleTransferEngine.feather(t, x - t[0], y - t[1], w, h, overlap);
                    sum[y * w + x] += raw[k][y * w + x];
                }
            }
        }
        // The blend divides by the sum: it is at least 1 everywhere (the ramps of neighbours
        // cross over at least one overlap), so the blended weights sum to 1 with no pixel left to
        // a near-zero weight.
        for (float s : sum) {
            assertThat(s).isGreaterThanOrEqualTo(1 - 1e-5f);
        }
        // Each tile's share rises from 0 outside it by at most 1/overlap per pixel, also across
        // its own edge: no tile's contribution starts or ends abruptly.
        float step = 1f / overlap + 1e-5f;
        for (int k = 0; k < tiles.size(); k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float share = raw[k][y * w + x] / sum[y * w + x];
                    if (x > 0) {
                        assertThat(Math.abs(share - raw[k][y * w + x - 1] / sum[y * w + x - 1])).isLessThanOrEqualTo(step);
                    }
                    if (y > 0) {
                        assertThat(Math.abs(share - raw[k][(y - 1) * w + x] / sum[(y - 1) * w + x])).isLessThanOrEqualTo(step);
                    }
                }
            }
        }
    }

    @Test
    void aTiledRunOfASmoothPictureShowsNoSeam() {
        int w = 112;
        int h = 48;
        StyleTransfer request = tiled(w, h, 64);
        List<int[]> tiles = DjlStyleTransferEngine.tiles(request.outputSize(), request);
        assertThat(tiles).hasSize(2);
        float[] p = request.run().image().planes();
        // Mean absolute step between each column and the one before it, over rows and channels.
        double[] columnStep = new double[w];
        for (int x = 1; x < w; x++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    int i = c * w * h + y * w + x;
                    columnStep[x] += Math.abs(p[i] - p[i - 1]) / (3.0 * h);
                }
            }
        }
        // A seam is a column whose step stands out from the steps a few columns either side
        // (the picture's own gradient and texture change slowly). Across the overlap, from
        // before the right tile's left edge to past the left tile's right edge, no step may
        // exceed 1.5 times that local level: feathered tiles reach 1.2 here, tiles averaged
        // without feathering 1.9 at a tile edge, a hard cut mid-overlap 2.5.
        for (int x = tiles.get(1)[0] - 4; x <= tiles.get(0)[2] + 4; x++) {
            double around = 0;
            for (int d = 2; d <= 6; d++) {
                around += (columnStep[x - d] + columnStep[x + d]) / 10;
            }
            assertThat(columnStep[x]).as("step into column %d", x).isLessThanOrEqualTo(1.5 * around);
        }
    }

    @Test
    void aRunThatCannotFitFailsBeforeStarting() {
        StyleTransfer huge = StyleTransferRunTest.small().size(9000)
                .contentLayers("relu4_2").build();
        assertThat(huge.estimatePeakBytes()).isGreaterThan(64L << 30);
        long before = System.nanoTime();
        assertThatThrownBy(huge::run).isInstanceOf(EngineException.class).hasMessageContaining("tile");
        assertThat((System.nanoTime() - before) / 1e9).isLessThan(5);
    }

    @Test
    void aMaskedOutRegionGetsNoStyle() {
        RgbImage mask = leftHalfWhite(40, 32);
        StylizedImage masked = StyleTransferRunTest.small().styleMask(0, mask).iterations(15).run();
        StylizedImage full = StyleTransferRunTest.small().iterations(15).run();
        RgbImage content = StyleTransferRunTest.gradient(40, 32).resize(40, 32);
        double maskedRight = rightHalfDifference(masked.image(), content);
        double fullRight = rightHalfDifference(full.image(), content);
        assertThat(maskedRight).isLessThan(fullRight / 2);
        assertThatThrownBy(() -> StyleTransferRunTest.small().styleMask(3, mask).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("style index 3");
    }

    static RgbImage leftHalfWhite(int w, int h) {
        float[] p = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w / 2; x++) {
                    p[(c * h + y) * w + x] = 255;
                }
            }
        }
        return RgbImage.of(w, h, p);
    }

    /** Mean absolute difference over the right third (away from the mask's edge). */
    static double rightHalfDifference(RgbImage a, RgbImage b) {
        int w = a.width();
        int x0 = w * 2 / 3;
        RgbImage ra = a.crop(x0, 0, w - x0, a.height());
        RgbImage rb = b.crop(x0, 0, w - x0, b.height());
        return io.brushwork.testing.PictureDifference.mean(ra, rb);
    }

    @Test
    void colourModesKeepWhatTheyPromise() {
        // The content is a red-green ramp on blue 128, the style mostly blue 40..80: plain
        // transfer drags the blue down, which either colour mode must prevent.
        RgbImage content = StyleTransferRunTest.gradient(40, 32);
        double[] contentColour = meanColour(content);
        double[] styleColour = meanColour(StyleTransferRunTest.stripes(48, 48, 1));
        RgbImage none = StyleTransferRunTest.small().colorMode(ColorMode.NONE).iterations(5).run().image();
        RgbImage luminance = StyleTransferRunTest.small().colorMode(ColorMode.LUMINANCE).iterations(5).run().image();
        RgbImage histogram = StyleTransferRunTest.small().colorMode(ColorMode.HISTOGRAM).iterations(5).run().image();

        // NONE takes the style's colours: its mean colour is nearer the style's than the content's.
        assertThat(distance(meanColour(none), styleColour)).isLessThan(distance(meanColour(none), contentColour));
        assertThat(PictureDifference.chroma(none, content)).isGreaterThan(20);

        // LUMINANCE keeps the content's chroma pixel by pixel, up to clamping and rounding to
        // whole values (ColorTransferTest sees up to 2 from rounding alone; here 1.3), while the
        // brightness is still stylised.
        assertThat(PictureDifference.chroma(luminance, content)).isLessThan(3);
        assertThat(PictureDifference.mean(luminance, content)).isGreaterThan(10);

        // HISTOGRAM recolours the style to the content's colour statistics before the transfer,
        // so the result keeps the content's mean colour (here 7 away, the texture's own bias)
        // where NONE moves it by 56.
        assertThat(distance(meanColour(histogram), contentColour))
                .isLessThan(12)
                .isLessThan(distance(meanColour(none), contentColour) / 3);
        assertThat(histogram).isNotEqualTo(none);
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    /** Mean red, green and blue over the picture. */
    private static double[] meanColour(RgbImage picture) {
        int n = picture.width() * picture.height();
        float[] p = picture.planes();
        double[] mean = new double[3];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                mean[k] += p[k * n + i] / (double) n;
            }
        }
        return mean;
    }

    @Test
    void histogramLossAveragePoolingAndGradientNormalisationRun() {
        StylizedImage histogram = StyleTransferRunTest.small().histogramLoss(1e3, "relu1_1", "relu2_1").iterations(5).run();
        StylizedImage plain = StyleTransferRunTest.small().iterations(5).run();
        assertThat(histogram.initialLosses().style()).isGreaterThan(plain.initialLosses().style());
        assertThat(histogram.losses().total()).isLessThan(histogram.initialLosses().total());
        StylizedImage average = StyleTransferRunTest.small().pooling(Pooling.AVERAGE).iterations(5).run();
        assertThat(average.image()).isNotEqualTo(plain.image());
        StylizedImage normalised = StyleTransferRunTest.small().normalizeGradients(true).iterations(5).run();
        assertThat(normalised.losses().total()).isLessThan(normalised.initialLosses().total());
        assertThat(normalised.image()).isNotEqualTo(plain.image());
    }

    @Test
    void styleTargetsAreSavedOnceAndReused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache) throws Exception {
        StyleTransfer request = StyleTransferRunTest.small().styleCache(cache).iterations(4).build();
        RgbImage first = request.run().image();
        List<java.nio.file.Path> files;
        try (var list = java.nio.file.Files.list(cache)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        long written = java.nio.file.Files.getLastModifiedTime(files.get(0)).toMillis();
        assertThat(request.run().image()).isEqualTo(first);
        assertThat(java.nio.file.Files.getLastModifiedTime(files.get(0)).toMillis()).isEqualTo(written);
        // The same picture without a cache: the cached targets are the computed ones.
        assertThat(request.toBuilder().build().run().image()).isEqualTo(StyleTransferRunTest.small().iterations(4).run().image());
        // A damaged cache file is recomputed, not trusted.
        java.nio.file.Files.write(files.get(0), new byte[] {1, 2, 3});
        assertThat(request.run().image()).isEqualTo(first);
        // Another style gets its own entry.
        StyleTransferRunTest.small().styles(List.of()).style(StyleTransferRunTest.stripes(48, 48, 9)).styleCache(cache)
                .iterations(1).run();
        try (var list = java.nio.file.Files.list(cache)) {
            assertThat(list.count()).isEqualTo(2);
        }
    }
}
