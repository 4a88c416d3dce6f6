// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads numpy {@code .npy} files of floating-point arrays, such as the latent vectors
 * a GAN was sampled with ({@code np.save("z.npy", z)}).
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0 and the dtypes {@code <f4}, {@code >f4},
 * {@code <f8} and {@code >f8} (float64 is narrowed to float; values beyond float's range become
 * infinite). The header dictionary is parsed as the literal it must be, never evaluated: object
 * arrays (which need pickle), structured dtypes, Fortran order, unknown or duplicate keys,
 * shapes whose size a Java array cannot hold, and files whose data is shorter or longer than the
 * shape says all end in a {@link ModelFormatException} naming the file and the problem, before
 * anything sized by the file's claims is allocated.
 */
public final class Npy {
    /** The most dimensions an array may have: numpy 1.x's limit. */
    public static final int MAX_DIMENSIONS = 32;
    /**
     * numpy's own default limit on header size ({@code max_header_size}); a float array's header
     * is under 200 bytes, so a larger one is not an array this class could read anyway.
     */
    static final int MAX_HEADER_BYTES = 10_000;
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    static final int ALIGNMENT = 64;
    /** numpy leaves room after the header to grow the first dimension in place; copied to match its files byte for byte. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;
    static final int CHUNK_BYTES = 1 << 20;

    private Npy() {
    }

    /**
     * Reads a matrix: a 2-D array of shape {@code (rows, columns)}, such as {@code (N, nz)} latent
     * vectors. Trailing dimensions of 1 are dropped first, so PyTorch's {@code (N, nz, 1, 1)}
     * latents read as {@code (N, nz)}.
     *
     * @param path the {@code .npy} file to read
     * @return {@code rows} arrays of {@code columns} values each
     * @throws ModelFormatException if the file is malformed, as {@link #read}, or not 2-D
     * @throws ModelException if the file cannot be read
     */
    public static float[][] readMatrix(Path path) {
        NpyArray array = read(path);
        long[] shape = array.shape();
        int rank = shape.length;
        while (rank > 2 && shape[rank - 1] == 1) {
            rank--;
        }
        if (rank != 2) {
            throw new ModelFormatException(path + ": expected a 2-D array (rows, columns), got shape "
                    + describeShape(shape));
        }
        int rows = (int) shape[0];
        int columns = (int) shape[1];
        float[] data = array.data();
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(data, r * columns, (r + 1) * columns);
        }
        return out;
    }

    /**
     * Reads a float array of any shape.
     *
     * @param path the {@code .npy} file to read
     * @return the array's shape and values, converted to float
     * @throws ModelFormatException if the file is not a well-formed {@code .npy} file of a
     *     supported dtype, as the class documentation lists
     * @throws ModelException if the file is missing, not a regular file (a directory, FIFO or
     *     device), or cannot be read
     */
    public static NpyArray read(Path path) {
        Objects.requireNonNull(path, "path");
        ModelFiles.requireRegularFile(path, ".npy file");
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(in, path);
        } catch (NoSuchFileException e) {
            throw new ModelException(".npy file not found: " + path, e);
        } catch (IOException e) {
            throw new ModelException("cannot read .npy file " + path + ": " + e, e);
        }
    }

    private static NpyArray read(FileChannel in, Path path) throws IOException {
        long size = in.size();
        ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readAtMost(in, start, 0);
        if (start.position() < MAGIC.length || !Arrays.equals(start.array(), 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw malformed(path, "not a .npy file (it does not start with \\x93NUMPY)");
        }
        if (start.position() < 8) {
            throw malformed(path, "the file ends inside its version number");
        }
        int major = start.get(6) & 0xff;
        int minor = start.get(7) & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw malformed(path, "unsupported format version " + major + "." + minor + " (known: 1.0, 2.0, 3.0)");
        }
        int preamble = major == 1 ? 10 : 12;
        if (start.position() < preamble) {
            throw malformed(path, "the file ends inside the header length");
        }
        long headerLength = major == 1 ? start.getShort(8) & 0xffff : start.getInt(8) & 0xffffffffL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw malformed(path, "the header claims " + headerLength + " bytes, more than the limit of "
                    + MAX_HEADER_BYTES);
        }
        if (preamble + headerLength > size) {
            throw malformed(path, "the header claims " + headerLength + " bytes but the file has only "
                    + (size - preamble) + " after the header length");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readAtMost(in, headerBytes, preamble);
        Header header = Header.parse(decode(headerBytes.flip(), major, path), path);

        long dataOffset = preamble + headerLength;
        long count = header.elementCount(path);
        long needed = count * header.itemSize;
        long available = size - dataOffset;
        if (available < needed) {
            throw malformed(path, "the data is shorter than the shape says: " + describeShape(header.shape) + " of "
                    + header.descr + " needs " + needed + " bytes, the file has " + available);
        }
        if (available > needed) {
            throw malformed(path, (available - needed) + " bytes follow the data of shape "
                    + describeShape(header.shape) + "; a .npy file holds exactly one array");
        }
        float[] data = new float[(int) count];
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(header.order);
        long position = dataOffset;
        int filled = 0;
        while (filled < data.length) {
            int values = Math.min(data.length - filled, CHUNK_BYTES / header.itemSize);
            chunk.clear().limit(values * header.itemSize);
            readAtMost(in, chunk, position);
            if (chunk.hasRemaining()) {
                throw malformed(path, "the file ended while its data was read (was it truncated meanwhile?)");
            }
            chunk.flip();
            if (header.itemSize == Float.BYTES) {
                chunk.asFloatBuffer().get(data, filled, values);
            } else {
                for (int i = 0; i < values; i++) {
                    data[filled + i] = (float) chunk.getDouble();
                }
            }
            filled += values;
            position += (long) values * header.itemSize;
        }
        return NpyArray.owning(header.shape, data);
    }

    /** Versions 1.0 and 2.0 headers are Latin-1, 3.0 headers UTF-8 (strictly decoded). */
    private static String decode(ByteBuffer bytes, int major, Path path) {
        if (major < 3) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw malformed(path, "the version 3.0 header is not valid UTF-8");
        }
    }

    private static void readAtMost(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, position);
            if (n < 0) {
                return;
            }
            position += n;
        }
    }

    /** A shape as Python writes a tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String describeShape(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }

    private static ModelFormatException malformed(Path path, String problem) {
        return new ModelFormatException("malformed .npy file " + path + ": " + problem);
    }

    /** The three entries every header holds, checked. */
    private static final class Header {
        final String descr;
        final ByteOrder order;
        final int itemSize;
        final long[] shape;

        private Header(String descr, ByteOrder order, int itemSize, long[] shape) {
            this.descr = descr;
            this.order = order;
            this.itemSize = itemSize;
            this.shape = shape;
        }

        static Header parse(String text, Path path) {
            Map<String, Object> dict = new HeaderParser(text, path).parse();
            List<String> keys = List.of("descr", "fortran_order", "shape");
            if (!dict.keySet().equals(Set.copyOf(keys))) {
                throw malformed(path, "the header has keys " + dict.keySet() + "; expected exactly " + keys);
            }
            if (!(dict.get("descr") instanceof String descr)) {
                throw malformed(path, "'descr' is " + describe(dict.get("descr"))
                        + ", not a dtype string (structured dtypes are not supported)");
            }
            if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
                throw malformed(path, "'fortran_order' is " + describe(dict.get("fortran_order")) + ", not True or False");
            }
            if (fortran) {
                throw malformed(path, "the array is in Fortran (column-major) order, which is not supported;"
                        + " save np.ascontiguousarray(a) instead");
            }
            if (!(dict.get("shape") instanceof long[] shape)) {
                throw malformed(path, "'shape' is " + describe(dict.get("shape")) + ", not a tuple of integers");
            }
            return switch (descr) {
                case "<f4" -> new Header(descr, ByteOrder.LITTLE_ENDIAN, 4, shape);
                case ">f4" -> new Header(descr, ByteOrder.BIG_ENDIAN, 4, shape);
                case "<f8" -> new Header(descr, ByteOrder.LITTLE_ENDIAN, 8, shape);
                case ">f8" -> new Header(descr, ByteOrder.BIG_ENDIAN, 8, shape);
                default -> throw malformed(path, descr.replaceAll("^[<>|=]", "").startsWith("O")
                        ? "the array holds Python objects (dtype '" + descr + "'), which only pickle can read; refused"
                        : "unsupported dtype '" + descr + "'; supported: '<f4', '>f4', '<f8', '>f8'");
            };
        }

        /** The element count, which must fit a Java array. */
        long elementCount(Path path) {
            long count = 1;
            for (long dim : shape) {
                count = dim == 0 || count == 0 ? 0 : count > MAX_ARRAY_LENGTH / dim ? MAX_ARRAY_LENGTH + 1L : count * dim;
            }
            if (count > MAX_ARRAY_LENGTH) {
                throw malformed(path, "shape " + describeShape(shape) + " has more elements than a Java array can hold ("
                        + MAX_ARRAY_LENGTH + ")");
            }
            return count;
        }

        private static String describe(Object value) {
            if (value instanceof long[] tuple) {
                return "the tuple " + describeShape(tuple);
            }
            if (value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            return "the string '" + value + "'";
        }
    }

    /**
     * A parser for the one literal numpy writes: a dict of string keys whose values are strings,
     * {@code True}/{@code False} or tuples of non-negative integers. Anything else, duplicate keys
     * included, is refused.
     */
    private static final class HeaderParser {
        /** More digits than this cannot be a dimension a file could back. */
        private static final int MAX_DIGITS = 18;

        private final String text;
        private final Path path;
        private int pos;

        HeaderParser(String text, Path path) {
            this.text = text;
            this.path = path;
        }

        Map<String, Object> parse() {
            Map<String, Object> dict = new LinkedHashMap<>();
            expect('{');
            skipSpaces();
            while (peek() != '}') {
                String key = string();
                skipSpaces();
                expect(':');
                skipSpaces();
                if (dict.put(key, value()) != null) {
                    throw fail("duplicate key '" + key + "'");
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}'");
                }
            }
            pos++;
            // numpy pads with spaces and ends the header with a newline; nothing else may follow the dict.
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n')) {
                pos++;
            }
            if (pos < text.length()) {
                throw fail("unexpected text after the dictionary");
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                throw fail("a list, where numpy writes a string or a tuple (structured dtypes are not supported)");
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw fail("expected a string, True, False or a tuple");
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            if (s.indexOf('\\') >= 0 || s.indexOf('\n') >= 0) {
                throw fail("escapes and line breaks are not expected in header strings");
            }
            pos = end + 1;
            return s;
        }

        /** {@code ()}, {@code (3,)}, {@code (2, 3)} or {@code (2, 3,)}; {@code (3)} is an integer in Python, not a tuple. */
        private long[] tuple() {
            int open = pos;
            expect('(');
            skipSpaces();
            List<Long> dims = new ArrayList<>();
            boolean comma = false;
            while (peek() != ')') {
                dims.add(integer());
                skipSpaces();
                comma = peek() == ',';
                if (comma) {
                    pos++;
                    skipSpaces();
                } else if (peek() != ')') {
                    throw fail("expected ',' or ')' in the shape");
                }
            }
            pos++;
            if (dims.size() == 1 && !comma) {
                throw fail("'" + text.substring(open, pos) + "' is a parenthesised integer, not a tuple");
            }
            if (dims.size() > MAX_DIMENSIONS) {
                throw fail("the shape has " + dims.size() + " dimensions, more than " + MAX_DIMENSIONS);
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (digits.isEmpty()) {
                throw fail("expected a non-negative integer in the shape");
            }
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw fail("'" + digits + "' is not a Python integer literal");
            }
            if (digits.length() > MAX_DIGITS) {
                throw fail("dimension " + digits + " is absurdly large");
            }
            // Python 2's numpy wrote long integers with an L suffix, as in (3L, 4L).
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            return Long.parseLong(digits);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw fail("the header ends early");
            }
            return text.charAt(pos);
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private ModelFormatException fail(String problem) {
            String shown = text.strip();
            if (shown.length() > 120) {
                shown = shown.substring(0, 120) + "...";
            }
            return malformed(path, "bad header at offset " + pos + ": " + problem + " in "
                    + shown.replaceAll("[^\\x20-\\x7e]", "?"));
        }
    }
}
