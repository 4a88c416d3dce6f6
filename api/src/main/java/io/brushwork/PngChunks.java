// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Bounds what a PNG's chunks can make a decoder allocate, before any decoder sees them.
 *
 * <p>Both decoders allocate a chunk's declared length before reading it, and inflate compressed
 * metadata whole: Commons Imaging the ICC profile ({@code iCCP}), the JDK the text ({@code zTXt},
 * {@code iTXt}). An 8x8 picture with an ICC profile inflating to 1 GiB took 4 GiB. So the chunk
 * list is walked once: lengths must lie within the data, the number of chunks is capped, and each
 * compressed chunk is inflated into a small scratch buffer only to count its size, stopping as
 * soon as a limit is passed.
 *
 * <p>Image data ({@code IDAT}) is left alone: both decoders inflate only as much as the declared
 * size needs, however much more the stream holds, and that size is under the pixel limit.
 */
final class PngChunks {
    /** Real ICC profiles are under 1 MiB (sRGB's is 3 KiB); 4 MiB leaves room for large tables. */
    static final int MAX_ICC_PROFILE_BYTES = 4 << 20;
    /** Text chunks hold comments and XMP packets, kilobytes in practice. */
    static final int MAX_TEXT_BYTES = 1 << 20;
    /** All compressed metadata together, inflated, so that many chunks under their limits cannot add up. */
    static final int MAX_METADATA_BYTES = 8 << 20;
    /**
     * Encoders split image data into chunks of 8 KiB or more, so the largest input read (1 GiB)
     * has about 131,072. Each chunk costs Commons Imaging about 130 bytes beyond its data, so a
     * file of millions of empty chunks would otherwise cost ten times its size.
     */
    static final int MAX_CHUNKS = 1 << 18;

    private static final int ICCP = type("iCCP");
    private static final int ZTXT = type("zTXt");
    private static final int ITXT = type("iTXt");
    private static final int IEND = type("IEND");
    private static final int SIGNATURE_BYTES = 8;
    private static final int HEADER_BYTES = 8;
    private static final int CRC_BYTES = 4;

    private final byte[] data;
    private final String source;
    private final Inflater inflater = new Inflater();
    private final byte[] scratch = new byte[8192];
    private long metadataBytes;

    private PngChunks(byte[] data, String source) {
        this.data = data;
        this.source = source;
    }

    /**
     * Checks a PNG's chunks against the limits.
     *
     * @param data the file, starting with the PNG signature
     * @param source how messages name the file
     * @throws ImageReadException if a chunk runs past the end of the data, there are more than
     *     {@link #MAX_CHUNKS} chunks, or compressed metadata inflates beyond its limit
     */
    static void check(byte[] data, String source) {
        PngChunks chunks = new PngChunks(data, source);
        try {
            chunks.walk();
        } finally {
            chunks.inflater.end();
        }
    }

    private void walk() {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int count = 0;
        // A tail too short for a chunk header declares nothing; the decoders report the truncation.
        for (int pos = SIGNATURE_BYTES; data.length - pos >= HEADER_BYTES; ) {
            int length = buffer.getInt(pos);
            int type = buffer.getInt(pos + 4);
            int start = pos + HEADER_BYTES;
            if (length < 0 || length > data.length - start) {
                throw new ImageReadException(source + ": cannot decode PNG image: " + name(type)
                        + " chunk at byte " + pos + " declares " + Integer.toUnsignedString(length) + " bytes, but only "
                        + (data.length - start) + " remain");
            }
            if (++count > MAX_CHUNKS) {
                throw new ImageReadException(source + ": PNG has more than " + MAX_CHUNKS + " chunks");
            }
            int end = start + length;
            if (type == ICCP) {
                checkInflated(type, afterNul(start, end, 1) + 1, end, MAX_ICC_PROFILE_BYTES, "an ICC profile");
            } else if (type == ZTXT) {
                checkInflated(type, afterNul(start, end, 1) + 1, end, MAX_TEXT_BYTES, "a text chunk");
            } else if (type == ITXT) {
                checkCompressedText(start, end);
            } else if (type == IEND) {
                return;
            }
            pos = end + CRC_BYTES;
        }
    }

    /**
     * iTXt: keyword, NUL, compression flag, method, language tag, NUL, translated keyword, NUL,
     * text. Any non-zero flag counts as compressed, as some decoder may take it so.
     */
    private void checkCompressedText(int start, int end) {
        int flag = afterNul(start, end, 1);
        if (flag < end && data[flag] != 0) {
            checkInflated(ITXT, afterNul(flag + 2, end, 2), end, MAX_TEXT_BYTES, "a text chunk");
        }
    }

    /**
     * The position just after the {@code nuls}-th NUL byte from {@code from}, or {@code end} if the
     * chunk has fewer: without its NULs a chunk holds nothing a decoder would inflate.
     */
    private int afterNul(int from, int end, int nuls) {
        int pos = from;
        for (int seen = 0; seen < nuls; pos++) {
            if (pos >= end) {
                return end;
            }
            if (data[pos] == 0) {
                seen++;
            }
        }
        return pos;
    }

    /**
     * Inflates {@code data[from, end)} only to count it, and refuses the chunk once it passes
     * {@code limit} or takes all metadata past {@link #MAX_METADATA_BYTES}. The zlib stream is
     * inflated whatever compression method the chunk names, as a decoder might ignore it too.
     */
    private void checkInflated(int type, int from, int end, int limit, String what) {
        if (from >= end) {
            return;
        }
        long budget = Math.min(limit, MAX_METADATA_BYTES - metadataBytes);
        inflater.reset();
        inflater.setInput(data, from, end - from);
        long inflated = 0;
        try {
            // Nothing comes out once the stream ends, runs out of input or wants a dictionary.
            int n;
            do {
                n = inflater.inflate(scratch);
                inflated += n;
            } while (n > 0 && inflated <= budget);
        } catch (DataFormatException e) {
            // Corrupt data: a decoder stops at the same place, having inflated no more than counted.
        }
        if (inflated > limit) {
            throw new ImageReadException(source + ": " + name(type) + " chunk inflates to more than " + mebibytes(limit)
                    + ", the limit for " + what);
        }
        metadataBytes += inflated;
        if (metadataBytes > MAX_METADATA_BYTES) {
            throw new ImageReadException(source + ": " + name(type) + " chunk takes the PNG's compressed metadata past "
                    + mebibytes(MAX_METADATA_BYTES) + ", the limit for all iCCP, zTXt and iTXt chunks together");
        }
    }

    /** A chunk type's four letters as the big-endian number that they are in the file. */
    private static int type(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)).getInt();
    }

    private static String name(int type) {
        return new String(ByteBuffer.allocate(4).putInt(type).array(), StandardCharsets.ISO_8859_1);
    }

    private static String mebibytes(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
