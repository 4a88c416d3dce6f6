// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import io.brushwork.ColorMode;
import io.brushwork.Images;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.samples.guide.RefinementsGuide;

import java.nio.file.Path;

/**
 * Regenerates the before/after pictures of docs/style-refinements.md from the sample data:
 * {@code java -cp samples/target/brushwork.jar io.brushwork.samples.GuidePictures ../shared docs/images}.
 */
public final class GuidePictures {
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
        // The guide's own code draws its pictures, from one frozen set of settings.
        StyleTransfer base = RefinementsGuide.guideSettings(content, starry, vgg).build();

        // Only results are written: the sample pictures themselves stay in ../shared.
        RgbImage photo = Images.read(content);
        int side = base.stages().get(0);   // the guide's output size
        save(out, "plain.png", base.toBuilder().run());
        save(out, "luminance.png", RefinementsGuide.inContentColours(base.toBuilder(), ColorMode.LUMINANCE));
        save(out, "histogram.png", RefinementsGuide.inContentColours(base.toBuilder(), ColorMode.HISTOGRAM));
        save(out, "style-scale-half.png", RefinementsGuide.largerStrokes(base.toBuilder()));
        save(out, "blend-starry-scream.png", RefinementsGuide.blend(base.toBuilder(), scream, 1.0));
        save(out, "mask-left-half.png", RefinementsGuide.masked(base.toBuilder(), leftHalfWhite(photo.width(), photo.height())));
        save(out, "coarse-to-fine.png", RefinementsGuide.coarseToFine(base.toBuilder(), side / 2, side));
    }

    private static void save(Path dir, String name, StylizedImage result) {
        Path file = dir.resolve(name);
        result.save(file);
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
