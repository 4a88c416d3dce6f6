// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.Objects;

/**
 * Colour control for style transfer, after Gatys et al., "Preserving Color in Neural Artistic
 * Style Transfer" (2016): the luminance/chroma split of {@link ColorMode#LUMINANCE} and the
 * mean-and-covariance colour matching of {@link ColorMode#HISTOGRAM}.
 *
 * <p>All results keep the 0..255 scale and are not clamped: samples may leave 0..255, as an
 * {@link RgbImage} allows, until the picture is {@linkplain RgbImage#quantized() quantized}.
 * Arithmetic is done in {@code double}.
 */
public final class ColorTransfer {
    /** How {@link #matchHistogram} factors the 3x3 colour covariances into its linear map. */
    public enum Variant {
        /** A = L_t L_s<sup>-1</sup>, with L the lower Cholesky factor of each covariance. */
        CHOLESKY,
        /**
         * A = C_t<sup>1/2</sup> C_s<sup>-1/2</sup>, with symmetric square roots from an
         * eigen-decomposition (the colour transfer of "Image Analogies"). Unlike the Cholesky map
         * it does not depend on the order of the channels.
         */
        EIGEN
    }

    /** RGB to YIQ, NTSC (FCC) coefficients; the I and Q rows sum to zero, so grey has no chroma. */
    private static final double[][] RGB_TO_YIQ = {
        {0.299, 0.587, 0.114},
        {0.5959, -0.2746, -0.3213},
        {0.2115, -0.5227, 0.3112},
    };
    /** The exact inverse, so that a round trip through YIQ returns the same colours. */
    private static final double[][] YIQ_TO_RGB = inverse(RGB_TO_YIQ);

    /** Jacobi rotations stop once the off-diagonal part is this small relative to the matrix. */
    private static final double JACOBI_TOLERANCE = 1e-15;
    /** A 3x3 symmetric matrix converges in a handful of sweeps; this only bounds the loop. */
    private static final int JACOBI_MAX_SWEEPS = 50;

    private ColorTransfer() {
    }

    /**
     * The luminance (Y of YIQ: 0.299 R + 0.587 G + 0.114 B) of a picture, repeated in all three
     * planes: a grey picture that an RGB network such as VGG can take.
     *
     * @param picture the picture to reduce
     * @return a grey picture of the same size
     */
    public static RgbImage luminance(RgbImage picture) {
        Objects.requireNonNull(picture, "picture");
        int n = picture.width() * picture.height();
        float[] p = picture.planes();
        float[] out = new float[3 * n];
        double[] w = RGB_TO_YIQ[0];
        for (int i = 0; i < n; i++) {
            float y = (float) (w[0] * p[i] + w[1] * p[n + i] + w[2] * p[2 * n + i]);
            out[i] = y;
            out[n + i] = y;
            out[2 * n + i] = y;
        }
        return RgbImage.of(picture.width(), picture.height(), out);
    }

