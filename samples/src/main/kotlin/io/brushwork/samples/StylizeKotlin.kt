// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

@file:JvmName("StylizeKotlin")

package io.brushwork.samples

import io.brushwork.Optimizer
import io.brushwork.Preprocessing
import io.brushwork.StyleTransfer
import io.brushwork.Vgg19
import io.brushwork.Weights
import java.nio.file.Path

/**
 * Paints a photograph in the style of a painting from Kotlin, printing progress from a lambda.
 *
 *     java -cp samples/target/brushwork.jar io.brushwork.samples.StylizeKotlin \
 *         CONTENT STYLE VGG19_WEIGHTS OUT.png [SIZE [ITERATIONS]]
 */
fun main(args: Array<String>) {
    require(args.size in 4..6) { "usage: StylizeKotlin CONTENT STYLE VGG19_WEIGHTS OUT.png [SIZE [ITERATIONS]]" }
    val (content, style, weights, out) = args.take(4).map { Path.of(it) }
    val size = args.getOrNull(4)?.toInt() ?: 256
    val iterations = args.getOrNull(5)?.toInt() ?: 150
    // snippet:stylize-kotlin
    val result = StyleTransfer.builder()
        .content(content)
        .style(style)
        .featureExtractor(Vgg19.fromFile(weights, Preprocessing.CAFFE))
        .contentLayers("relu3_2")
        .styleLayers("relu1_1", "relu2_1", "relu3_1")
        .weights(Weights.of(5.0, 1e3, 1e-3))
        .optimizer(Optimizer.lbfgs())
        .size(size)
        .iterations(iterations)
        .seed(42)
        .listener { e ->
            if (e.iteration() % 25 == 0 || e.iteration() == e.totalIterations()) {
                println("iteration ${e.iteration()}/${e.totalIterations()}: style loss %.4g".format(e.losses().style()))
            }
        }
        .run()
    result.save(out)
    // end-snippet
    println("saved $out: style loss %.4g -> %.4g".format(result.initialLosses().style(), result.losses().style()))
}
