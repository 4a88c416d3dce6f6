// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.ImageReadException;
import io.brushwork.ImageTooLargeException;
import io.brushwork.Images;
import io.brushwork.Optimizer;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.zoo.ModelChecksumException;
import io.brushwork.zoo.ModelDownloadException;
import io.brushwork.zoo.ModelFormatException;
import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.WeightFile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The code of docs/troubleshooting.md: each method is one snippet of the guide, callable with its
 * inputs (TroubleshootingGuideTest feeds them the bad inputs the guide describes).
 */
public final class TroubleshootingGuide {
    private TroubleshootingGuide() {
    }

    /** The request, or a tiled, lighter variant of it when its estimate exceeds {@code budgetBytes}. */
    public static StyleTransfer fitToMemory(StyleTransfer request, long budgetBytes) {
        // snippet:memory
        // Known before anything runs: feature maps, optimiser state, weights and the runtime.
        StyleTransfer fitted = request.estimatePeakBytes() <= budgetBytes ? request : request.toBuilder()
                .tileSize(512)                                     // bounds the area optimised at once
                .optimizer(Optimizer.lbfgs().withHistorySize(20))  // fewer picture-sized vectors kept
                .build();
        System.out.printf("needs about %.1f GB%n", fitted.estimatePeakBytes() / 1e9);
        // end-snippet
        return fitted;
    }

    /** The request with cheaper layers and most iterations at half the size. */
    public static StyleTransfer faster(StyleTransfer request) {
        // snippet:speed
        StyleTransfer faster = request.toBuilder()
                // Stopping at block 3 skips the deepest convolutions.
                .contentLayers("relu3_2")
                .styleLayers("relu1_1", "relu2_1", "relu3_1")
                // Most iterations at 256 px, where one costs about a fifth of one at 512 px.
                .scales(256, 512)
                .iterations(150, 50)
                .build();
        // end-snippet
        return faster;
    }

    /** A picture read with a pixel limit, or empty (with the reason on standard error). */
    public static Optional<RgbImage> readPicture(Path file, long maxPixels) {
        // snippet:images
        try {
            // The size in the file's header is checked before any pixel is decoded.
            return Optional.of(Images.read(file, maxPixels));
        } catch (ImageTooLargeException e) {
            System.err.printf("%s: %dx%d is more than %d pixels%n", file, e.width(), e.height(), e.limit());
        } catch (ImageReadException e) {
            // Missing, empty, truncated, or not PNG, JPEG, GIF, BMP or TIFF: the message says which.
            System.err.println(e.getMessage());
        }
        return Optional.empty();
        // end-snippet
    }

    /** What a weights file holds, or why it is refused. */
    public static String describeWeights(Path file) {
        // snippet:weights-file
        // Reads the file in pure Java: nothing a pickle names is ever imported or called.
        try (WeightFile weights = WeightFile.open(file)) {
            return weights.format().description() + " with " + weights.keys().size() + " tensors";
        } catch (ModelFormatException e) {
            // Malformed, truncated, hostile, or a graph (ONNX, TorchScript) rather than weights.
            return "refused: " + e.getMessage();
        }
        // end-snippet
    }

    /** Whether {@code file} is the file the catalogue entry {@code id} describes. */
    public static boolean matchesCatalogue(Path file, String id) {
        // snippet:checksum
        ModelZoo zoo = ModelZoo.defaults();
        try {
            zoo.verify(file, zoo.catalog().require(id));   // the size, then the SHA-256
            return true;
        } catch (ModelChecksumException e) {
            // Damaged, cut short, or another file of the same name.
            System.err.println("expected " + e.expected() + ", got " + e.actual());
            return false;
        }
        // end-snippet
    }

    /** A model file resolved without any download. */
    public static Path resolveOffline(String id, Path modelsFolder, Path cache) {
        // snippet:offline
        ModelZoo zoo = ModelZoo.builder()
                .offline(true)                 // never connect, as brushwork.offline=true
                .localModelsDir(modelsFolder)  // files you placed, under the catalogue's file names
                .cacheDir(cache)
                .build();
        // Neither there nor cached: a ModelException naming the URL and where to save the file.
        Path file = zoo.resolve(id);
        // end-snippet
        return file;
    }

    /** A model file resolved through {@code zoo}, or empty when its download fails. */
    public static Optional<Path> fetch(ModelZoo zoo, String id) {
        // snippet:download
        try {
            return Optional.of(zoo.resolve(id));
        } catch (ModelDownloadException e) {
            // Thrown after the retries, where retrying can help (408, 429, 5xx, dropped connections).
            String why = e.status().isPresent() ? "HTTP " + e.status().getAsInt() : "no answer: proxy, firewall, DNS?";
            System.err.println(e.url() + ": " + why);
            return Optional.empty();
        }
        // end-snippet
    }
}
