// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Reads the fields of one protobuf message in a buffer, without a schema: each call to
 * {@link #next()} moves to the next field. Malformed input (a varint or length running past the
 * message, a group, an unknown wire type) fails with the error the caller supplies.
 */
final class ProtobufReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer bytes;
    private final int end;
    private final Function<String, RuntimeException> malformed;
    private int position;
    private int field;
    private int wireType;
    private long varint;
    private int valueStart;
    private int valueEnd;

    private ProtobufReader(ByteBuffer bytes, int start, int end, Function<String, RuntimeException> malformed) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
        this.malformed = malformed;
    }

    /** A reader of the message that fills {@code bytes} from its position to its limit. */
    static ProtobufReader of(ByteBuffer bytes, Function<String, RuntimeException> malformed) {
        return new ProtobufReader(bytes, bytes.position(), bytes.limit(), malformed);
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (position >= end) {
            return false;
        }
        int at = position;
        long tag = readVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0 || tag >>> 3 > Integer.MAX_VALUE) {
            throw malformed.apply("field number " + (tag >>> 3) + " at byte " + at);
        }
        switch (wireType) {
            case VARINT -> varint = readVarint();
            case FIXED64 -> skip(8, at);
            case FIXED32 -> skip(4, at);
            case LENGTH_DELIMITED -> {
                long length = readVarint();
                if (length < 0 || length > end - position) {
                    throw malformed.apply("field " + field + " at byte " + at + " claims " + length
                            + " bytes; the message has " + (end - position) + " left");
                }
                valueStart = position;
                valueEnd = position + (int) length;
                position = valueEnd;
            }
            default -> throw malformed.apply("wire type " + wireType + " (field " + field + ") at byte " + at);
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    /** The current field's value as an integer; only for varint fields. */
    long varint() {
        return varint;
    }

    /** A reader of the current length-delimited field as a message of its own. */
    ProtobufReader message() {
        requireLengthDelimited();
        return new ProtobufReader(bytes, valueStart, valueEnd, malformed);
    }

    /** The current length-delimited field as UTF-8 text. */
    String string() {
        requireLengthDelimited();
        byte[] text = new byte[valueEnd - valueStart];
        bytes.get(valueStart, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private void requireLengthDelimited() {
        if (wireType != LENGTH_DELIMITED) {
            throw malformed.apply("field " + field + " has wire type " + wireType + " where a message or string belongs");
        }
    }

    private void skip(int n, int at) {
        if (end - position < n) {
            throw malformed.apply("field " + field + " at byte " + at + " runs past the end of its message");
        }
        position += n;
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw malformed.apply("a number runs past the end of its message at byte " + position);
            }
            byte b = bytes.get(position++);
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw malformed.apply("a number longer than ten bytes at byte " + position);
    }
}
