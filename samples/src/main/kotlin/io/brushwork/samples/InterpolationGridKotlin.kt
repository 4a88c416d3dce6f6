// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

@file:JvmName("InterpolationGridKotlin")

package io.brushwork.samples

import io.brushwork.ContactSheet
import io.brushwork.Generator
import io.brushwork.Images
import io.brushwork.Interpolation
import io.brushwork.Latent
import java.nio.file.Path

/**
 * A DCGAN interpolation grid from Kotlin: each row walks between two seeded random latents.
 *
 *     java -cp samples/target/brushwork.jar io.brushwork.samples.InterpolationGridKotlin \
 *         GENERATOR OUT.png [ROWS [STEPS [SEED]]]
 */
fun main(args: Array<String>) {
    require(args.size in 2..5) { "usage: InterpolationGridKotlin GENERATOR OUT.png [ROWS [STEPS [SEED]]]" }
    val rows = args.getOrNull(2)?.toInt() ?: 4
    val steps = args.getOrNull(3)?.toInt() ?: 8
    val seed = args.getOrNull(4)?.toLong() ?: 7L
    // snippet:interpolation-grid-kotlin
    Generator.fromFile(Path.of(args[0])).use { gan ->
        val grid = (0 until rows).flatMap { row ->
            val (from, to) = Latent.random(gan.latentSize(), 2, seed + row)
            gan.interpolate(from, to, steps, Interpolation.SPHERICAL)
        }
        Images.write(ContactSheet.of(grid, steps, 2), Path.of(args[1]))
    }
    // end-snippet
}