    /**
     * The luminance of {@code source} (as {@link #luminance}, three equal planes) moved linearly
     * to the mean and standard deviation of {@code target}'s luminance: the optional step of
     * {@link ColorMode#LUMINANCE} that Gatys et al. apply to the style before transfer, so that a
     * much brighter or darker style does not shift the content's tones. That also keeps the
     * recombined result closer to the displayable range, where clamping would alter its chroma.
     * The pictures may differ in size. A flat source stays flat, at the target's mean.
     *
     * @param source the picture whose luminance is moved (the style)
     * @param target the picture whose luminance statistics are matched (the content)
     * @return a grey picture of {@code source}'s size
     */
    public static RgbImage matchLuminance(RgbImage source, RgbImage target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        RgbImage ys = luminance(source);
        RgbImage yt = luminance(target);
        double muS = mean(ys)[0];
        double muT = mean(yt)[0];
        // Every plane holds Y, so a diagonal entry of the covariance is the variance of Y; the
        // epsilon keeps a flat source from dividing by zero.
        double gain = Math.sqrt(covariance(yt)[0][0] / (covariance(ys)[0][0] + 1e-6));
        float[] p = ys.planes();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (gain * (p[i] - muS) + muT);
        }
        return RgbImage.of(source.width(), source.height(), p);
    }

    /**
     * The luminance (Y) of one picture with the chroma (I and Q) of another, back in RGB: the
     * last step of {@link ColorMode#LUMINANCE}, with the stylised result as
     * {@code luminanceSource} and the content as {@code chromaSource}.
     *
     * @param luminanceSource the picture whose Y is kept
     * @param chromaSource the picture whose I and Q are kept, of the same size
     * @return the combined picture, of the same size
     * @throws InvalidOptionException if the two pictures differ in size
     */
    public static RgbImage recombine(RgbImage luminanceSource, RgbImage chromaSource) {
        Objects.requireNonNull(luminanceSource, "luminanceSource");
        Objects.requireNonNull(chromaSource, "chromaSource");
        int width = chromaSource.width();
        int height = chromaSource.height();
        if (luminanceSource.width() != width || luminanceSource.height() != height) {
            throw new InvalidOptionException("luminanceSource", "must be the size of the chroma source, "
                    + width + "x" + height + ", got " + luminanceSource.width() + "x" + luminanceSource.height());
        }
        int n = width * height;
        float[] l = luminanceSource.planes();
        float[] c = chromaSource.planes();
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double y = dot(RGB_TO_YIQ[0], l[i], l[n + i], l[2 * n + i]);
            double in = dot(RGB_TO_YIQ[1], c[i], c[n + i], c[2 * n + i]);
            double q = dot(RGB_TO_YIQ[2], c[i], c[n + i], c[2 * n + i]);
            for (int k = 0; k < 3; k++) {
                out[k * n + i] = (float) dot(YIQ_TO_RGB[k], y, in, q);
            }
        }
        return RgbImage.of(width, height, out);
    }

    /**
     * {@code source} with its colours moved, by one affine map applied to every pixel
     * (x' = A (x - &mu;_s) + &mu;_t), so that their mean and 3x3 covariance equal
     * {@code target}'s: the colour matching of {@link ColorMode#HISTOGRAM}, with the style as
     * source and the content as target. Only statistics of {@code target} are used, so the two
     * may differ in size.
     *
     * <p>Both covariances get {@code 1e-5 * trace + 1e-6} added to their diagonal before they
     * are factored. This keeps grey or flat pictures, whose covariance is singular, from
     * producing infinite gains: a grey source stays grey (its colours lie on a line, which no
     * linear map can spread) but takes the target's mean and spread along that line. The
     * covariance of the result is off by roughly that epsilon, a relative error near 1e-5.
     *
     * @param source the picture whose colours are moved (the style)
     * @param target the picture whose colour statistics are matched (the content)
     * @param variant how the covariances are factored
     * @return the recoloured picture, of {@code source}'s size
     */
    public static RgbImage matchHistogram(RgbImage source, RgbImage target, Variant variant) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(variant, "variant");
        double[] muS = mean(source);
        double[] muT = mean(target);
        double[][] cS = regularised(covariance(source, muS));
        double[][] cT = regularised(covariance(target, muT));
        double[][] a = switch (variant) {
            case CHOLESKY -> multiply(cholesky(cT), inverse(cholesky(cS)));
            case EIGEN -> multiply(symmetricPower(cT, 0.5), symmetricPower(cS, -0.5));
        };
        // x' = A x + (mu_t - A mu_s): one matrix-vector product per pixel.
        double[] shift = new double[3];
        for (int k = 0; k < 3; k++) {
            shift[k] = muT[k] - dot(a[k], muS[0], muS[1], muS[2]);
        }
        int n = source.width() * source.height();
        float[] p = source.planes();
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double r = p[i];
            double g = p[n + i];
            double b = p[2 * n + i];
            for (int k = 0; k < 3; k++) {
                out[k * n + i] = (float) (dot(a[k], r, g, b) + shift[k]);
            }
        }
        return RgbImage.of(source.width(), source.height(), out);
    }

    /** The mean colour (R, G, B) over all pixels. */
    static double[] mean(RgbImage picture) {
        int n = picture.width() * picture.height();
        float[] p = picture.planes();
        double[] mu = new double[3];
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += p[k * n + i];
            }
            mu[k] = sum / n;
        }
        return mu;
    }

    /** The 3x3 population covariance of the pixel colours (divided by the pixel count). */
    static double[][] covariance(RgbImage picture) {
        return covariance(picture, mean(picture));
    }

    private static double[][] covariance(RgbImage picture, double[] mu) {
        int n = picture.width() * picture.height();
        float[] p = picture.planes();
        double[][] c = new double[3][3];
        // Deviations from a known mean, not sums of squares, so that bright flat areas do not
        // cancel catastrophically.
        for (int i = 0; i < n; i++) {
            double r = p[i] - mu[0];
            double g = p[n + i] - mu[1];
            double b = p[2 * n + i] - mu[2];
            c[0][0] += r * r;
            c[0][1] += r * g;
            c[0][2] += r * b;
            c[1][1] += g * g;
            c[1][2] += g * b;
            c[2][2] += b * b;
        }
        for (int row = 0; row < 3; row++) {
            for (int col = row; col < 3; col++) {
                c[row][col] /= n;
                c[col][row] = c[row][col];
            }
        }
        return c;
    }

    private static double[][] regularised(double[][] c) {
        double epsilon = 1e-5 * (c[0][0] + c[1][1] + c[2][2]) + 1e-6;
        double[][] out = copy(c);
        for (int k = 0; k < 3; k++) {
            out[k][k] += epsilon;
        }
        return out;
    }

    /** The lower-triangular L with L L<sup>T</sup> = c, for a positive-definite c. */
    private static double[][] cholesky(double[][] c) {
        double[][] l = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col <= row; col++) {
                double sum = c[row][col];
                for (int k = 0; k < col; k++) {
                    sum -= l[row][k] * l[col][k];
                }
                l[row][col] = row == col ? Math.sqrt(sum) : sum / l[col][col];
            }
        }
        return l;
    }

    /** V diag(&lambda;<sup>power</sup>) V<sup>T</sup> for a symmetric positive-definite c. */
    private static double[][] symmetricPower(double[][] c, double power) {
        double[][] v = identity();
        double[] lambda = jacobiEigen(copy(c), v);
        double[][] out = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += v[row][k] * Math.pow(lambda[k], power) * v[col][k];
                }
                out[row][col] = sum;
            }
        }
        return out;
    }

    /**
     * Cyclic Jacobi eigenvalue iteration for a symmetric 3x3 matrix: rotates {@code a} to
     * diagonal in place and accumulates the rotations into {@code v}, whose columns become the
     * eigenvectors. Returns the eigenvalues in the order of those columns.
     */
    private static double[] jacobiEigen(double[][] a, double[][] v) {
        double scale = Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]);
        for (int sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
            double off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
            if (off <= JACOBI_TOLERANCE * scale) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        return new double[] {a[0][0], a[1][1], a[2][2]};
    }

    /** One Jacobi rotation that zeroes a[p][q] (Numerical Recipes' stable form of the angle). */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        // The smaller of the two rotation angles, so the rest of the matrix changes least.
        double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** The inverse of an invertible 3x3 matrix, by cofactors. */
    private static double[][] inverse(double[][] m) {
        double[][] cof = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                int r1 = (row + 1) % 3;
                int r2 = (row + 2) % 3;
                int c1 = (col + 1) % 3;
                int c2 = (col + 2) % 3;
                // Cyclic indices give the signed cofactor directly.
                cof[row][col] = m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1];
            }
        }
        double det = m[0][0] * cof[0][0] + m[0][1] * cof[0][1] + m[0][2] * cof[0][2];
        double[][] inv = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                inv[row][col] = cof[col][row] / det;
            }
        }
        return inv;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        double[][] out = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                out[row][col] = x[row][0] * y[0][col] + x[row][1] * y[1][col] + x[row][2] * y[2][col];
            }
        }
        return out;
    }

    private static double dot(double[] row, double x, double y, double z) {
        return row[0] * x + row[1] * y + row[2] * z;
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    private static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
    }
}
