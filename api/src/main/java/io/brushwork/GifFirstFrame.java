// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.util.Arrays;

/**
 * Cuts a GIF after its first frame, the only one read, before a decoder sees it.
 *
 * <p>Commons Imaging decodes every frame of a GIF even when asked for the first, and only the
 * first frame's size is checked against the pixel limit: a frame after it could declare 100
 * megapixels, and a million empty frames in 15 MB took 4.7 GB. The blocks up to the end of the
 * first frame are counted as well, since each costs Commons Imaging tens of bytes beyond its data.
 * Data whose blocks cannot be followed is returned as it is, for the decoders to report.
 */
final class GifFirstFrame {
    /**
     * Blocks (extensions, frames and the pieces of up to 255 bytes that their data comes in) up to
     * the end of the first frame: a 100-megapixel frame compresses to well under 2^20 full pieces.
     */
    static final int MAX_BLOCKS = 1 << 20;

    private static final int SCREEN_DESCRIPTOR_END = 13;
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2c;
    private static final byte TRAILER = 0x3b;
    private static final int IMAGE_DESCRIPTOR_BYTES = 10;

    private GifFirstFrame() {
    }

    /**
     * The GIF up to the end of its first frame, followed by the trailer.
     *
     * @param data the file, starting with the GIF signature
     * @param source how messages name the file
     * @return {@code data} itself if nothing follows the first frame but the trailer, or if the
     *     blocks cannot be followed; otherwise a copy cut after the first frame
     * @throws ImageReadException if more than {@link #MAX_BLOCKS} blocks come before the first frame ends
     */
    static byte[] of(byte[] data, String source) {
        if (data.length < SCREEN_DESCRIPTOR_END) {
            return data;
        }
        int pos = SCREEN_DESCRIPTOR_END + colourTableBytes(data[10]);
        int blocks = 0;
        while (pos < data.length) {
            int introducer = data[pos] & 0xff;
            if (introducer == EXTENSION) {
                pos += 2;
            } else if (introducer == IMAGE && pos + IMAGE_DESCRIPTOR_BYTES < data.length) {
                // The descriptor, its local colour table and the LZW code size come before the data.
                pos += IMAGE_DESCRIPTOR_BYTES + colourTableBytes(data[pos + 9]) + 1;
            } else {
                return data;
            }
            blocks++;
            for (; pos < data.length && data[pos] != 0; pos += 1 + (data[pos] & 0xff)) {
                blocks++;
            }
            if (blocks > MAX_BLOCKS) {
                throw new ImageReadException(source + ": GIF has more than " + MAX_BLOCKS
                        + " blocks before its first frame ends");
            }
            pos++;
            if (introducer == IMAGE) {
                if (pos >= data.length || data[pos] == TRAILER) {
                    return data;
                }
                byte[] cut = Arrays.copyOf(data, pos + 1);
                cut[pos] = TRAILER;
                return cut;
            }
        }
        return data;
    }

    /** The size of the colour table that a packed field's top bit announces. */
    private static int colourTableBytes(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 << ((packed & 7) + 1);
    }
}
