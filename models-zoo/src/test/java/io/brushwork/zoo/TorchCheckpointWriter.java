// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.AtomicFile;
import io.brushwork.ModelException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes float32 state dicts as PyTorch checkpoints that {@code torch.load} (including
 * {@code weights_only=True}) and {@link TorchCheckpoint} both read: an {@code OrderedDict} of
 * contiguous CPU tensors, pickled with protocol 2 as {@code torch.save} does, in the layout
 * PyTorch itself writes.
 */
public final class TorchCheckpointWriter {
    /** The two layouts {@code torch.save} writes. */
    public enum Format {
        /**
         * The zip archive of PyTorch 1.6 and later: {@code <stem>/data.pkl},
         * {@code <stem>/byteorder}, one stored (uncompressed) {@code <stem>/data/<key>} entry per
         * tensor aligned to 64 bytes, and {@code <stem>/version}, where the stem is the file name
         * without its extension.
         */
        ZIP,
        /**
         * The format before 1.6 ({@code _use_new_zipfile_serialization=False}): pickled magic
         * number, protocol version, system info, the state dict and its storage keys, then each
         * storage as a u64 element count and its bytes.
         */
        LEGACY
    }

    /** PyTorch aligns stored tensor data so that it can be memory-mapped. */
    private static final int ALIGNMENT = 64;
    private static final int CHUNK_FLOATS = 1 << 18;
    /**
     * A fixed timestamp, as PyTorch uses, so that equal inputs give equal files. Not 1980-01-01
     * 00:00: Java takes that for "before 1980" and adds an extended-timestamp field to the header.
     */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** Python's pickler puts at most this many items in one SETITEMS. */
    private static final int BATCH = 1000;

    private TorchCheckpointWriter() {
    }

    /**
     * Writes the tensors, in the map's iteration order, as a float32 state dict. The file
     * appears at {@code path} only once complete: it is written through {@link AtomicFile}, so
     * readers never see a partial file and, on failure, an existing file is left as it was.
     *
     * @param path the file to create or replace
     * @param tensors the tensors by name; each key must equal its tensor's {@link Tensor#name()}
     * @param format the layout to write: {@link Format#ZIP} as current PyTorch does, or {@link Format#LEGACY}
     * @throws IllegalArgumentException if a key differs from its tensor's name
     * @throws ModelException if the file cannot be written
     */
    public static void write(Path path, Map<String, Tensor> tensors, Format format) {
        Objects.requireNonNull(format, "format");
        // Storage keys sort as strings, the order PyTorch writes storages in.
        TreeMap<String, Tensor> storages = new TreeMap<>();
        List<String> names = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            Tensor tensor = Objects.requireNonNull(entry.getValue(), "tensor");
            if (!entry.getKey().equals(tensor.name())) {
                throw new IllegalArgumentException("key '" + entry.getKey() + "' holds tensor '" + tensor.name() + "'");
            }
            String key = String.valueOf(keys.size());
            names.add(entry.getKey());
            keys.add(key);
            storages.put(key, tensor);
        }
        byte[] state = statePickle(names, keys, storages, format == Format.LEGACY);

