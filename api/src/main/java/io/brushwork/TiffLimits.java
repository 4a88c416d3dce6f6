// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bounds what a TIFF's first image, the one read, can make a decoder allocate beyond its pixels.
 *
 * <p>The pixel limit counts width times height, but both decoders allocate a whole tile, of the
 * declared tile size, to decompress it into, and a plane for every declared sample: a 16x16 picture
 * declaring 16384x16384 tiles made Commons Imaging take 1.3 GiB, and one declaring 32768x32768
 * tiles made the JDK take 1 GiB. Strips need no bound, as both decoders cap them at the image
 * height. Only values held in the entries themselves are read; anything unreadable is left to the
 * decoders to report.
 */
final class TiffLimits {
    /**
     * A tile may hold as many pixels as the image, or one megapixel (1024x1024) for a small image:
     * tiles are commonly 256x256 or 512x512, and may overhang the image's edges.
     */
    static final long MIN_TILE_PIXELS = 1 << 20;
    /**
     * RGB or CMYK, alpha and a few extra channels; only three are kept, and each costs the decoders
     * as much memory as a grey picture of the same size.
     */
    static final int MAX_SAMPLES_PER_PIXEL = 8;

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int ENTRY_BYTES = 12;

    private final ByteBuffer buffer;
    private final int entries;
    private final int firstEntry;

    private TiffLimits(ByteBuffer buffer, int entries, int firstEntry) {
        this.buffer = buffer;
        this.entries = entries;
        this.firstEntry = firstEntry;
    }

    /**
     * Checks a TIFF's first image directory against the limits.
     *
     * @param data the file, starting with the TIFF header
     * @param source how messages name the file
     * @throws ImageReadException if the first image has more than {@link #MAX_SAMPLES_PER_PIXEL}
     *     samples per pixel or tiles larger than the image and than {@link #MIN_TILE_PIXELS}
     */
    static void check(byte[] data, String source) {
        ByteOrder order = data[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
        long directory = data.length < 8 ? 0 : Integer.toUnsignedLong(buffer.getInt(4));
        if (directory < 8 || directory > data.length - 2) {
            return;
        }
        int at = (int) directory;
        new TiffLimits(buffer, buffer.getShort(at) & 0xffff, at + 2).check(source);
    }

    private void check(String source) {
        long samples = field(SAMPLES_PER_PIXEL);
        if (samples > MAX_SAMPLES_PER_PIXEL) {
            throw new ImageReadException(source + ": TIFF declares " + samples + " samples per pixel, more than the "
                    + MAX_SAMPLES_PER_PIXEL + " read");
        }
        long tileWidth = field(TILE_WIDTH);
        long tileLength = field(TILE_LENGTH);
        long width = field(IMAGE_WIDTH);
        long height = field(IMAGE_LENGTH);
        long allowed = Math.max(area(width, height), MIN_TILE_PIXELS);
        if (area(tileWidth, tileLength) > allowed) {
            throw new ImageReadException(source + ": TIFF tiles of " + tileWidth + "x" + tileLength
                    + " for an image of " + width + "x" + height + " exceed the limit of " + allowed + " pixels per tile");
        }
    }

    /** Sides are below 2^32; clamped at 2^31, far beyond any pixel limit, their product cannot overflow. */
    private static long area(long width, long height) {
        return Math.min(width, 1L << 31) * Math.min(height, 1L << 31);
    }

    /**
     * A single SHORT or LONG field's value, or 0 if absent. Of repeated entries the largest counts,
     * since decoders differ in which they take.
     */
    private long field(int tag) {
        long value = 0;
        for (int i = 0; i < entries; i++) {
            int entry = firstEntry + ENTRY_BYTES * i;
            if (entry > buffer.limit() - ENTRY_BYTES) {
                break;
            }
            int type = buffer.getShort(entry + 2) & 0xffff;
            if ((buffer.getShort(entry) & 0xffff) == tag && buffer.getInt(entry + 4) == 1) {
                if (type == SHORT) {
                    value = Math.max(value, buffer.getShort(entry + 8) & 0xffff);
                } else if (type == LONG) {
                    value = Math.max(value, Integer.toUnsignedLong(buffer.getInt(entry + 8)));
                }
            }
        }
        return value;
    }
}
