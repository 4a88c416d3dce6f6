// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A <a href="https://github.com/huggingface/safetensors">safetensors</a> file opened for reading.
 *
 * <p>The file is an 8-byte little-endian header length, a UTF-8 JSON header describing each
 * tensor, then the raw tensor bytes. {@link #open} checks the whole header against the file
 * before anything else happens, so a malformed or hostile file is rejected with a
 * {@link ModelFormatException} rather than causing a huge allocation, an out-of-bounds read or
 * a silent misreading. Tensor bytes are read only on demand, one tensor at a time, with
 * positioned reads.
 *
 * <p>Reads are safe from several threads at once. As with any {@link FileChannel}, interrupting
 * a thread blocked in a read closes the file; later reads then fail.
 */
public final class SafetensorsFile implements WeightFile {
    /** The reference implementation's limit; no real header comes near it. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** The longest array common JVMs can allocate. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Read buffer size: large enough to be fast, small enough not to double a tensor's memory. */
    private static final int CHUNK_BYTES = 1 << 20;
    private static final String METADATA_KEY = "__metadata__";

    /**
     * Bits per element of every dtype the format defines, so that tensors Brushwork cannot read
     * are still checked and listed.
     */
    private static final Map<String, Integer> DTYPE_BITS = Map.ofEntries(
            Map.entry("F4", 4),
            Map.entry("F6_E2M3", 6), Map.entry("F6_E3M2", 6),
            Map.entry("BOOL", 8), Map.entry("U8", 8), Map.entry("I8", 8),
            Map.entry("F8_E5M2", 8), Map.entry("F8_E4M3", 8), Map.entry("F8_E8M0", 8),
            Map.entry("F8_E4M3FNUZ", 8), Map.entry("F8_E5M2FNUZ", 8),
            Map.entry("I16", 16), Map.entry("U16", 16), Map.entry("F16", 16), Map.entry("BF16", 16),
            Map.entry("I32", 32), Map.entry("U32", 32), Map.entry("F32", 32),
            Map.entry("C64", 64), Map.entry("F64", 64), Map.entry("I64", 64), Map.entry("U64", 64));

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, TensorInfo> tensors,
            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /**
     * Opens a safetensors file and checks its header.
     *
     * @param path the file to open
     * @return the open file; the caller closes it
     * @throws ModelFormatException if the file is malformed or hostile; the message names the
     *     file and the problem
     * @throws ModelException if the file is missing, not a regular file, or cannot be opened or read
     */
    public static SafetensorsFile open(Path path) {
        return ModelFiles.open(path, channel -> load(path, channel));
    }

    private static SafetensorsFile load(Path path, FileChannel channel) {
        long fileSize;
        try {
            fileSize = channel.size();
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e, e);
        }
        if (fileSize < 8) {
            throw malformed(path, "the file is " + fileSize + " bytes long, too short for the 8-byte header length");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(path, channel, lengthField, 0);
        long headerLength = lengthField.getLong(0);
        // The field is an unsigned 64-bit value; compare unsigned so huge values are not negative.
        if (Long.compareUnsigned(headerLength, MAX_HEADER_BYTES) > 0) {
            throw malformed(path, "the header claims " + Long.toUnsignedString(headerLength)
                    + " bytes, more than the limit of " + MAX_HEADER_BYTES);
        }
        if (headerLength > fileSize - 8) {
            throw malformed(path, "the header claims " + headerLength + " bytes but only " + (fileSize - 8)
                    + " follow the length field (truncated file?)");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(path, channel, headerBytes, 8);
        headerBytes.flip();
        Object root = parseHeader(path, headerBytes);
        if (!(root instanceof Map<?, ?> entries)) {
            throw malformed(path, "the header is " + describe(root) + ", not a JSON object");
        }

        long dataLength = fileSize - 8 - headerLength;
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = (String) entry.getKey();
            if (key.equals(METADATA_KEY)) {
                metadata = metadata(path, entry.getValue());
            } else {
                tensors.put(key, tensorInfo(path, key, entry.getValue(), dataLength));
            }
        }
        checkNoOverlap(path, tensors.values());
        return new SafetensorsFile(path, channel, 8 + headerLength, tensors, metadata);
    }

    private static Object parseHeader(Path path, ByteBuffer bytes) {
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw malformed(path, "the header is not valid UTF-8", e);
        }
        try {
            return Json.parse(text.toString());
        } catch (Json.SyntaxException e) {
            throw malformed(path, "the header is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> metadata(Path path, Object value) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw malformed(path, METADATA_KEY + " is " + describe(value) + ", not an object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            if (!(field.getValue() instanceof String text)) {
                throw malformed(path, METADATA_KEY + " values must be strings, but \""
                        + shorten((String) field.getKey()) + "\" is " + describe(field.getValue()));
            }
            metadata.put((String) field.getKey(), text);
        }
        return metadata;
    }

    private static TensorInfo tensorInfo(Path path, String name, Object value, long dataLength) {
        String where = "tensor '" + shorten(name) + "'";
        if (!(value instanceof Map<?, ?> fields)) {
            throw malformed(path, where + " is " + describe(value) + ", not an object");
        }
        Object dtypeValue = field(path, where, fields, "dtype");
        if (!(dtypeValue instanceof String dtypeName)) {
            throw malformed(path, where + ": dtype is " + describe(dtypeValue) + ", not a string");
        }
        Integer bits = DTYPE_BITS.get(dtypeName);
        if (bits == null) {
            throw malformed(path, where + " has unknown dtype \"" + dtypeName + "\"");
        }
        long[] shape = naturals(path, where, fields, "shape");
        long elementCount;
        try {
            elementCount = Tensor.elementCount(shape);
        } catch (IllegalArgumentException e) {
            throw malformed(path, where + ": shape " + Arrays.toString(shape)
                    + " has more elements than a long can count", e);
        }
        long[] offsets = naturals(path, where, fields, "data_offsets");
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw malformed(path, where + ": data_offsets must be [begin, end] with begin <= end, got "
                    + Arrays.toString(offsets));
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (end > dataLength) {
            throw malformed(path, where + " ends at byte " + end + " of the data section, which holds only "
                    + dataLength + " bytes (truncated file?)");
        }
        long bitCount;
        try {
            bitCount = Math.multiplyExact(elementCount, (long) bits);
        } catch (ArithmeticException e) {
            throw malformed(path, where + ": shape " + Arrays.toString(shape) + " is too large for any file", e);
        }
        if (bitCount % 8 != 0 || bitCount / 8 != end - begin) {
            throw malformed(path, where + ": " + dtypeName + " " + Arrays.toString(shape) + " needs "
                    + (bitCount % 8 == 0 ? bitCount / 8 + " bytes" : "a fractional number of bytes")
                    + " but data_offsets " + Arrays.toString(offsets) + " span " + (end - begin));
        }
        DType dtype = Arrays.stream(DType.values()).filter(t -> t.name().equals(dtypeName)).findFirst().orElse(null);
        return new TensorInfo(name, dtypeName, dtype, shape, elementCount, begin, end);
    }

    private static Object field(Path path, String where, Map<?, ?> fields, String name) {
        if (!fields.containsKey(name)) {
            throw malformed(path, where + " has no " + name);
        }
        return fields.get(name);
    }

    /** An array of non-negative integers that fit a {@code long}. */
    private static long[] naturals(Path path, String where, Map<?, ?> fields, String name) {
        Object value = field(path, where, fields, name);
        if (!(value instanceof List<?> list)) {
            throw malformed(path, where + ": " + name + " is " + describe(value) + ", not an array");
        }
        long[] result = new long[list.size()];
        for (int i = 0; i < result.length; i++) {
            Object element = list.get(i);
            Long number = element instanceof Json.NumberLiteral n ? n.asLong() : null;
            if (number == null || number < 0) {
                throw malformed(path, where + ": " + name + " must hold non-negative integers, but element " + i
                        + " is " + describe(element));
            }
            result[i] = number;
        }
        return result;
    }

    private static void checkNoOverlap(Path path, Iterable<TensorInfo> infos) {
        List<TensorInfo> sorted = new ArrayList<>();
        for (TensorInfo info : infos) {
            // An empty tensor occupies no bytes, so it cannot collide with anything.
            if (info.byteLength() > 0) {
                sorted.add(info);
            }
        }
        sorted.sort(Comparator.comparingLong(TensorInfo::begin));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo previous = sorted.get(i - 1);
            TensorInfo current = sorted.get(i);
            if (current.begin() < previous.end()) {
                throw malformed(path, "tensors '" + shorten(previous.name()) + "' [" + previous.begin() + ", "
                        + previous.end() + ") and '" + shorten(current.name()) + "' [" + current.begin() + ", "
                        + current.end() + ") overlap");
            }
        }
    }

    /** The file this was opened from. */
    @Override
    public ModelFormat format() {
        return ModelFormat.SAFETENSORS;
    }

    @Override
    public java.util.Set<String> keys() {
        return tensors.keySet();
    }

    @Override
    public long[] shape(String key) {
        return info(key).shape();
    }

    @Override
    public Path path() {
        return path;
    }

    /**
     * Every tensor the header describes, by name, in header order.
     *
     * @return an unmodifiable map from tensor name to what the header says about it
     */
    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /** Whether the file holds a tensor with this name. */
    @Override
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The header's {@code __metadata__} strings, in header order; empty if it has none. */
    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Reads one tensor, converting its elements to {@code float}.
     *
     * @throws ModelException if the file has no such tensor (the message names the tensor and
     *     the file) or cannot be read
     * @throws ModelFormatException if the tensor's dtype is not a {@link DType}, it has too many
     *     elements for a Java array, or the file has shrunk since it was opened
     * @throws IllegalStateException if this file has been closed
     */
    @Override
    public Tensor read(String name) {
        return read(info(name));
    }

    /**
     * Reads one tensor after checking that it has the shape the caller's architecture expects.
     *
     * @throws ModelFormatException if the shape differs (the message names the tensor, the
     *     expected and the actual shape), or for any reason {@link #read(String)} gives
     * @throws ModelException if the file has no such tensor or cannot be read
     */
    @Override
    public Tensor read(String name, long... expectedShape) {
        TensorInfo info = info(name);
        long[] actual = info.shape();
        if (!Arrays.equals(actual, expectedShape)) {
            throw new ModelFormatException("tensor '" + name + "' in " + path + " has shape " + Arrays.toString(actual)
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return read(info);
    }

    private TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new ModelException("no tensor '" + name + "' in " + path + "; it holds " + describeKeys());
        }
        return info;
    }

    /** A short list of the file's tensor names, to help spot a naming-convention mismatch. */
    private String describeKeys() {
        int shown = 8;
        if (tensors.isEmpty()) {
            return "no tensors";
        }
        String names = tensors.keySet().stream().limit(shown).collect(Collectors.joining(", "));
        return tensors.size() + " tensor" + (tensors.size() == 1 ? "" : "s") + ": " + names
                + (tensors.size() > shown ? ", ..." : "");
    }

    private Tensor read(TensorInfo info) {
        if (!channel.isOpen()) {
            throw new IllegalStateException(path + " is closed");
        }
        DType dtype = info.dtype().orElseThrow(() -> new ModelFormatException("tensor '" + info.name() + "' in "
                + path + " has dtype " + info.dtypeName() + ", which Brushwork cannot read (supported: "
                + Arrays.toString(DType.values()) + ")"));
        if (info.elementCount() > MAX_ARRAY_LENGTH) {
            throw new ModelFormatException("tensor '" + info.name() + "' in " + path + " has " + info.elementCount()
                    + " elements, more than a Java array can hold (" + MAX_ARRAY_LENGTH + ")");
        }
        float[] values = new float[(int) info.elementCount()];
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, info.byteLength()))
                .order(ByteOrder.LITTLE_ENDIAN);
        long position = dataStart + info.begin();
        int filled = 0;
        while (filled < values.length) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), (long) (values.length - filled) * dtype.bytesPerElement()));
            readFully(path, channel, chunk, position);
            position += chunk.limit();
            chunk.flip();
            filled = dtype.decode(chunk, values, filled);
        }
        return Tensor.owning(info.name(), info.shape(), values);
    }

    /** Fills {@code buffer} from {@code position}, failing if the file ends first. */
    private static void readFully(Path path, FileChannel channel, ByteBuffer buffer, long position) {
        ModelFiles.readFully(path, channel, buffer, position, at -> malformed(path, "the file ends at byte " + at
                + ", before the data its header describes (was it truncated after opening?)"));
    }

    /** Closes the file; reading afterwards fails. Closing twice is harmless. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new ModelException("cannot close model file " + path + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + path + ", " + tensors.size() + " tensors]";
    }

    private static String describe(Object jsonValue) {
        if (jsonValue == null) {
            return "null";
        } else if (jsonValue instanceof String s) {
            return "the string \"" + shorten(s) + "\"";
        } else if (jsonValue instanceof Json.NumberLiteral n) {
            return "the number " + n;
        } else if (jsonValue instanceof Boolean b) {
            return b.toString();
        } else if (jsonValue instanceof List) {
            return "an array";
        } else {
            return "an object";
        }
    }

    /** Keeps messages readable when a hostile header holds megabyte-long names. */
    static String shorten(String text) {
        int max = 100;
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    private static ModelFormatException malformed(Path path, String problem) {
        return new ModelFormatException("malformed safetensors file " + path + ": " + problem);
    }

    private static ModelFormatException malformed(Path path, String problem, Throwable cause) {
        return new ModelFormatException("malformed safetensors file " + path + ": " + problem, cause);
    }
}
