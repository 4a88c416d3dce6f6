// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bounds what a BMP's header can make a decoder allocate beyond its pixels: Commons Imaging
 * allocates the palette that the header's colour count declares before reading it, so a file of a
 * kilobyte declaring 268 million colours took 1 GiB. The palette must fit in the data.
 */
final class BmpLimits {
    private static final int FILE_HEADER_BYTES = 14;
    /** The first header (BITMAPINFOHEADER) with a colour count; OS/2's shorter ones have none. */
    private static final int INFO_HEADER_BYTES = 40;
    private static final int COLOURS_USED = 46;
    private static final int BYTES_PER_COLOUR = 4;

    private BmpLimits() {
    }

    /**
     * Checks a BMP's declared palette against its size.
     *
     * @param data the file, starting with {@code BM}
     * @param source how messages name the file
     * @throws ImageReadException if the declared palette runs past the end of the data
     */
    static void check(byte[] data, String source) {
        if (data.length < COLOURS_USED + 4) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long headerBytes = Integer.toUnsignedLong(buffer.getInt(FILE_HEADER_BYTES));
        long colours = Integer.toUnsignedLong(buffer.getInt(COLOURS_USED));
        if (headerBytes >= INFO_HEADER_BYTES && colours > 0
                && FILE_HEADER_BYTES + headerBytes + BYTES_PER_COLOUR * colours > data.length) {
            throw new ImageReadException(source + ": BMP declares a palette of " + colours
                    + " colours, more than its " + data.length + " bytes hold");
        }
    }
}
