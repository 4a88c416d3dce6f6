// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples

import io.brushwork.{Images, Translator}

import java.nio.file.{Files, Path}
import scala.util.Using

/** Runs a fast-style network or a CycleGAN generator on one picture from Scala. MODEL is a
  * weights file in any supported format, or a model zoo id.
  *
  * {{{
  * java -cp samples/target/brushwork.jar io.brushwork.samples.TranslateScala MODEL IN OUT.png
  * }}}
  */
object TranslateScala:
  def main(args: Array[String]): Unit =
    require(args.length == 3, "usage: TranslateScala MODEL IN OUT.png")
    val Array(model, input, output) = args
    // snippet:translate-scala
    val network =
      if Files.exists(Path.of(model)) then Translator.fromFile(Path.of(model))
      else Translator.fromZoo(model)
    Using.resource(network) { net =>
      val painted = net.translate(Images.read(Path.of(input)))
      Images.write(painted, Path.of(output))
      println(s"${net.architecture()} on ${net.engine()}, ${net.device()}")
    }
    // end-snippet
