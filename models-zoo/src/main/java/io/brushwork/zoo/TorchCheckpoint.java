// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;
import io.brushwork.zoo.SafeUnpickler.PersistentIds;
import io.brushwork.zoo.SafeUnpickler.Storage;
import io.brushwork.zoo.SafeUnpickler.TensorRef;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A PyTorch checkpoint ({@code torch.save} output, usually {@code .pth} or {@code .pt}) opened
 * for reading, in either format: the zip archive PyTorch writes since 1.6, or the older legacy
 * stream of pickles followed by raw storages.
 *
 * <p>Opening never runs anything. The pickled object is read by a restricted unpickler that
 * knows only the classes and functions {@code torch.load(weights_only=True)} allows for
 * rebuilding tensors; any other global (such as {@code os.system}) ends in a
 * {@link ModelFormatException} naming it. Everything the file claims, from string lengths to
 * storage sizes and tensor views, is checked at open time against the bytes that are really
 * there, before anything of that size is allocated.
 *
 * <p>The checkpoint may be a state dict or a dict of dicts, such as
 * {@code {"state_dict": {...}, "epoch": 5}}. Every tensor reachable through dicts is listed, in
 * file order, under its dotted path: {@code features.0.weight} at the top level,
 * {@code state_dict.features.0.weight} one level down. Dict keys that are strings or integers
 * make up the paths; other keys, and values that are neither tensors nor dicts (lists,
 * numbers, ...), are skipped, as is a dict met a second time.
 *
 * <p>Tensors are read on demand and converted to float32 from float32, float16, bfloat16 or
 * float64; tensors of other types are listed but cannot be read. Views (a storage offset,
 * transposed or sliced strides) are materialised in row-major order. A view with more elements
 * than its storage holds, which only a stride of 0 (a broadcast) or overlapping strides can
 * make, is refused at open: a few bytes of pickle could otherwise make one read fill the heap.
 * So what a read allocates is bounded by the bytes its storage takes in the file, never by a
 * shape the pickle claims. Reads are safe from several threads at once.
 */
public final class TorchCheckpoint implements WeightFile {
    /** The number {@code torch.save}'s legacy format pickles first. */
    static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    /** The legacy format's protocol version, pickled second. */
    static final long LEGACY_PROTOCOL = 1001;
    /** Largest {@code data.pkl} read into memory; real ones take kilobytes to a few megabytes. */
    static final int MAX_PICKLE_BYTES = 256 << 20;
    private static final int MAX_DICT_NESTING = 100;
    private static final int MAX_ARRAY_LENGTH = SafetensorsFile.MAX_ARRAY_LENGTH;
    /** Read buffer size: a multiple of every element size, small enough not to double a tensor's memory. */
    private static final int CHUNK_BYTES = 1 << 20;
    /** Deflate expands data at most 1032-fold; a zip entry claiming more than that is lying. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final Path path;
    private final ModelFormat format;
    private final Storages storages;
    private final Map<String, TensorRef> tensors;
    private final Map<String, String> metadata;
    private volatile boolean closed;

    private TorchCheckpoint(Path path, ModelFormat format, Storages storages, Object root) {
        this.path = path;
        this.format = format;
        this.storages = storages;
        if (!(root instanceof Map<?, ?> dict)) {
            throw malformed(path, "the checkpoint holds " + SafeUnpickler.describe(root) + ", not a dict of tensors");
        }
        Map<String, TensorRef> found = new LinkedHashMap<>();
        collect(dict, "", 0, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        this.tensors = Collections.unmodifiableMap(found);
        this.metadata = Collections.unmodifiableMap(scalars(dict));
    }

    /**
     * Opens a PyTorch checkpoint of either format, told apart by content.
     *
     * @param path the file to open
     * @return the open checkpoint; the caller closes it
     * @throws ModelFormatException if the file is malformed, hostile (names a global outside the
     *     allow-list), or not a checkpoint (for example a TorchScript module); the message names
     *     the file and the problem
     * @throws ModelException if the file is missing, not a regular file, or cannot be opened or read
     */
    public static TorchCheckpoint open(Path path) {
        return open(path, ModelFormat.detect(path));
    }

