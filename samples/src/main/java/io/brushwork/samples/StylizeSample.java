// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;

import java.nio.file.Path;

/**
 * The smallest complete program: paint a photograph in the style of a painting, printing
 * progress from a listener.
 *
 * <pre>
 * java -cp samples/target/brushwork.jar io.brushwork.samples.StylizeSample \
 *     CONTENT STYLE VGG19_WEIGHTS OUT.png [SIZE [ITERATIONS]]
 * </pre>
 */
public final class StylizeSample {
    private StylizeSample() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || args.length > 6) {
            throw new IllegalArgumentException(
                    "usage: StylizeSample CONTENT STYLE VGG19_WEIGHTS OUT.png [SIZE [ITERATIONS]]");
        }
        int size = args.length > 4 ? Integer.parseInt(args[4]) : 256;
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 150;
        // snippet:stylize
        StylizedImage out = StyleTransfer.builder()
                .content(Path.of(args[0]))
                .style(Path.of(args[1]))
                .featureExtractor(Vgg19.fromFile(Path.of(args[2]), Preprocessing.CAFFE))
                // The public caffe weights stop at block 3, so use the layers it has.
                .contentLayers("relu3_2")
                .styleLayers("relu1_1", "relu2_1", "relu3_1")
                .weights(Weights.of(5, 1e3, 1e-3))
                .optimizer(Optimizer.lbfgs())
                .size(size)
                .iterations(iterations)
                .seed(42)
                .listener(e -> {
                    if (e.iteration() % 25 == 0 || e.iteration() == e.totalIterations()) {
                        System.out.printf("iteration %d/%d: style loss %.4g, about %d s left%n", e.iteration(),
                                e.totalIterations(), e.losses().style(), e.remaining().toSeconds());
                    }
                })
                .run();
        out.save(Path.of(args[3]));
        // end-snippet
        System.out.printf("saved %s: style loss %.4g -> %.4g in %.1f s%n", args[3],
                out.initialLosses().style(), out.losses().style(), out.elapsed().toMillis() / 1000.0);
    }
}
