// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.AtomicFile;
import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import static io.brushwork.zoo.Npy.ALIGNMENT;
import static io.brushwork.zoo.Npy.CHUNK_BYTES;
import static io.brushwork.zoo.Npy.GROWTH_AXIS_MAX_DIGITS;
import static io.brushwork.zoo.Npy.MAGIC;

/**
 * Writes numpy {@code .npy} files for the tests of every module: what {@code np.save} does for a
 * C-ordered float32 array (version 1.0, little-endian, the header padded with spaces and a
 * newline so the data starts at a multiple of 64 bytes). The library only reads {@code .npy};
 * the writer lives with the tests that are its only users.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /**
     * Writes a matrix as a {@code (rows, columns)} float32 array; see {@link #write}.
     *
     * @param path the file to create or replace
     * @param rows the matrix, one array per row, all of the same length
     * @throws IllegalArgumentException if a row is null or the rows differ in length
     * @throws ModelException if the file cannot be written
     */
    public static void writeMatrix(Path path, float[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int columns = rows.length == 0 || rows[0] == null ? 0 : rows[0].length;
        float[] data = new float[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            float[] row = rows[r];
            if (row == null) {
                throw new IllegalArgumentException("row " + r + " is null");
            }
            if (row.length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values, row 0 has " + columns);
            }
            System.arraycopy(row, 0, data, r * columns, columns);
        }
        write(path, NpyArray.owning(new long[] {rows.length, columns}, data));
    }

    /**
     * Writes an array as little-endian float32, C order, format version 1.0, as {@code np.save}
     * does. The file appears at {@code path} only once complete: it is written through
     * {@link AtomicFile}, so readers never see a partial file and, on failure, an existing file is
     * left as it was.
     *
     * @param path the file to create or replace
     * @param array the array to write
     * @throws ModelException if the file cannot be written
     */
    public static void write(Path path, NpyArray array) {
        Objects.requireNonNull(array, "array");
        byte[] header = header(array.shape());
        float[] values = array.data();
        try {
            AtomicFile.write(path, out -> {
                ModelFiles.writeFully(out, ByteBuffer.wrap(header));
                ModelFiles.writeFloats(out, values, ByteBuffer.allocate(CHUNK_BYTES));
            });
        } catch (IOException e) {
            throw new ModelException("cannot write .npy file " + path + ": " + e, e);
        }
    }

    /** Magic, version 1.0, length and the padded dictionary, exactly as numpy's {@code _wrap_header} lays them out. */
    private static byte[] header(long[] shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + Npy.describeShape(shape) + ", }"
                + " ".repeat(shape.length == 0 ? 0 : GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length());
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = ALIGNMENT - unpadded % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }
}
