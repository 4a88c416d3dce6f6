// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import io.brushwork.Images;
import io.brushwork.RgbImage;
import io.brushwork.Translator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a feed-forward network (a fast-style network or a CycleGAN generator) on one picture.
 * MODEL is a weights file in any supported format, or a model zoo id.
 *
 * <pre>
 * java -cp samples/target/brushwork.jar io.brushwork.samples.TranslateSample MODEL IN OUT.png
 * </pre>
 */
public final class TranslateSample {
    private TranslateSample() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: TranslateSample MODEL IN OUT.png");
        }
        // snippet:translate
        Path model = Path.of(args[0]);
        try (Translator network = Files.exists(model) ? Translator.fromFile(model) : Translator.fromZoo(args[0])) {
            RgbImage photo = Images.read(Path.of(args[1]));
            RgbImage painted = network.translate(photo);   // the same size as the photo
            Images.write(painted, Path.of(args[2]));
            System.out.println(network.architecture() + " on " + network.engine() + ", " + network.device());
        }
        // end-snippet
    }
}
