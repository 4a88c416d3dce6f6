// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import io.brushwork.ContactSheet;
import io.brushwork.Generator;
import io.brushwork.Images;
import io.brushwork.Interpolation;
import io.brushwork.Latent;
import io.brushwork.RgbImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A DCGAN interpolation grid: each row walks the latent space between two seeded random
 * points along the great circle, and the rows are tiled into one contact sheet.
 *
 * <pre>
 * java -cp samples/target/brushwork.jar io.brushwork.samples.InterpolationGridSample \
 *     GENERATOR OUT.png [ROWS [STEPS [SEED]]]
 * </pre>
 */
public final class InterpolationGridSample {
    private InterpolationGridSample() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 5) {
            throw new IllegalArgumentException("usage: InterpolationGridSample GENERATOR OUT.png [ROWS [STEPS [SEED]]]");
        }
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 7;
        // snippet:interpolation-grid
        try (Generator gan = Generator.fromFile(Path.of(args[0]))) {
            List<RgbImage> grid = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                List<Latent> ends = Latent.random(gan.latentSize(), 2, seed + row);
                grid.addAll(gan.interpolate(ends.get(0), ends.get(1), steps, Interpolation.SPHERICAL));
            }
            Images.write(ContactSheet.of(grid, steps, 2), Path.of(args[1]));
        }
        // end-snippet
    }
}
