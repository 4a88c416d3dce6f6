// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/** How {@link Latent#interpolate} walks between two latent vectors. */
public enum Interpolation {
    /** Straight line: (1 - t) a + t b. */
    LINEAR,
    /**
     * Along the great circle between the directions (slerp), with the length interpolated
     * linearly: Gaussian latents keep a typical norm instead of shrinking mid-way.
     */
    SPHERICAL
}
