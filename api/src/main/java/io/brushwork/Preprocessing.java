// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * How pixels are turned into a feature network's input. The two conventions VGG-19 weights are
 * published in.
 */
public enum Preprocessing {
    /** Caffe weights (the original Oxford VGG): RGB on 0..255 minus the ImageNet mean, no scaling. */
    CAFFE(1.0, new double[] {123.68, 116.779, 103.939}, new double[] {1, 1, 1}),
    /** torchvision weights: RGB on 0..1, minus mean (0.485, 0.456, 0.406), divided by std (0.229, 0.224, 0.225). */
    TORCHVISION(1.0 / 255.0, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});

    private final double scale;
    private final double[] mean;
    private final double[] std;

    Preprocessing(double scale, double[] mean, double[] std) {
        this.scale = scale;
        this.mean = mean;
        this.std = std;
    }

    /**
     * Maps a 0..255 sample of channel {@code c} to network input.
     *
     * @param c the channel: 0 red, 1 green, 2 blue
     * @param value the sample on the 0..255 scale
     * @return the network's input value for it
     */
    public double forward(int c, double value) {
        return (value * scale - mean[c]) / std[c];
    }

    /**
     * Maps network input of channel {@code c} back to the 0..255 scale; the inverse of {@link #forward}.
     *
     * @param c the channel: 0 red, 1 green, 2 blue
     * @param value the network input value
     * @return the sample on the 0..255 scale, not clamped
     */
    public double inverse(int c, double value) {
        return (value * std[c] + mean[c]) / scale;
    }

    /**
     * Multiplier from 0..255 pixel units to network input units for channel {@code c}: the
     * slope of {@link #forward}, which converts differences and gradients.
     *
     * @param c the channel: 0 red, 1 green, 2 blue
     * @return network input units per pixel unit (1 for CAFFE)
     */
    public double gain(int c) {
        return scale / std[c];
    }
}
