// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * An immutable RGB picture: three planes (red, green, blue) of {@code float} samples on the
 * 0..255 scale. Samples may lie outside 0..255 (an optimiser's intermediate result); they are
 * clamped and rounded only when the picture is turned into 8-bit pixels.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final float[] planes;

    private RgbImage(int width, int height, float[] planes) {
        this.width = width;
        this.height = height;
        this.planes = planes;
    }

    /**
     * A picture from planar samples: {@code planes[c * width * height + y * width + x]}, c = 0
     * red, 1 green, 2 blue. The array is copied.
     *
     * @param width the width in pixels (> 0)
     * @param height the height in pixels (> 0)
     * @param planes {@code 3 * width * height} finite samples on the 0..255 scale
     * @return the picture
     * @throws IllegalArgumentException if a size is not positive, the sample count is wrong or a
     *     sample is not finite
     */
    public static RgbImage of(int width, int height, float[] planes) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (planes == null || planes.length != 3L * width * height) {
            throw new IllegalArgumentException("expected " + (3L * width * height) + " samples for "
                    + width + "x" + height + " RGB, got " + (planes == null ? "null" : planes.length));
        }
        for (float v : planes) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("image samples must be finite");
            }
        }
        return new RgbImage(width, height, planes.clone());
    }

    /**
     * A picture filled with one colour.
     *
     * @param width the width in pixels (> 0)
     * @param height the height in pixels (> 0)
     * @param red the red sample, 0..255
     * @param green the green sample, 0..255
     * @param blue the blue sample, 0..255
     * @return the picture
     * @throws IllegalArgumentException if a size is not positive or a sample is not finite
     */
    public static RgbImage filled(int width, int height, float red, float green, float blue) {
        float[] p = new float[3 * width * height];
        int n = width * height;
        Arrays.fill(p, 0, n, red);
        Arrays.fill(p, n, 2 * n, green);
        Arrays.fill(p, 2 * n, 3 * n, blue);
        return of(width, height, p);
    }

    /**
     * Converts any {@link BufferedImage} (grey, palette, 16-bit, with alpha...) to RGB. Transparent
     * pixels are composited over white, as a viewer would show them. Grey samples are taken as
     * gamma-encoded, like the files they come from.
     *
     * @param source the image to convert; it is not modified
     * @return the picture, with samples in 0..255
     */
    public static RgbImage fromBufferedImage(BufferedImage source) {
        BufferedImage image = greyAsSrgb(source);
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        float[] p = new float[3 * n];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                float a = (argb >>> 24) / 255f;
                float bg = 255f * (1f - a);
                int i = y * w + x;
                p[i] = ((argb >> 16) & 0xff) * a + bg;
                p[n + i] = ((argb >> 8) & 0xff) * a + bg;
                p[2 * n + i] = (argb & 0xff) * a + bg;
            }
        }
        return new RgbImage(w, h, p);
    }

    /**
     * 8-bit sRGB pixels, samples clamped to 0..255 and rounded to nearest.
     *
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image
     */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int n = width * height;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                row[x] = (to8(planes[i]) << 16) | (to8(planes[n + i]) << 8) | to8(planes[2 * n + i]);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int to8(float v) {
        return Math.round(Math.max(0f, Math.min(255f, v)));
    }

    /**
     * The width.
     *
     * @return the width in pixels (> 0)
     */
    public int width() {
        return width;
    }

    /**
     * The height.
     *
     * @return the height in pixels (> 0)
     */
    public int height() {
        return height;
    }

    /**
     * The planar samples, laid out as in {@link #of}.
     *
     * @return a copy of the {@code 3 * width * height} samples
     */
    public float[] planes() {
        return planes.clone();
    }

    /**
     * One sample.
     *
     * @param channel 0 red, 1 green, 2 blue
     * @param x the column, from 0 at the left
     * @param y the row, from 0 at the top
     * @return the sample on the 0..255 scale (not clamped)
     */
    public float sample(int channel, int x, int y) {
        return planes[(channel * height + y) * width + x];
    }

    /**
     * This picture clamped to 0..255 and rounded to whole grey levels, as it would be saved.
     *
     * @return the quantised picture
     */
    public RgbImage quantized() {
        float[] q = new float[planes.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = to8(planes[i]);
        }
        return new RgbImage(width, height, q);
    }

    /**
     * The rectangle of {@code width x height} pixels whose top left is ({@code x}, {@code y}).
     *
     * @param x the rectangle's left column
     * @param y the rectangle's top row
     * @param width the rectangle's width in pixels (> 0)
     * @param height the rectangle's height in pixels (> 0)
     * @return the cropped picture
     * @throws IllegalArgumentException if the rectangle does not fit in this picture
     */
    public RgbImage crop(int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > this.width || y + height > this.height) {
            throw new IllegalArgumentException("crop " + width + "x" + height + " at (" + x + "," + y
                    + ") does not fit in " + this.width + "x" + this.height);
        }
        float[] out = new float[3 * width * height];
        for (int c = 0; c < 3; c++) {
            for (int row = 0; row < height; row++) {
                System.arraycopy(planes, (c * this.height + y + row) * this.width + x, out, (c * height + row) * width, width);
            }
        }
        return new RgbImage(width, height, out);
    }

    /**
     * Resamples to exactly {@code newWidth x newHeight} with a Lanczos-3 filter (anti-aliased when shrinking).
     *
     * @param newWidth the new width in pixels (> 0)
     * @param newHeight the new height in pixels (> 0)
     * @return the resized picture; this one if the size is unchanged
     * @throws IllegalArgumentException if a size is not positive
     */
    public RgbImage resize(int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + newWidth + "x" + newHeight);
        }
        if (newWidth == width && newHeight == height) {
            return this;
        }
        return new RgbImage(newWidth, newHeight,
                ImageResampler.resize(planes, width, height, newWidth, newHeight));
    }

    /**
     * Resizes so that the longer side is {@code longSide} pixels, keeping the aspect ratio.
     *
     * @param longSide the new long side in pixels (> 0)
     * @return the resized picture, as {@link #fitLongSide} sizes it
     * @throws IllegalArgumentException if {@code longSide} is not positive
     */
    public RgbImage resizeLongSide(int longSide) {
        if (longSide <= 0) {
            throw new IllegalArgumentException("long side must be positive, got " + longSide);
        }
        int[] size = fitLongSide(width, height, longSide);
        return resize(size[0], size[1]);
    }

    /**
     * The width and height a {@code width x height} picture takes when its long side becomes {@code longSide}.
     *
     * @param width the current width in pixels
     * @param height the current height in pixels
     * @param longSide the new long side in pixels
     * @return {@code {newWidth, newHeight}}, the short side rounded to nearest and at least 1
     */
    public static int[] fitLongSide(int width, int height, int longSide) {
        if (width >= height) {
            return new int[] {longSide, Math.max(1, (int) Math.round((double) height * longSide / width))};
        }
        return new int[] {Math.max(1, (int) Math.round((double) width * longSide / height)), longSide};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && other.width == width && other.height == height
                && Arrays.equals(other.planes, planes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(planes);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }

    /**
     * The JDK labels the grey it decodes as linear light, so {@code getRGB} would brighten it; the
     * samples in files are gamma-encoded like sRGB, so they are taken as sRGB grey instead.
     */
    private static BufferedImage greyAsSrgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = model.hasAlpha();
        float greyScale = 255f / ((1 << model.getComponentSize(0)) - 1);
        float alphaScale = alpha ? 255f / ((1 << model.getComponentSize(1)) - 1) : 0f;
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] samples = new int[w * bands];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, samples);
            for (int x = 0; x < w; x++) {
                int grey = Math.round(samples[x * bands] * greyScale);
                int a = alpha ? Math.round(samples[x * bands + 1] * alphaScale) : 255;
                row[x] = (a << 24) | (grey << 16) | (grey << 8) | grey;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
