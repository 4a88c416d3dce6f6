// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.ContactSheet;
import io.brushwork.Device;
import io.brushwork.Generator;
import io.brushwork.Images;
import io.brushwork.Interpolation;
import io.brushwork.Latent;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code of docs/feed-forward.md: translators with options and batches, and DCGAN sampling,
 * interpolation and latent arithmetic. Each snippet is a method taking its inputs, so that the
 * guide's tests can run it on small seeded networks.
 */
public final class FeedForwardGuide {
    private FeedForwardGuide() {
    }

    // snippet:batch
    public static List<RgbImage> translateAll(String modelId, List<RgbImage> pictures) {
        NetworkOptions options = NetworkOptions.builder()
                .device(Device.auto())            // the first GPU the engine sees, else the CPU
                .processingSize(512)              // the network sees a 512-pixel long side; the result is resized back
                .trustGraphCode(true)             // the ONNX zoo's models are graphs: code you choose to trust
                .build();
        try (Translator network = Translator.fromZoo(modelId, options)) {
            return network.translate(pictures);   // in order; same-size pictures share one forward pass
        }
    }
    // end-snippet

    // snippet:sample
    public static void sampleSheet(Path generatorWeights, Path sheet) {
        try (Generator gan = Generator.fromFile(generatorWeights)) {  // pytorch/examples dcgan: netG_epoch_24.pth
            List<RgbImage> samples = gan.sample(16, 42);  // 16 standard-normal latents drawn with seed 42
            Images.write(ContactSheet.of(samples), sheet);  // 4x4 grid, 2-pixel white gaps
            System.out.println(gan.latentSize() + "-component latents");  // read from the file (100 in the example)
        }
    }
    // end-snippet

    // snippet:interpolate
    public static RgbImage linearAndSpherical(Generator gan, long seed) {
        List<Latent> ends = Latent.random(gan.latentSize(), 2, seed);
        List<RgbImage> walks = new ArrayList<>(gan.interpolate(ends.get(0), ends.get(1), 9, Interpolation.LINEAR));
        walks.addAll(gan.interpolate(ends.get(0), ends.get(1), 9, Interpolation.SPHERICAL));
        return ContactSheet.of(walks, 9, 2);      // rows of 9: the straight line above the great circle
    }
    // end-snippet

    // snippet:arithmetic
    public static RgbImage smilingMan(Generator gan, List<Latent> smilingWomen, List<Latent> neutralWomen,
                                      List<Latent> neutralMen) {
        Latent smiling = Latent.mean(smilingWomen);
        Latent neutralWoman = Latent.mean(neutralWomen);
        Latent neutralMan = Latent.mean(neutralMen);
        return gan.generate(smiling.sub(neutralWoman).add(neutralMan));
    }
    // end-snippet
}
