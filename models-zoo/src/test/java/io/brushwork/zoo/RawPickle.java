// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-written pickle bytes, for files no honest writer would produce. */
final class RawPickle {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts with PROTO 2, as torch.save's pickles do. */
    static RawPickle proto2() {
        return new RawPickle().op(0x80, 2);
    }

    /** No PROTO opcode at all. */
    static RawPickle bare() {
        return new RawPickle();
    }

    RawPickle op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    RawPickle raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    RawPickle u32(long value) {
        return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) value).array());
    }

    RawPickle u64(long value) {
        return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value).array());
    }

    RawPickle global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** BINUNICODE. */
    RawPickle str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return op('X').u32(utf8.length).raw(utf8);
    }

    /** BININT. */
    RawPickle integer(long value) {
        if (value >= 0 && value < 256) {
            return op('K', (int) value);
        }
        if (value == (int) value) {
            return op('J').u32(value);
        }
        // LONG1 with 8 bytes.
        return op(0x8a, 8).u64(value);
    }

    /** A tuple of ints (MARK ... TUPLE). */
    RawPickle ints(long... values) {
        op('(');
        for (long value : values) {
            integer(value);
        }
        return op('t');
    }

    /** {@code OrderedDict()}. */
    RawPickle orderedDict() {
        return global("collections", "OrderedDict").op(')', 'R');
    }

    /** A persistent id for a storage followed by BINPERSID; legacy ids carry a sixth item. */
    RawPickle storage(String storageClass, String key, long numel, boolean legacy) {
        op('(').str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel);
        if (legacy) {
            op('N');
        }
        return op('t', 'Q');
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}. */
    RawPickle tensor(String storageClass, String key, long numel, boolean legacy, long offset, long[] size,
            long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        storage(storageClass, key, numel, legacy);
        integer(offset).ints(size).ints(stride).op(0x89).orderedDict();
        return op('t', 'R');
    }

    /** A contiguous float32 tensor over a whole storage. */
    RawPickle tensor(String key, boolean legacy, long... size) {
        long numel = 1;
        long[] stride = new long[size.length];
        for (int d = size.length - 1; d >= 0; d--) {
            stride[d] = numel;
            numel *= size[d];
        }
        return tensor("FloatStorage", key, numel, legacy, 0, size, stride);
    }

    RawPickle stop() {
        return op('.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
