// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bytes one or more pickles are read from, with the position and the number of bytes left,
 * so that every length a pickle claims can be checked before anything is allocated for it.
 * Problems become {@link ModelFormatException}s naming the file, the part and the byte offset.
 */
final class PickleInput {
    private final InputStream in;
    private final long length;
    private final Path path;
    private final String part;
    private long position;

    /**
     * @param in the bytes, from the start of the part
     * @param length how many bytes the part holds; reads past it fail
     * @param path the file, for messages
     * @param part what is read, for messages: {@code data.pkl} or {@code the file}
     */
    PickleInput(InputStream in, long length, Path path, String part) {
        this.in = in;
        this.length = length;
        this.path = path;
        this.part = part;
    }

    /** Offset of the next byte within the part. */
    long position() {
        return position;
    }

    long remaining() {
        return length - position;
    }

    int readByte() {
        require(1);
        try {
            int b = in.read();
            if (b < 0) {
                throw truncated();
            }
            position++;
            return b;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Reads exactly {@code n} bytes; callers check {@code n} against their own limits first. */
    byte[] readBytes(int n) {
        require(n);
        try {
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw truncated();
            }
            position += n;
            return bytes;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** An unsigned little-endian integer of {@code n} bytes (at most 8; 8 may come back negative). */
    long readUnsigned(int n) {
        byte[] bytes = readBytes(n);
        long value = 0;
        for (int i = n - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    /** Reads up to and including a newline; the line (without it) may hold at most {@code max} bytes. */
    byte[] readLine(int max) {
        long start = position;
        byte[] line = new byte[Math.min(max, 64)];
        int n = 0;
        for (int b = readByte(); b != '\n'; b = readByte()) {
            if (n == max) {
                throw malformed("a text line longer than " + max + " bytes", start);
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, Math.min(max, 2 * n));
            }
            line[n++] = (byte) b;
        }
        return Arrays.copyOf(line, n);
    }

    /** Fails unless {@code n} more bytes exist, so a lying length is caught before any allocation. */
    void require(long n) {
        if (n > remaining()) {
            throw malformed("needs " + n + " more bytes but only " + remaining() + " remain (truncated file?)",
                    position);
        }
    }

    ModelFormatException malformed(String problem, long at) {
        return new ModelFormatException("malformed PyTorch checkpoint " + path + ": " + problem + " (" + part
                + ", byte " + at + ")");
    }

    ModelFormatException unsafe(String problem, long at) {
        return new ModelFormatException("unsafe PyTorch checkpoint " + path + ": " + problem + " (" + part
                + ", byte " + at + "); only tensors and plain data are loaded, never code");
    }

    private ModelFormatException truncated() {
        return malformed("the data ends early (truncated file?)", position);
    }

    private ModelException unreadable(IOException e) {
        return new ModelException("cannot read model file " + path + ": " + e, e);
    }
}
