// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Assembles checkpoint files from raw parts, for tests that need them wrong in one precise way. */
final class RawTorchFile {
    private RawTorchFile() {
    }

    /** A zip of the given entries, in order; stored unless {@code deflated}. */
    static Path zip(Path file, Map<String, byte[]> entries, boolean deflated) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                byte[] data = e.getValue();
                if (!deflated) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCompressedSize(data.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A PyTorch-style zip checkpoint: {@code archive/data.pkl}, then {@code archive/data/<key>} storages. */
    static Path checkpoint(Path file, byte[] pickle, Map<String, byte[]> storages) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        storages.forEach((key, data) -> entries.put("archive/data/" + key, data));
        entries.put("archive/version", "3\n".getBytes());
        return zip(file, entries, false);
    }

    /**
     * A checkpoint of either format whose pickle's tensors all use one float32 storage, key
     * {@code 0}, holding {@code values}.
     */
    static Path withStorage(Path file, boolean legacy, byte[] pickle, float... values) {
        return legacy
                ? write(file, legacyHeader(), pickle, keyList("0"), storageRecord(values.length, floats(values)))
                : checkpoint(file, pickle, Map.of("0", floats(values)));
    }

    /**
     * Rewrites the size the central directory gives an entry, leaving its data as it is: what
     * ZipFile believes about an entry comes from there. A stored entry's compressed size is
     * rewritten too, since ZipFile reads that many bytes; a deflated one keeps its real one.
     */
    static Path lieAboutSize(Path zip, String name, long size) {
        try {
            byte[] bytes = Files.readAllBytes(zip);
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at + 46 + wanted.length <= bytes.length; at++) {
                boolean header = buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == wanted.length;
                if (header && Arrays.equals(bytes, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                    if (buffer.getShort(at + 10) == ZipEntry.STORED) {
                        buffer.putInt(at + 20, (int) size);
                    }
                    buffer.putInt(at + 24, (int) size);
                    return Files.write(zip, bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no central directory entry " + name + " in " + zip);
    }

    /** The three header pickles of a legacy file: magic number, protocol version, system info. */
    static byte[] legacyHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RawPickle.proto2().op(0x8a, 10).raw(new byte[] {
            0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19}).stop().bytes());
        out.writeBytes(RawPickle.proto2().op('M').op(1001 & 0xff, 1001 >> 8).stop().bytes());
        out.writeBytes(RawPickle.proto2().op('}', '(').str("protocol_version").integer(1001)
                .str("little_endian").op(0x88).op('u').stop().bytes());
        return out.toByteArray();
    }

    /** The storage key list pickle of a legacy file. */
    static byte[] keyList(String... keys) {
        RawPickle list = RawPickle.proto2().op(']');
        if (keys.length > 0) {
            list.op('(');
            for (String key : keys) {
                list.str(key);
            }
            list.op('e');
        }
        return list.stop().bytes();
    }

    /** One legacy storage record: a u64 element count, then the bytes. */
    static byte[] storageRecord(long count, byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return record.putLong(count).put(data).array();
    }

    static byte[] floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    /** Concatenates parts into a file. */
    static Path write(Path file, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        try {
            return Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture from src/test/resources/fixtures. */
    static Path fixture(String name) {
        URL url = RawTorchFile.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
