// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.testing.Bytes.concat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes ONNX messages field by field (onnx.proto field numbers), for crafting models a real
 * exporter would never write. Each method returns one encoded message.
 */
final class RawOnnx {
    private RawOnnx() {
    }

    /** A length-delimited field holding a message or a string. */
    static byte[] field(int number, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, (long) number << 3 | 2);
        varint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] field(int number, String value) {
        return field(number, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A varint field. */
    static byte[] number(int number, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, (long) number << 3);
        varint(out, value);
        return out.toByteArray();
    }

    /** ModelProto with an IR version, the standard opset and the given graph. */
    static byte[] model(byte[] graph, byte[]... more) {
        return concat(number(1, 8), field(8, concat(field(1, ""), number(2, 13))), field(7, graph), concat(more));
    }

    /** GraphProto holding nodes and initializers (already wrapped as fields 1 and 5). */
    static byte[] graph(byte[]... fields) {
        return concat(field(2, "g"), concat(fields));
    }

    static byte[] node(String opType, String domain, byte[]... attributes) {
        byte[] body = concat(field(1, "x"), field(2, "y"), field(3, opType.toLowerCase()), field(4, opType));
        for (byte[] attribute : attributes) {
            body = concat(body, field(5, attribute));
        }
        return field(1, domain.isEmpty() ? body : concat(body, field(7, domain)));
    }

    /** An AttributeProto holding a subgraph ({@code g}). */
    static byte[] graphAttribute(String name, byte[] graph) {
        return concat(field(1, name), field(6, graph), number(20, 5));
    }

    /** A TensorProto named {@code name} whose data lives in {@code location}. */
    static byte[] externalTensor(String name, String location) {
        return concat(number(1, 1), number(2, 1), field(8, name),
                field(13, concat(field(1, "location"), field(2, location))), number(14, 1));
    }

    static byte[] initializer(byte[] tensor) {
        return field(5, tensor);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
