// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * Separable Lanczos-3 resampling of planar float images. When shrinking, the kernel is widened
 * by the scale factor so that it also low-pass filters (no aliasing); weights are normalised per
 * output sample so flat regions stay exactly flat.
 */
final class ImageResampler {
    private static final int LOBES = 3;

    private ImageResampler() {
    }

    static float[] resize(float[] src, int w, int h, int nw, int nh) {
        Taps horizontal = taps(w, nw);
        Taps vertical = taps(h, nh);
        int planes = src.length / (w * h);
        float[] out = new float[planes * nw * nh];
        float[] tmp = new float[nw * h];
        for (int c = 0; c < planes; c++) {
            int srcBase = c * w * h;
            for (int y = 0; y < h; y++) {
                int row = srcBase + y * w;
                for (int x = 0; x < nw; x++) {
                    tmp[y * nw + x] = horizontal.apply(src, row, 1, x);
                }
            }
            int outBase = c * nw * nh;
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    out[outBase + y * nw + x] = vertical.apply(tmp, x, nw, y);
                }
            }
        }
        return out;
    }

    /** For each output index, the first source index and the normalised weights to apply. */
    private record Taps(int[] first, float[][] weights) {
        float apply(float[] data, int base, int stride, int outIndex) {
            float[] wts = weights[outIndex];
            int idx = base + first[outIndex] * stride;
            double sum = 0;
            for (float wt : wts) {
                sum += wt * data[idx];
                idx += stride;
            }
            return (float) sum;
        }
    }

    private static Taps taps(int inSize, int outSize) {
        double scale = (double) outSize / inSize;
        double filterScale = Math.min(1.0, scale);
        double support = LOBES / filterScale;
        int[] first = new int[outSize];
        float[][] weights = new float[outSize][];
        for (int o = 0; o < outSize; o++) {
            double centre = (o + 0.5) / scale - 0.5;
            int lo = Math.max(0, (int) Math.floor(centre - support) + 1);
            int hi = Math.min(inSize - 1, (int) Math.ceil(centre + support) - 1);
            if (hi < lo) {
                lo = hi = Math.min(inSize - 1, Math.max(0, (int) Math.round(centre)));
            }
            double[] raw = new double[hi - lo + 1];
            double total = 0;
            for (int i = lo; i <= hi; i++) {
                double v = lanczos((i - centre) * filterScale);
                raw[i - lo] = v;
                total += v;
            }
            float[] norm = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                norm[i] = total == 0 ? 1f / raw.length : (float) (raw[i] / total);
            }
            first[o] = lo;
            weights[o] = norm;
        }
        return new Taps(first, weights);
    }

    private static double lanczos(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-9) {
            return 1;
        }
        if (ax >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
