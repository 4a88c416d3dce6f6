// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Images;
import io.brushwork.Init;
import io.brushwork.Losses;
import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.RunCancelledException;
import io.brushwork.StyleTransfer;
import io.brushwork.StyleTransferHandle;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code of docs/concepts.md: each method is one snippet of the guide, callable with its inputs
 * (ConceptsGuideTest runs them all on tiny pictures and seeded random weights).
 */
public final class ConceptsGuide {
    private ConceptsGuide() {
    }

    /** A request on the public Caffe VGG-19 weights (blocks 1-3), which the later snippets vary. */
    public static StyleTransfer request(Path content, Path style, Path vggWeights) {
        // snippet:request
        StyleTransfer request = StyleTransfer.builder()
                .content(content)                  // read now: a bad file fails here, not in the run
                .style(style)
                .featureExtractor(Vgg19.fromFile(vggWeights, Preprocessing.CAFFE))
                .contentLayers("relu3_2")          // this file stops at block 3
                .styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3)) // content, style, total variation
                .size(256)
                .iterations(150)
                .build();                          // checks every option; immutable from here on
        // end-snippet
        return request;
    }

    /** The weighted loss terms after a short, small run of the same request. */
    public static Losses probe(StyleTransfer request) {
        // snippet:probe
        // A few iterations at a small size show whether one term drowns the others.
        Losses losses = request.toBuilder().size(128).iterations(10).build().run().losses();
        System.out.printf("content %.3g  style %.3g  total variation %.3g%n",
                losses.content(), losses.style(), losses.totalVariation());
        // end-snippet
        return losses;
    }

    /** The request with per-layer style weights that favour the deepest style layer. */
    public static StyleTransfer weightedLayers(StyleTransfer request) {
        // snippet:layers
        // Shallow layers match fine texture, deeper ones larger motifs: weight the deep one up
        // for bigger strokes.
        Map<String, Double> styleLayers = new LinkedHashMap<>();
        styleLayers.put("relu1_1", 0.5);
        styleLayers.put("relu2_1", 1.0);
        styleLayers.put("relu3_1", 2.0);
        StyleTransfer strokes = request.toBuilder()
                .styleLayers(styleLayers)
                .build();
        // end-snippet
        return strokes;
    }

    /** The three ways to name a feature network. */
    public static List<Vgg19> featureNetworks(Path weightsFile) {
        // snippet:networks
        // A file of your own: say which convention its weights were trained with.
        Vgg19 fromFile = Vgg19.fromFile(weightsFile, Preprocessing.CAFFE);
        // A catalogue id, resolved (and downloaded once) when a run starts; the entry knows
        // its preprocessing (vgg19: TORCHVISION, vgg19-caffe: CAFFE).
        Vgg19 fromZoo = Vgg19.fromZoo("vgg19");
        // Seeded random weights of the real shapes, full depth: for tests and benchmarks, not art.
        Vgg19 random = Vgg19.random(42, Preprocessing.TORCHVISION);
        // end-snippet
        return List.of(fromFile, fromZoo, random);
    }

    /** The request with a lighter L-BFGS, and with Adam. */
    public static List<StyleTransfer> optimizers(StyleTransfer request) {
        // snippet:optimizers
        // L-BFGS (the default) needs the fewest iterations; it keeps historySize pairs of
        // picture-sized vectors (100 by default), so a shorter history saves memory.
        StyleTransfer lbfgs = request.toBuilder()
                .optimizer(Optimizer.lbfgs().withHistorySize(20))
                .build();
        // Adam keeps two picture-sized moments; its learning rate is a step in 0..255 pixel units.
        StyleTransfer adam = request.toBuilder()
                .optimizer(Optimizer.adam(10))
                .build();
        // end-snippet
        return List.of(lbfgs, adam);
    }

    /** The request started from seeded noise. */
    public static StylizedImage fromNoise(StyleTransfer request, long seed) {
        // snippet:init
        StylizedImage out = request.toBuilder()
                .init(Init.NOISE)   // or CONTENT (the default), STYLE, Init.image(picture)
                .seed(seed)         // only noise uses it: the same seed draws the same start
                .build()
                .run();
        // end-snippet
        return out;
    }

    /** The request run with a progress listener that saves previews into {@code previews}. */
    public static StylizedImage withProgress(StyleTransfer request, Path previews) {
        // snippet:progress
        StylizedImage out = request.toBuilder()
                .previewEvery(10)   // every 10th event, and the last, carries the current picture
                .listener(event -> {
                    // Called on the optimising thread after each iteration: keep it quick.
                    System.out.printf("%d/%d  style %.3g  about %d s left%n", event.iteration(),
                            event.totalIterations(), event.losses().style(), event.remaining().toSeconds());
                    event.preview().ifPresent(picture ->
                            Images.write(picture, previews.resolve(event.iteration() + ".png")));
                })
                .build()
                .run();
        // end-snippet
        return out;
    }

    /** Runs the request in the background and cancels it if it is not done by the deadline. */
    public static Optional<StylizedImage> runWithDeadline(StyleTransfer request, Duration deadline) {
        // snippet:cancel
        StyleTransferHandle handle = request.start();              // on a thread of its own
        Optional<StylizedImage> result = handle.await(deadline);    // empty: still running
        if (result.isEmpty()) {
            handle.cancel();                                        // stops within one iteration
            try {
                handle.await();
            } catch (RunCancelledException expected) {
                // The run has ended and its native memory is released.
            }
        }
        // end-snippet
        return result;
    }

    /** Runs the request, prints what the result says about the run, and saves the picture. */
    public static StylizedImage runAndReport(StyleTransfer request, Path file) {
        // snippet:result
        StylizedImage out = request.run();
        System.out.printf("%dx%d: %d iterations, %d evaluations, %.2f s each, on %s with %s%n",
                out.image().width(), out.image().height(), out.iterations(), out.evaluations(),
                out.secondsPerIteration(), out.device(), out.engine());
        System.out.printf("style loss %.3g -> %.3g%n", out.initialLosses().style(), out.losses().style());
        out.save(file);                                              // .png or .jpg
        // end-snippet
        return out;
    }
}
