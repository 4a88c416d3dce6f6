// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.List;

/** Tiles pictures into one grid picture, row by row, for looking at many results at once. */
public final class ContactSheet {
    private ContactSheet() {
    }

    /**
     * A near-square grid (the ceiling of the square root of the count, in columns) with a
     * 2-pixel white gap, as {@link #of(List, int, int)} lays it out.
     *
     * @param pictures the pictures in reading order, at least one
     * @return the sheet
     * @throws InvalidOptionException if there are no pictures or the sheet would exceed
     *     {@link StyleTransfer#MAX_PIXELS} pixels
     */
    public static RgbImage of(List<RgbImage> pictures) {
        return of(pictures, (int) Math.ceil(Math.sqrt(pictures.size())), 2);
    }

    /**
     * A grid of {@code columns} columns; each cell is as large as the largest picture, smaller
     * pictures sit at the top left of their cell, and gaps are white.
     *
     * @param pictures the pictures in reading order, at least one
     * @param columns the most columns (>= 1); fewer when there are fewer pictures
     * @param gap white pixels between cells and around the edge (>= 0)
     * @return the sheet
     * @throws InvalidOptionException if there are no pictures, an argument is out of range, or the
     *     sheet would exceed {@link StyleTransfer#MAX_PIXELS} pixels
     */
    public static RgbImage of(List<RgbImage> pictures, int columns, int gap) {
        if (pictures.isEmpty()) {
            throw new InvalidOptionException("pictures", "a contact sheet needs at least one picture");
        }
        if (columns < 1) {
            throw new InvalidOptionException("columns", "must be >= 1, got " + columns);
        }
        if (gap < 0) {
            throw new InvalidOptionException("gap", "must be >= 0, got " + gap);
        }
        int cellW = 0;
        int cellH = 0;
        for (RgbImage p : pictures) {
            cellW = Math.max(cellW, p.width());
            cellH = Math.max(cellH, p.height());
        }
        int cols = Math.min(columns, pictures.size());
        int rows = (pictures.size() + cols - 1) / cols;
        long w = (long) cols * cellW + (long) (cols + 1) * gap;
        long h = (long) rows * cellH + (long) (rows + 1) * gap;
        if (w * h > StyleTransfer.MAX_PIXELS) {
            throw new InvalidOptionException("pictures", "a " + w + "x" + h + " sheet exceeds "
                    + StyleTransfer.MAX_PIXELS + " pixels");
        }
        int width = (int) w;
        int height = (int) h;
        int plane = width * height;
        float[] out = new float[3 * plane];
        java.util.Arrays.fill(out, 255f);
        for (int i = 0; i < pictures.size(); i++) {
            RgbImage p = pictures.get(i);
            int x0 = gap + (i % cols) * (cellW + gap);
            int y0 = gap + (i / cols) * (cellH + gap);
            float[] src = p.planes();
            int pPlane = p.width() * p.height();
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < p.height(); y++) {
                    System.arraycopy(src, c * pPlane + y * p.width(), out, c * plane + (y0 + y) * width + x0, p.width());
                }
            }
        }
        return RgbImage.of(width, height, out);
    }
}
