// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;

import java.nio.file.Path;

/**
 * The first stylisation of docs/getting-started.md: everything left at its default, VGG-19
 * from the model zoo.
 *
 * <pre>
 * java -cp samples/target/brushwork.jar io.brushwork.samples.guide.GettingStarted PHOTO PAINTING OUT.png
 * </pre>
 */
public final class GettingStarted {
    private GettingStarted() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GettingStarted PHOTO PAINTING OUT.png");
        }
        // snippet:first-stylization
        StylizedImage result = StyleTransfer.builder()
                .content(Path.of(args[0]))     // the photograph
                .style(Path.of(args[1]))       // the painting
                .iterations(300)
                .listener(e -> System.out.printf("%d/%d %s%n", e.iteration(), e.totalIterations(), e.losses()))
                .run();                        // VGG-19 comes from the model zoo: downloaded once, verified
        result.save(Path.of(args[2]));
        // end-snippet
    }
}
