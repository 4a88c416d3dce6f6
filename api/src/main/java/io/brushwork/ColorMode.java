// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * How a style transfer treats colour, after Gatys et al., "Preserving Color in Neural Artistic
 * Style Transfer" (2016). The pixel operations behind each mode are in {@link ColorTransfer}.
 */
public enum ColorMode {
    /** Plain transfer: the result takes the style picture's colours along with its texture. */
    NONE,

    /**
     * Transfer on luminance only: content and style are reduced to their luminance (the Y of
     * YIQ, see {@link ColorTransfer#luminance}), the network stylises that grey picture, and the
     * result's luminance is recombined with the content's chroma (I and Q, see
     * {@link ColorTransfer#recombine}). The content's colours survive exactly, up to clamping.
     * The paper first matches the style's luminance to the content's mean and spread
     * ({@link ColorTransfer#matchLuminance}), which also keeps that clamping small.
     */
    LUMINANCE,

    /**
     * Colour matching before transfer: the style picture is transformed, pixel by pixel, by the
     * linear map that gives its colours the mean and covariance of the content's (see
     * {@link ColorTransfer#matchHistogram}); the transfer then runs on full colour.
     */
    HISTOGRAM
}
