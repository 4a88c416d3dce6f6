// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import io.brushwork.ColorMode;
import io.brushwork.Images;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.Vgg19;
import io.brushwork.Weights;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Regenerates the before/after pictures of docs/style-refinements.md from the sample data:
 * {@code java -cp samples/target/brushwork.jar io.brushwork.samples.GuidePictures ../shared docs/images}.
 */
public final class GuidePictures {
    private static final int SIZE = 256;

    private GuidePictures() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: GuidePictures SHARED_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path shared = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path content = shared.resolve("images/content/tubingen.jpg");
        Path starry = shared.resolve("images/style/starry_night.jpg");
        Path scream = shared.resolve("images/style/the_scream.jpg");
        Vgg19 vgg = Vgg19.fromFile(shared.resolve("models/vgg19/vgg19-caffe-blocks1to3.safetensors"), Preprocessing.CAFFE);
        StyleTransfer base = StyleTransfer.builder()
                .content(content).style(starry).featureExtractor(vgg)
                .contentLayers("relu3_2").styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3)).size(SIZE).iterations(100).build();

        // Only results are written: the sample pictures themselves stay in ../shared.
        RgbImage photo = Images.read(content);
        save(base, b -> b, out, "plain.png");
        save(base, b -> b.colorMode(ColorMode.LUMINANCE), out, "luminance.png");
        save(base, b -> b.colorMode(ColorMode.HISTOGRAM), out, "histogram.png");
        save(base, b -> b.styleScale(0.5), out, "style-scale-half.png");
        save(base, b -> b.style(scream, 1.0), out, "blend-starry-scream.png");
        RgbImage leftHalf = leftHalfWhite(photo.width(), photo.height());
        save(base, b -> b.styleMask(0, leftHalf), out, "mask-left-half.png");
        save(base, b -> b.scales(128, SIZE).iterations(100, 40), out, "coarse-to-fine.png");
    }

    private static void save(StyleTransfer base, UnaryOperator<StyleTransfer.Builder> change, Path dir, String name) {
        Path file = dir.resolve(name);
        change.apply(base.toBuilder()).run().save(file);
        System.out.println("wrote " + file);
    }

    private static RgbImage leftHalfWhite(int w, int h) {
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
}
