// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The result of a style transfer: the picture and how it was obtained.
 *
 * @param image the optimised picture, clamped to 0..255 and rounded to whole grey levels
 * @param initialLosses losses of the starting picture (of the first stage when coarse to fine)
 * @param losses losses of the returned picture (with tiles: of the last tile optimised; losses of
 *     different stages or tiles are not comparable, their sizes differ)
 * @param iterations iterations done over all stages and tiles (fewer than asked where the
 *     optimiser converged)
 * @param evaluations loss-and-gradient evaluations done
 * @param elapsed wall time of the whole run (loading, targets and optimisation)
 * @param optimization wall time of the iterations alone
 * @param device the device it ran on, e.g. {@code cpu} or {@code gpu:0}
 * @param engine the engine that ran it, e.g. {@code PyTorch 2.7.1 (DJL 0.35.1)}
 */
public record StylizedImage(RgbImage image, Losses initialLosses, Losses losses, int iterations,
                            int evaluations, Duration elapsed, Duration optimization,
                            String device, String engine) {
    /**
     * Creates a result.
     *
     * @param image the optimised picture
     * @param initialLosses losses of the starting picture
     * @param losses losses of the returned picture
     * @param iterations iterations done over all stages and tiles
     * @param evaluations loss-and-gradient evaluations done
     * @param elapsed wall time of the whole run
     * @param optimization wall time of the iterations alone
     * @param device the device it ran on
     * @param engine the engine that ran it
     * @throws NullPointerException if the image, either losses or either duration is null
     */
    public StylizedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(initialLosses, "initialLosses");
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(optimization, "optimization");
    }

    /**
     * Mean wall time per iteration, loading, target computation and listeners excluded.
     *
     * @return seconds per iteration; 0 when no iteration was done
     */
    public double secondsPerIteration() {
        return iterations == 0 ? 0 : optimization.toNanos() / 1e9 / iterations;
    }

    /**
     * Writes the picture as {@link Images#write} does; the format follows the extension (.png, .jpg).
     *
     * @param file the destination, replaced atomically if it exists
     * @throws ImageWriteException if the extension is not supported or the file cannot be written
     */
    public void save(Path file) {
        Images.write(image, file);
    }
}
