// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.ColorMode;
import io.brushwork.ColorTransfer;
import io.brushwork.Images;
import io.brushwork.Pooling;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;

import java.nio.file.Path;
import java.util.List;

/**
 * The code of docs/style-refinements.md. Each option is shown on a builder made by
 * {@link #guideSettings}; {@code GuidePictures} calls these methods to draw the guide's pictures.
 */
public final class RefinementsGuide {
    private RefinementsGuide() {
    }

    // snippet:settings
    public static StyleTransfer.Builder guideSettings(Path content, Path style, Vgg19 vgg) {
        return StyleTransfer.builder()
                .content(content)
                .style(style)
                .featureExtractor(vgg)
                // Layers that VGG-19 blocks 1-3 have, as in the public caffe weights.
                .contentLayers("relu3_2")
                .styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3))
                .size(256)
                .iterations(100);
    }
    // end-snippet

    // snippet:colours
    public static StylizedImage inContentColours(StyleTransfer.Builder transfer, ColorMode mode) {
        // LUMINANCE or HISTOGRAM; the default, NONE, lets the style's colours win.
        return transfer.colorMode(mode).run();
    }
    // end-snippet

    // snippet:colour-match
    public static RgbImage styleInContentColours(Path style, Path content) {
        // HISTOGRAM's first step on its own, with the eigen map instead of Cholesky: the result
        // goes to style(...), and the transfer runs with the default ColorMode.NONE.
        return ColorTransfer.matchHistogram(Images.read(style), Images.read(content), ColorTransfer.Variant.EIGEN);
    }
    // end-snippet

    // snippet:blend
    public static StylizedImage blend(StyleTransfer.Builder transfer, Path secondStyle, double weight) {
        // The first style has weight 1: 1.0 here gives an even mix, 0.25 a fifth of this one.
        return transfer.style(secondStyle, weight).run();
    }

    public static StylizedImage largerStrokes(StyleTransfer.Builder transfer) {
        // Style pictures at half the output's long side, so each stroke covers more of the output.
        return transfer.styleScale(0.5).run();
    }
    // end-snippet

    // snippet:coarse-to-fine
    public static StylizedImage coarseToFine(StyleTransfer.Builder transfer, int coarse, int fine) {
        // Most iterations where they are cheap; the fine stage starts from the coarse result.
        return transfer.scales(coarse, fine).iterations(100, 40).run();
    }
    // end-snippet

    // snippet:tiles
    public static StylizedImage inTiles(StyleTransfer.Builder transfer, int tileSide) {
        StyleTransfer whole = transfer.build();
        StyleTransfer tiled = transfer.tileSize(tileSide).build();
        // Estimated before anything runs: tiles bound the memory, not the picture's size.
        System.out.printf("peak memory about %d MB in one piece, %d MB in tiles%n",
                whole.estimatePeakBytes() >> 20, tiled.estimatePeakBytes() >> 20);
        return tiled.run();
    }
    // end-snippet

    // snippet:mask
    public static StylizedImage masked(StyleTransfer.Builder transfer, RgbImage mask) {
        // Style 0 where the mask is white, none where it is black; the mask is scaled to the output.
        return transfer.styleMask(0, mask).run();
    }
    // end-snippet

    // snippet:losses
    public static StylizedImage withHistogramLoss(StyleTransfer.Builder transfer) {
        return transfer
                .histogramLoss(1, "relu1_1", "relu3_1")  // the default relu4_1 is beyond blocks 1-3
                .pooling(Pooling.AVERAGE)
                .normalizeGradients(true)
                .run();
    }
    // end-snippet

    // snippet:style-cache
    public static void paintAll(StyleTransfer.Builder transfer, List<Path> contents, Path cache, Path outDir) {
        // The first run saves the style targets; later ones with the same style, sizes, network
        // and layers read them instead of running the style pictures through VGG-19 again.
        transfer.styleCache(cache);
        for (Path content : contents) {
            transfer.content(content).run().save(outDir.resolve(content.getFileName()));
        }
    }
    // end-snippet
}