    /** As {@link #open(Path)} for a file whose format is already detected. */
    static TorchCheckpoint open(Path path, ModelFormat format) {
        return switch (format) {
            case PYTORCH_ZIP -> openZip(path);
            case PYTORCH_LEGACY -> openLegacy(path);
            case ONNX, TORCHSCRIPT -> throw new ModelFormatException(path + " is " + format.description()
                    + ", not a PyTorch checkpoint: a computation graph for an engine to run, not a file of"
                    + " named weights");
            case SAFETENSORS -> throw new ModelFormatException(path + " is " + format.description()
                    + ", not a PyTorch checkpoint; open it with WeightFile.open");
        };
    }

    private static TorchCheckpoint openZip(Path path) {
        long fileSize = ModelFiles.requireRegularFile(path, "model file");
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw malformed(path, "not a readable zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw ModelFiles.cannotOpen(path, e);
        }
        return ModelFiles.closingOnFailure(zip, opened -> loadZip(path, opened, fileSize));
    }

    private static TorchCheckpoint loadZip(Path path, ZipFile zip, long fileSize) {
        ZipEntry pickle = null;
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
            String name = all.nextElement().getName();
            checkEntryName(path, name);
            // PyTorch puts everything in one folder named after the file: <archive>/data.pkl.
            int slash = name.indexOf('/');
            if (name.endsWith("data.pkl") && (name.equals("data.pkl") || slash == name.length() - 9)) {
                if (pickle != null) {
                    throw malformed(path, "the archive holds two pickles, " + pickle.getName() + " and " + name);
                }
                pickle = zip.getEntry(name);
            }
        }
        if (pickle == null) {
            throw malformed(path, "the zip archive has no data.pkl");
        }
        String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
        checkByteOrder(path, zip, prefix, fileSize);

        byte[] bytes = readEntry(path, zip, pickle, MAX_PICKLE_BYTES, fileSize);
        Map<String, Storage> storages = new LinkedHashMap<>();
        PickleInput in = new PickleInput(new ByteArrayInputStream(bytes), bytes.length, path, pickle.getName());
        Object root = new SafeUnpickler(in, PersistentIds.ZIP, storages).load();

