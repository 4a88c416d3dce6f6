// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Engine;
import io.brushwork.Generator;
import io.brushwork.InvalidOptionException;
import io.brushwork.Latent;
import io.brushwork.RgbImage;
import io.brushwork.djl.nets.PixelRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link Generator} over a network mapping [N, nz, 1, 1] latents to [N, 3, S, S] pictures. */
final class NetworkGenerator extends FeedForwardNetwork implements Generator {
    /** Latents per forward pass: large enough to use the cores, small enough to bound memory. */
    private static final int BATCH = 32;

    private final PixelRange output;
    private final int latentSize;
    private final int imageSize;

    NetworkGenerator(Forward forward, Architecture architecture, String device, PixelRange output,
                     int latentSize, int imageSize) {
        super(forward, architecture, Engine.PYTORCH, device);
        this.output = output;
        this.latentSize = latentSize;
        this.imageSize = imageSize;
    }

    @Override
    public int latentSize() {
        return latentSize;
    }

    @Override
    public int imageSize() {
        return imageSize;
    }

    @Override
    public List<RgbImage> generate(List<Latent> latents) {
        Objects.requireNonNull(latents, "latents");
        List<RgbImage> out = new ArrayList<>(latents.size());
        for (int from = 0; from < latents.size(); from += BATCH) {
            List<Latent> chunk = latents.subList(from, Math.min(latents.size(), from + BATCH));
            float[] packed = new float[chunk.size() * latentSize];
            for (int n = 0; n < chunk.size(); n++) {
                Latent z = chunk.get(n);
                if (z == null || z.size() != latentSize) {
                    throw new InvalidOptionException("latents", "latent " + (from + n) + " has "
                            + (z == null ? "no" : z.size()) + " components; this generator takes " + latentSize);
                }
                System.arraycopy(z.values(), 0, packed, n * latentSize, latentSize);
            }
            float[] result = forward.run(packed, new long[] {chunk.size(), latentSize, 1, 1});
            int plane = imageSize * imageSize;
            for (int n = 0; n < chunk.size(); n++) {
                float[] planes = new float[3 * plane];
                for (int i = 0; i < planes.length; i++) {
                    planes[i] = output.toBytes(result[n * 3 * plane + i]);
                }
                out.add(RgbImage.of(imageSize, imageSize, planes));
            }
        }
        return out;
    }
}
