// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples

import io.brushwork.{ContactSheet, Generator, Images, Interpolation, Latent}

import java.nio.file.Path
import scala.jdk.CollectionConverters.*
import scala.util.Using

/** A DCGAN interpolation grid from Scala: each row walks between two seeded random latents.
  *
  * {{{
  * java -cp samples/target/brushwork.jar io.brushwork.samples.InterpolationGridScala \
  *     GENERATOR OUT.png [ROWS [STEPS [SEED]]]
  * }}}
  */
object InterpolationGridScala:
  def main(args: Array[String]): Unit =
    require(args.length >= 2 && args.length <= 5,
      "usage: InterpolationGridScala GENERATOR OUT.png [ROWS [STEPS [SEED]]]")
    val rows = args.lift(2).map(_.toInt).getOrElse(4)
    val steps = args.lift(3).map(_.toInt).getOrElse(8)
    val seed = args.lift(4).map(_.toLong).getOrElse(7L)
    // snippet:interpolation-grid-scala
    Using.resource(Generator.fromFile(Path.of(args(0)))) { gan =>
      val grid = (0 until rows).flatMap { row =>
        val ends = Latent.random(gan.latentSize(), 2, seed + row).asScala
        gan.interpolate(ends(0), ends(1), steps, Interpolation.SPHERICAL).asScala
      }
      Images.write(ContactSheet.of(grid.asJava, steps, 2), Path.of(args(1)))
    }
    // end-snippet
