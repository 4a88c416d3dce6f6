package io.brushwork.testing;

import io.brushwork.RgbImage;

/** Sample-by-sample differences between two pictures of the same size, for assertions. */
public final class PictureDifference {
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
}
