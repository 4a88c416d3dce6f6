// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.testing;

import io.brushwork.RgbImage;

/** Sample-by-sample differences between two pictures of the same size, for assertions. */
public final class PictureDifference {
    /** NTSC YIQ, written out here so that tests pin the standard rather than echo the code. */
    private static final double[][] YIQ = {
        {0.299, 0.587, 0.114},
        {0.5959, -0.2746, -0.3213},
        {0.2115, -0.5227, 0.3112},
    };

    private PictureDifference() {
    }

    /** The largest absolute difference between corresponding samples. */
    public static float max(RgbImage a, RgbImage b) {
        float[] pa = samples(a, b);
        float[] pb = b.planes();
        float max = 0;
        for (int i = 0; i < pa.length; i++) {
            max = Math.max(max, Math.abs(pa[i] - pb[i]));
        }
        return max;
    }

    /** The mean absolute difference over all samples. */
    public static double mean(RgbImage a, RgbImage b) {
        float[] pa = samples(a, b);
        float[] pb = b.planes();
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(pa[i] - pb[i]);
        }
        return sum / pa.length;
    }

    private static float[] samples(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new AssertionError("pictures differ in size: " + a + " vs " + b);
        }
        return a.planes();
    }

    /** Planar Y, I and Q of a picture, on the 0..255 scale. */
    public static double[][] yiq(RgbImage picture) {
        int n = picture.width() * picture.height();
        float[] p = picture.planes();
        double[][] out = new double[3][n];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                out[k][i] = YIQ[k][0] * p[i] + YIQ[k][1] * p[n + i] + YIQ[k][2] * p[2 * n + i];
            }
        }
        return out;
    }

    /** Mean over pixels of |I - I'| + |Q - Q'|: how far the colours (not the brightness) differ. */
    public static double chroma(RgbImage a, RgbImage b) {
        samples(a, b);
        double[][] ya = yiq(a);
        double[][] yb = yiq(b);
        double sum = 0;
        for (int i = 0; i < ya[0].length; i++) {
            sum += Math.abs(ya[1][i] - yb[1][i]) + Math.abs(ya[2][i] - yb[2][i]);
        }
        return sum / ya[0].length;
    }
}