        try {
            AtomicFile.write(path, channel -> {
                CountingStream out = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                        1 << 16));
                if (format == Format.ZIP) {
                    writeZip(out, archiveName(path.toAbsolutePath()), state, storages);
                } else {
                    writeLegacy(out, state, storages);
                }
                // Not close(): that would close the channel before AtomicFile forces it to disk.
                out.flush();
            });
        } catch (IOException e) {
            throw new ModelException("cannot write model file " + path + ": " + e, e);
        }
    }

    /** As PyTorch names the archive's folder: the file name without its extension. */
    private static String archiveName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        // Names a reader would take for a path escape get PyTorch's name for nameless archives.
        return stem.equals(".") || stem.equals("..") || stem.contains("\\") ? "archive" : stem;
    }

    private static void writeZip(CountingStream out, String archive, byte[] state, TreeMap<String, Tensor> storages)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        putStored(zip, out, archive + "/data.pkl", sink -> sink.write(state));
        putStored(zip, out, archive + "/byteorder", sink -> sink.write("little".getBytes(StandardCharsets.US_ASCII)));
        for (Map.Entry<String, Tensor> storage : storages.entrySet()) {
            float[] values = storage.getValue().data();
            putStored(zip, out, archive + "/data/" + storage.getKey(), sink -> writeFloats(values, sink));
        }
        putStored(zip, out, archive + "/version", sink -> sink.write("3\n".getBytes(StandardCharsets.US_ASCII)));
        // Not close(): that would close the channel before the caller can force it to disk.
        zip.finish();
    }

    /** Bytes that can be produced twice: once for the CRC a stored entry needs up front, once to write. */
    private interface Content {
        void writeTo(OutputStream sink) throws IOException;
    }

    private static void putStored(ZipOutputStream zip, CountingStream out, String name, Content content)
            throws IOException {
        CRC32 crc = new CRC32();
        CheckedOutputStream checked = new CheckedOutputStream(OutputStream.nullOutputStream(), crc);
        CountingStream measured = new CountingStream(checked);
        content.writeTo(measured);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(measured.count());
        entry.setCompressedSize(measured.count());
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ZIP_TIME);
        // The local header is 30 bytes, the name, then the extra field, whose length we choose so
        // the data starts on a 64-byte boundary: a 4-byte header of id "FB" and padding, as PyTorch does.
        long unpadded = out.count() + 30 + name.getBytes(StandardCharsets.UTF_8).length + 4;
        int padding = (int) ((ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[4 + padding];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) padding;
        Arrays.fill(extra, 4, extra.length, (byte) 'Z');
        entry.setExtra(extra);
        zip.putNextEntry(entry);
        content.writeTo(zip);
        zip.closeEntry();
    }

    private static void writeLegacy(OutputStream out, byte[] state, TreeMap<String, Tensor> storages)
            throws IOException {
        Pickle magic = new Pickle();
        magic.bigInteger(TorchCheckpoint.LEGACY_MAGIC);
        out.write(magic.stop());

        Pickle protocol = new Pickle();
        protocol.integer(TorchCheckpoint.LEGACY_PROTOCOL);
        out.write(protocol.stop());

        Pickle systemInfo = new Pickle();
        systemInfo.op(Pickle.EMPTY_DICT).op(Pickle.MARK);
        systemInfo.string("protocol_version").integer(TorchCheckpoint.LEGACY_PROTOCOL);
        systemInfo.string("little_endian").op(Pickle.NEWTRUE);
        systemInfo.string("type_sizes").op(Pickle.EMPTY_DICT).op(Pickle.MARK);
        systemInfo.string("short").integer(2).string("int").integer(4).string("long").integer(4);
        systemInfo.op(Pickle.SETITEMS).op(Pickle.SETITEMS);
        out.write(systemInfo.stop());

        out.write(state);

        Pickle keys = new Pickle();
        keys.op(Pickle.EMPTY_LIST);
        if (!storages.isEmpty()) {
            keys.op(Pickle.MARK);
            for (String key : storages.keySet()) {
                keys.string(key);
            }
            keys.op(Pickle.APPENDS);
        }
        out.write(keys.stop());

        ByteBuffer count = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor tensor : storages.values()) {
            out.write(count.putLong(0, tensor.elementCount()).array());
            writeFloats(tensor.data(), out);
        }
    }

    /**
     * {@code OrderedDict} of {@code _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())},
     * with persistent ids naming each tensor's storage.
     */
    private static byte[] statePickle(List<String> names, List<String> keys, Map<String, Tensor> storages,
            boolean legacy) {
        Pickle p = new Pickle();
        p.global("collections", "OrderedDict").op(Pickle.EMPTY_TUPLE).op(Pickle.REDUCE);
        for (int start = 0; start < names.size(); start += BATCH) {
            p.op(Pickle.MARK);
            for (int i = start; i < Math.min(names.size(), start + BATCH); i++) {
                Tensor tensor = storages.get(keys.get(i));
                long[] shape = tensor.shape();
                p.string(names.get(i)).global("torch._utils", "_rebuild_tensor_v2").op(Pickle.MARK);
                p.op(Pickle.MARK).string("storage").global("torch", "FloatStorage").string(keys.get(i))
                        .string("cpu").integer(tensor.elementCount());
                if (legacy) {
                    p.op(Pickle.NONE);
                }
                p.op(Pickle.TUPLE).op(Pickle.BINPERSID);
                p.integer(0).tuple(shape).tuple(contiguousStrides(shape)).op(Pickle.NEWFALSE);
                p.global("collections", "OrderedDict").op(Pickle.EMPTY_TUPLE).op(Pickle.REDUCE);
                p.op(Pickle.TUPLE).op(Pickle.REDUCE);
            }
            p.op(Pickle.SETITEMS);
        }
        return p.stop();
    }

    /** Row-major strides as PyTorch computes them, treating empty dimensions as size 1. */
    private static long[] contiguousStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= Math.max(shape[d], 1);
        }
        return strides;
    }

    private static void writeFloats(float[] values, OutputStream out) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(CHUNK_FLOATS, values.length) * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
            int count = Math.min(CHUNK_FLOATS, values.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(values, from, count);
            out.write(chunk.array(), 0, count * Float.BYTES);
        }
    }

    /** Counts the bytes written through it, to place each zip entry's data. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** A protocol-2 pickle, written with the opcodes Python's own pickler would choose. */
    private static final class Pickle {
        static final int MARK = '(';
        static final int EMPTY_TUPLE = ')';
        static final int EMPTY_LIST = ']';
        static final int EMPTY_DICT = '}';
        static final int APPENDS = 'e';
        static final int SETITEMS = 'u';
        static final int TUPLE = 't';
        static final int REDUCE = 'R';
        static final int BINPERSID = 'Q';
        static final int NONE = 'N';
        static final int NEWTRUE = 0x88;
        static final int NEWFALSE = 0x89;

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pickle() {
            bytes.write(0x80);
            bytes.write(2);
        }

        Pickle op(int opcode) {
            bytes.write(opcode);
            return this;
        }

        Pickle global(String module, String name) {
            bytes.write('c');
            bytes.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Pickle string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes.write('X');
            bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, utf8.length).array());
            bytes.writeBytes(utf8);
            return this;
        }

        Pickle integer(long value) {
            if (value >= 0 && value <= 0xff) {
                bytes.write('K');
                bytes.write((int) value);
            } else if (value >= 0 && value <= 0xffff) {
                bytes.write('M');
                bytes.write((int) value);
                bytes.write((int) (value >>> 8));
            } else if (value == (int) value) {
                bytes.write('J');
                bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) value).array());
            } else {
                bigInteger(BigInteger.valueOf(value));
            }
            return this;
        }

        /** LONG1: little-endian two's complement, as few bytes as hold the sign. */
        void bigInteger(BigInteger value) {
            byte[] bigEndian = value.toByteArray();
            bytes.write(0x8a);
            bytes.write(bigEndian.length);
            for (int i = bigEndian.length - 1; i >= 0; i--) {
                bytes.write(bigEndian[i]);
            }
        }

        Pickle tuple(long[] values) {
            if (values.length > 3) {
                bytes.write(MARK);
            }
            for (long value : values) {
                integer(value);
            }
            bytes.write(switch (values.length) {
                case 0 -> EMPTY_TUPLE;
                case 1 -> 0x85;
                case 2 -> 0x86;
                case 3 -> 0x87;
                default -> TUPLE;
            });
            return this;
        }

        byte[] stop() {
            bytes.write('.');
            return bytes.toByteArray();
        }
    }
}
