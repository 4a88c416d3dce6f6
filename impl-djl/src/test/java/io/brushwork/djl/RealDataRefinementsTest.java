// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.ColorMode;
import io.brushwork.Device;
import io.brushwork.Images;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import io.brushwork.testing.PictureDifference;
import io.brushwork.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Colour preservation, regional masks and tiles on the real weights and pictures of ../shared. */
@Tag("shared")
class RealDataRefinementsTest {

    static StyleTransfer.Builder real(int size, int iterations) {
        return StyleTransfer.builder()
                .content(SharedData.require("images/content/tubingen.jpg"))
                .style(SharedData.require("images/style/starry_night.jpg"))
                .featureExtractor(Vgg19.fromFile(SharedData.require("models/vgg19/vgg19-caffe-blocks1to3.safetensors"),
                        Preprocessing.CAFFE))
                .contentLayers("relu3_2").styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3)).size(size).iterations(iterations).device(Device.cpu());
    }

    @Test
    void luminanceModeKeepsTheContentsColours() {
        StylizedImage out = real(256, 60).colorMode(ColorMode.LUMINANCE).run();
        RgbImage content = Images.read(SharedData.require("images/content/tubingen.jpg")).resize(256, 192);
        StylizedImage plain = real(256, 60).run();
        double kept = PictureDifference.chroma(out.image(), content);
        double lost = PictureDifference.chroma(plain.image(), content);
        Images.write(out.image(), Path.of("target", "tubingen-starry-luminance.png"));
        System.out.printf("luminance mode: chroma difference %.3f (plain transfer %.3f), style loss %.4g -> %.4g%n",
                kept, lost, out.initialLosses().style(), out.losses().style());
        assertThat(kept).isLessThan(2.0);
        assertThat(lost).isGreaterThan(5 * kept);
        assertThat(PictureDifference.mean(out.image(), content)).isGreaterThan(5);
    }

    @Test
    void aRegionWithoutStyleStaysTheContent() {
        RgbImage content = Images.read(SharedData.require("images/content/tubingen.jpg")).resize(256, 192);
        RgbImage mask = StyleRefinementsTest.leftHalfWhite(256, 192);
        StylizedImage out = real(256, 60).styleMask(0, mask).run();
        Images.write(out.image(), Path.of("target", "tubingen-starry-left-half.png"));
        double unstyled = StyleRefinementsTest.rightHalfDifference(out.image(), content);
        double styled = PictureDifference.mean(out.image().crop(0, 0, 96, 192), content.crop(0, 0, 96, 192));
        System.out.printf("mask: unstyled right third differs by %.2f, styled left part by %.2f%n", unstyled, styled);
        assertThat(unstyled).isLessThan(5.0);
        assertThat(styled).isGreaterThan(10.0);
    }

    @Test
    void tilesPaintALargePictureWithoutSeams() {
        StyleTransfer request = real(768, 3).scales(256, 768).iterations(40, 3).tileSize(384).build();
        StylizedImage out = request.run();
        Path picture = Path.of("target", "tubingen-starry-768-tiled.png");
        Images.write(out.image(), picture);
        System.out.printf("tiled 768x576: %d iterations in %.1f s, estimate %.2f GB, written to %s%n", out.iterations(),
                out.elapsed().toMillis() / 1000.0, request.estimatePeakBytes() / 1e9, picture.toAbsolutePath());
        assertThat(out.image().width()).isEqualTo(768);
        assertThat(out.image().height()).isEqualTo(576);
        // A seam would show as a jump across tile borders: compare the mean jump between
        // neighbouring columns at the borders' possible positions with the jump elsewhere.
        assertThat(maxColumnJumpRatio(out.image())).isLessThan(2.5);
    }

    /** The largest mean |difference| between adjacent columns, relative to the median column jump. */
    static double maxColumnJumpRatio(RgbImage p) {
        int w = p.width();
        int h = p.height();
        double[] jumps = new double[w - 1];
        for (int x = 0; x + 1 < w; x++) {
            double s = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    s += Math.abs(p.sample(c, x + 1, y) - p.sample(c, x, y));
                }
            }
            jumps[x] = s / (3.0 * h);
        }
        double[] sorted = jumps.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        return sorted[sorted.length - 1] / median;
    }
}