        Map<String, ZipEntry> entries = new HashMap<>();
        for (Storage storage : storages.values()) {
            String name = prefix + "data/" + storage.key();
            ZipEntry entry = zip.getEntry(name);
            if (entry == null || entry.isDirectory()) {
                throw malformed(path, "storage '" + storage.key() + "' has no entry " + name);
            }
            long expected = byteLength(path, storage);
            if (entry.getSize() != expected) {
                throw malformed(path, "storage '" + storage.key() + "' holds " + describe(storage) + " but entry "
                        + name + " holds " + entry.getSize() + " bytes");
            }
            checkEntryFits(path, entry, fileSize);
            entries.put(storage.key(), entry);
        }
        return new TorchCheckpoint(path, ModelFormat.PYTORCH_ZIP, new ZipStorages(zip, entries), root);
    }

    /** Refuses names that would escape a folder if extracted (zip-slip), though nothing is extracted. */
    private static void checkEntryName(Path path, String name) {
        String slashes = name.replace('\\', '/');
        boolean absolute = slashes.startsWith("/") || (slashes.length() >= 2 && slashes.charAt(1) == ':');
        if (absolute || Arrays.asList(slashes.split("/")).contains("..")) {
            throw malformed(path, "zip entry '" + SafeUnpickler.shorten(name)
                    + "' is an absolute or parent-relative path");
        }
    }

    /**
     * Refuses an entry whose sizes in the zip's central directory the file cannot back. ZipFile
     * believes them, so a tensor sized by them would be allocated before its data proved missing.
     */
    private static void checkEntryFits(Path path, ZipEntry entry, long fileSize) {
        long size = entry.getSize();
        long stored = entry.getCompressedSize();
        boolean fits = stored <= fileSize
                && (entry.getMethod() == ZipEntry.STORED ? size == stored : size / MAX_DEFLATE_RATIO <= stored);
        if (!fits) {
            throw malformed(path, "zip entry " + SafeUnpickler.shorten(entry.getName()) + " claims " + size
                    + " bytes stored in " + stored + ", which a file of " + fileSize + " bytes cannot hold");
        }
    }

    private static void checkByteOrder(Path path, ZipFile zip, String prefix, long fileSize) {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            // Written since PyTorch 2.0; older archives are little-endian.
            return;
        }
        String order = new String(readEntry(path, zip, entry, 16, fileSize), StandardCharsets.US_ASCII).trim();
        if (order.equals("big")) {
            throw malformed(path, "the storages are big-endian; only little-endian checkpoints are supported");
        }
        if (!order.equals("little")) {
            throw malformed(path, entry.getName() + " says '" + SafeUnpickler.shorten(order)
                    + "', neither little nor big");
        }
    }

    private static byte[] readEntry(Path path, ZipFile zip, ZipEntry entry, int max, long fileSize) {
        long size = entry.getSize();
        if (size > max) {
            throw malformed(path, entry.getName() + " holds " + size + " bytes, more than the limit of " + max);
        }
        checkEntryFits(path, entry, fileSize);
        try (InputStream in = zip.getInputStream(entry)) {
            // The declared size may lie; read one byte past it to tell, never more.
            byte[] bytes = in.readNBytes((int) size + 1);
            if (bytes.length != size) {
                throw malformed(path, entry.getName() + " holds " + (bytes.length > size ? "more" : bytes.length)
                        + " bytes, not the " + size + " its directory entry says");
            }
            return bytes;
        } catch (ZipException | EOFException e) {
            throw malformed(path, entry.getName() + " cannot be read from the archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e, e);
        }
    }

    private static TorchCheckpoint openLegacy(Path path) {
        return ModelFiles.open(path, channel -> loadLegacy(path, channel));
    }

    /**
     * The legacy layout: pickled magic number, protocol version, system info, the object, the
     * list of storage keys; then each storage as a u64 element count and its raw bytes.
     */
    private static TorchCheckpoint loadLegacy(Path path, FileChannel channel) {
        long fileSize;
        PickleInput in;
        try {
            fileSize = channel.size();
            // Not closed after the pickles: closing the stream would close the channel.
            in = new PickleInput(new BufferedInputStream(Channels.newInputStream(channel.position(0))), fileSize,
                    path, "the file");
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e, e);
        }
        Map<String, Storage> storages = new LinkedHashMap<>();
        Object magic = new SafeUnpickler(in, PersistentIds.NONE, storages).load();
        if (!LEGACY_MAGIC.equals(magic)) {
            throw malformed(path, "it starts with " + SafeUnpickler.describe(magic)
                    + ", not the magic number of torch.save's legacy format");
        }
        Object protocol = new SafeUnpickler(in, PersistentIds.NONE, storages).load();
        if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw malformed(path, "legacy protocol version " + SafeUnpickler.describe(protocol) + ", expected "
                    + LEGACY_PROTOCOL);
        }
        Object systemInfo = new SafeUnpickler(in, PersistentIds.NONE, storages).load();
        if (!(systemInfo instanceof Map<?, ?> info)) {
            throw malformed(path, "the system information is " + SafeUnpickler.describe(systemInfo) + ", not a dict");
        }
        if (Boolean.FALSE.equals(info.get("little_endian"))) {
            throw malformed(path, "it was written on a big-endian machine; only little-endian checkpoints are"
                    + " supported");
        }
        Object root = new SafeUnpickler(in, PersistentIds.LEGACY, storages).load();
        Object keys = new SafeUnpickler(in, PersistentIds.NONE, storages).load();
        if (!(keys instanceof List<?> keyList)) {
            throw malformed(path, "the storage key list is " + SafeUnpickler.describe(keys) + ", not a list");
        }
        Map<String, Long> offsets = scanStorages(path, channel, fileSize, in.position(), keyList, storages);
        return new TorchCheckpoint(path, ModelFormat.PYTORCH_LEGACY, new LegacyStorages(channel, offsets), root);
    }

    /** Finds where each storage's bytes start, reading only the 8-byte counts in between. */
    private static Map<String, Long> scanStorages(Path path, FileChannel channel, long fileSize, long start,
            List<?> keys, Map<String, Storage> storages) {
        Map<String, Long> offsets = new HashMap<>();
        ByteBuffer count = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long position = start;
        for (Object item : keys) {
            if (!(item instanceof String key)) {
                throw malformed(path, "the storage key list holds " + SafeUnpickler.describe(item));
            }
            Storage storage = storages.get(key);
            if (storage == null) {
                throw malformed(path, "the storage key list names '" + SafeUnpickler.shorten(key)
                        + "', which no tensor uses");
            }
            if (offsets.containsKey(key)) {
                throw malformed(path, "the storage key list names '" + key + "' twice");
            }
            if (fileSize - position < Long.BYTES) {
                throw malformed(path, "storage '" + key + "' should start at byte " + position
                        + " but the file ends at " + fileSize + " (truncated file?)");
            }
            count.clear();
            readFully(path, channel, count, position);
            long elements = count.getLong(0);
            if (elements != storage.numel()) {
                throw malformed(path, "storage '" + key + "' at byte " + position + " holds "
                        + Long.toUnsignedString(elements) + " elements, but the object says " + storage.numel());
            }
            long bytes = byteLength(path, storage);
            long remaining = fileSize - position - Long.BYTES;
            if (bytes > remaining) {
                throw malformed(path, "storage '" + key + "' at byte " + position + " claims " + describe(storage)
                        + " but only " + remaining + " bytes remain (truncated file?)");
            }
            offsets.put(key, position + Long.BYTES);
            position += Long.BYTES + bytes;
        }
        for (String key : storages.keySet()) {
            if (!offsets.containsKey(key)) {
                throw malformed(path, "storage '" + key + "' is used by a tensor but missing from the file");
            }
        }
        return offsets;
    }

    private static long byteLength(Path path, Storage storage) {
        try {
            return Math.multiplyExact(storage.numel(), storage.dtype().bytesPerElement());
        } catch (ArithmeticException e) {
            throw malformed(path, "storage '" + storage.key() + "' claims " + storage.numel() + " "
                    + storage.dtype().torchName() + " elements, more bytes than a long can count", e);
        }
    }

    private static String describe(Storage storage) {
        return storage.numel() + " " + storage.dtype().torchName() + " elements (" + storage.numel()
                * storage.dtype().bytesPerElement() + " bytes)";
    }

    /** Walks dicts depth-first in file order, naming tensors by their dotted path. */
    private void collect(Map<?, ?> dict, String prefix, int depth, Map<String, TensorRef> found, Set<Object> seen) {
        // A pickle can make dicts shared or cyclic; expanding each once keeps the walk finite.
        if (!seen.add(dict)) {
            return;
        }
        if (depth > MAX_DICT_NESTING) {
            throw malformed(path, "dicts nested deeper than " + MAX_DICT_NESTING);
        }
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String || key instanceof Long || key instanceof BigInteger)) {
                continue;
            }
            String name = prefix + key;
            Object value = entry.getValue();
            if (value instanceof TensorRef tensor) {
                checkFitsStorage(name, tensor);
                if (found.putIfAbsent(name, tensor) != null) {
                    throw malformed(path, "two tensors have the name '" + SafeUnpickler.shorten(name) + "'");
                }
            } else if (value instanceof Map<?, ?> inner) {
                collect(inner, name + ".", depth + 1, found, seen);
            }
        }
    }

    /**
     * Refuses a view with more elements than its storage holds. Only a stride of 0 or overlapping
     * strides make one, and reading it would take memory the file's size does not bound: a few
     * kilobytes of pickle can describe gigabytes of repeated elements.
     */
    private void checkFitsStorage(String name, TensorRef tensor) {
        Storage storage = tensor.storage();
        if (tensor.elementCount() > storage.numel()) {
            throw malformed(path, "tensor '" + SafeUnpickler.shorten(name) + "' has shape "
                    + Arrays.toString(tensor.size()) + " and strides " + Arrays.toString(tensor.stride()) + ", "
                    + tensor.elementCount() + " elements, but its storage '" + storage.key() + "' holds only "
                    + describe(storage) + "; a view that repeats elements (a stride of 0 or overlapping strides)"
                    + " is refused, as reading it would take far more memory than the file holds (save such a"
                    + " tensor with .contiguous())");
        }
    }

    /** The top-level entries with a string key and a simple value, such as an epoch number. */
    private static Map<String, String> scalars(Map<?, ?> dict) {
        Map<String, String> scalars = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            Object value = entry.getValue();
            if (entry.getKey() instanceof String key && (value instanceof String || value instanceof Long
                    || value instanceof BigInteger || value instanceof Double)) {
                scalars.put(key, value.toString());
            } else if (entry.getKey() instanceof String key && value instanceof Boolean b) {
                scalars.put(key, b ? "True" : "False");
            }
        }
        return scalars;
    }

    @Override
    public Path path() {
        return path;
    }

    /** {@link ModelFormat#PYTORCH_ZIP} or {@link ModelFormat#PYTORCH_LEGACY}. */
    @Override
    public ModelFormat format() {
        return format;
    }

    @Override
    public Set<String> keys() {
        return tensors.keySet();
    }

    @Override
    public long[] shape(String key) {
        return tensor(key).size().clone();
    }

    /**
     * The top-level entries of a nested checkpoint that are strings, integers, floats or
     * booleans ({@code epoch -> 3}, {@code best -> True}), as text; empty for a plain state dict.
     */
    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Reads one tensor, converting its elements to {@code float}. A view is copied into
     * row-major order. Since {@link #open(Path)} refuses views with more elements than their
     * storage holds, the storage's bytes in the file, not the shape the pickle claims, bound the
     * memory a read takes.
     *
     * @throws ModelException if the checkpoint has no such tensor or cannot be read
     * @throws ModelFormatException if the tensor's type is not float32, float16, bfloat16 or
     *     float64 (the message names it), it is too large for a Java array, or the file has
     *     changed since it was opened
     * @throws IllegalStateException if this checkpoint has been closed
     */
    @Override
    public Tensor read(String key) {
        TensorRef tensor = tensor(key);
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        TorchDType dtype = tensor.storage().dtype();
        if (!dtype.readable()) {
            throw new ModelFormatException("tensor '" + key + "' in " + path + " has dtype " + dtype.torchName()
                    + ", which Brushwork cannot read as float (readable: " + TorchDType.readableNames() + ")");
        }
        if (tensor.elementCount() > MAX_ARRAY_LENGTH || tensor.extent() > MAX_ARRAY_LENGTH) {
            throw new ModelFormatException("tensor '" + key + "' in " + path + " has " + tensor.elementCount()
                    + " elements spread over " + tensor.extent() + ", more than a Java array can hold ("
                    + MAX_ARRAY_LENGTH + ")");
        }
        float[] values = new float[(int) tensor.elementCount()];
        if (values.length > 0) {
            boolean contiguous = tensor.contiguous();
            float[] span = contiguous ? values : new float[(int) tensor.extent()];
            readSpan(key, tensor, dtype, span);
            if (!contiguous) {
                gather(tensor, span, values);
            }
        }
        return Tensor.owning(key, tensor.size().clone(), values);
    }

    private TensorRef tensor(String key) {
        TensorRef tensor = tensors.get(key);
        if (tensor == null) {
            String some = tensors.keySet().stream().limit(8).collect(Collectors.joining(", "));
            throw new ModelException("no tensor '" + key + "' in " + path + "; it holds " + tensors.size()
                    + " tensors" + (tensors.isEmpty() ? "" : ": " + some + (tensors.size() > 8 ? ", ..." : "")));
        }
        return tensor;
    }

    /** Decodes the storage elements from the tensor's offset through its extent into {@code span}. */
    private void readSpan(String key, TensorRef tensor, TorchDType dtype, float[] span) {
        int size = dtype.bytesPerElement();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, (long) span.length * size)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream in = storages.open(tensor.storage().key(), tensor.offset() * size)) {
            int filled = 0;
            while (filled < span.length) {
                int n = (int) Math.min(chunk.length, (long) (span.length - filled) * size);
                if (in.readNBytes(chunk, 0, n) < n) {
                    throw malformed(path, "the data of tensor '" + key + "' ends early (was the file changed after"
                            + " opening?)");
                }
                buffer.clear().limit(n);
                filled = dtype.decode(buffer, span, filled);
            }
        } catch (ZipException | EOFException e) {
            throw malformed(path, "the data of tensor '" + key + "' cannot be read (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e, e);
        }
    }

    /** Copies a strided view into row-major order, stepping the source index like an odometer. */
    private static void gather(TensorRef tensor, float[] span, float[] values) {
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long[] index = new long[size.length];
        long source = 0;
        for (int out = 0; out < values.length; out++) {
            values[out] = span[(int) source];
            for (int d = size.length - 1; d >= 0; d--) {
                source += stride[d];
                if (++index[d] < size[d]) {
                    break;
                }
                source -= stride[d] * size[d];
                index[d] = 0;
            }
        }
    }

    /** Closes the file; reading afterwards fails. Closing twice is harmless. */
    @Override
    public void close() {
        closed = true;
        try {
            storages.close();
        } catch (IOException e) {
            throw new ModelException("cannot close model file " + path + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "TorchCheckpoint[" + path + ", " + format + ", " + tensors.size() + " tensors]";
    }

    private static ModelFormatException malformed(Path path, String problem) {
        return new ModelFormatException("malformed PyTorch checkpoint " + path + ": " + problem);
    }

    private static ModelFormatException malformed(Path path, String problem, Throwable cause) {
        return new ModelFormatException("malformed PyTorch checkpoint " + path + ": " + problem, cause);
    }

    private static void readFully(Path path, FileChannel channel, ByteBuffer buffer, long position) {
        ModelFiles.readFully(path, channel, buffer, position,
                at -> malformed(path, "the file ends at byte " + at + " (truncated file?)"));
    }

    /** Where the bytes of each storage live: zip entries, or regions of a legacy file. */
    private interface Storages {
        /** A stream of the storage's bytes from {@code byteOffset}. */
        InputStream open(String key, long byteOffset) throws IOException;

        void close() throws IOException;
    }

    private static final class ZipStorages implements Storages {
        private final ZipFile zip;
        private final Map<String, ZipEntry> entries;

        ZipStorages(ZipFile zip, Map<String, ZipEntry> entries) {
            this.zip = zip;
            this.entries = entries;
        }

        @Override
        public InputStream open(String key, long byteOffset) throws IOException {
            InputStream in = zip.getInputStream(entries.get(key));
            try {
                // Cheap for stored entries, which is how PyTorch writes them.
                in.skipNBytes(byteOffset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return in;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static final class LegacyStorages implements Storages {
        private final FileChannel channel;
        private final Map<String, Long> offsets;

        LegacyStorages(FileChannel channel, Map<String, Long> offsets) {
            this.channel = channel;
            this.offsets = offsets;
        }

        @Override
        public InputStream open(String key, long byteOffset) {
            return new ChannelStream(channel, offsets.get(key) + byteOffset);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Positioned reads, so several threads can read one channel at once. */
    private static final class ChannelStream extends InputStream {
        private final FileChannel channel;
        private long position;

        ChannelStream(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
