// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

@file:JvmName("TranslateKotlin")

package io.brushwork.samples

import io.brushwork.Images
import io.brushwork.Translator
import java.nio.file.Files
import java.nio.file.Path

/**
 * Runs a fast-style network or a CycleGAN generator on one picture from Kotlin. MODEL is a
 * weights file in any supported format, or a model zoo id.
 *
 *     java -cp samples/target/brushwork.jar io.brushwork.samples.TranslateKotlin MODEL IN OUT.png
 */
fun main(args: Array<String>) {
    require(args.size == 3) { "usage: TranslateKotlin MODEL IN OUT.png" }
    val (model, input, output) = args
    // snippet:translate-kotlin
    val network = if (Files.exists(Path.of(model))) Translator.fromFile(Path.of(model)) else Translator.fromZoo(model)
    network.use {
        val painted = it.translate(Images.read(Path.of(input)))
        Images.write(painted, Path.of(output))
        println("${it.architecture()} on ${it.engine()}, ${it.device()}")
    }
    // end-snippet
}
