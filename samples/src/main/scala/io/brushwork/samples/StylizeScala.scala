// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples

import io.brushwork.{Optimizer, Preprocessing, StyleTransfer, Vgg19, Weights}

import java.nio.file.Path

/** Paints a photograph in the style of a painting from Scala, printing progress from a lambda.
  *
  * {{{
  * java -cp samples/target/brushwork.jar io.brushwork.samples.StylizeScala \
  *     CONTENT STYLE VGG19_WEIGHTS OUT.png [SIZE [ITERATIONS]]
  * }}}
  */
object StylizeScala:
  def main(args: Array[String]): Unit =
    require(args.length >= 4 && args.length <= 6,
      "usage: StylizeScala CONTENT STYLE VGG19_WEIGHTS OUT.png [SIZE [ITERATIONS]]")
    val Array(content, style, weights, out) = args.take(4).map(Path.of(_))
    val size = args.lift(4).map(_.toInt).getOrElse(256)
    val iterations = args.lift(5).map(_.toInt).getOrElse(150)
    // snippet:stylize-scala
    val result = StyleTransfer.builder()
      .content(content)
      .style(style)
      .featureExtractor(Vgg19.fromFile(weights, Preprocessing.CAFFE))
      .contentLayers("relu3_2")
      .styleLayers("relu1_1", "relu2_1", "relu3_1")
      .weights(Weights.of(5, 1e3, 1e-3))
      .optimizer(Optimizer.lbfgs())
      .size(size)
      .iterations(iterations)
      .seed(42)
      .listener { e =>
        if e.iteration() % 25 == 0 || e.iteration() == e.totalIterations() then
          println(f"iteration ${e.iteration()}%d/${e.totalIterations()}%d: style loss ${e.losses().style()}%.4g")
      }
      .run()
    result.save(out)
    // end-snippet
    println(f"saved $out: style loss ${result.initialLosses().style()}%.4g -> ${result.losses().style()}%.4g")
