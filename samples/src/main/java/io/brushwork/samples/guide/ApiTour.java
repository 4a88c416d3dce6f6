// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Device;
import io.brushwork.Init;
import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;

import java.nio.file.Path;

/** The README's tour of the style-transfer builder: the main options, each with its alternatives. */
public final class ApiTour {
    private ApiTour() {
    }

    /** Paints {@code photo} like {@code painting} with the VGG-19 {@code weights} file; writes {@code out}. */
    public static StylizedImage tour(Path photo, Path painting, Path weights, Path out) {
        // snippet:tour
        StylizedImage result = StyleTransfer.builder()
                .content(photo)
                .style(painting)                                     // repeat to blend: style(path, weight)
                .featureExtractor(Vgg19.fromFile(weights, Preprocessing.CAFFE))   // or TORCHVISION
                .contentLayers("relu3_2")
                .styleLayers("relu1_1", "relu2_1", "relu3_1")        // or a Map of per-layer weights
                .weights(Weights.of(5, 1e3, 1e-3))                   // content, style, total variation
                .optimizer(Optimizer.lbfgs())                        // or Optimizer.adam(10)
                .iterations(150).size(256).init(Init.CONTENT)        // NOISE, STYLE or Init.image(...)
                .seed(42).device(Device.auto())                      // cpu(), gpu(i)
                .listener(e -> System.out.println(e.iteration() + " " + e.losses()))
                .run();                                              // or start(): cancel() / await()
        result.save(out);
        // end-snippet
        return result;
    }
}
