// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.AtomicFile;
import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Writes float32 safetensors files that {@link SafetensorsFile} and the reference implementation
 * both read: compact JSON header in insertion order, padded with spaces to a multiple of 8
 * bytes so the data section is aligned, then the tensors back to back, little-endian.
 */
public final class SafetensorsWriter {
    private static final int CHUNK_FLOATS = 1 << 18;

    private SafetensorsWriter() {
    }

    /**
     * Writes the tensors, in the map's iteration order, as {@link DType#F32}. The file appears
     * at {@code path} only once complete: it is written through {@link AtomicFile}, so readers
     * never see a partial file and, on failure, an existing file is left as it was.
     *
     * @param path the file to create or replace
     * @param tensors the tensors by name; each key must equal its tensor's {@link Tensor#name()}
     * @param metadata the {@code __metadata__} strings; omitted from the header when empty
     * @throws IllegalArgumentException if a key differs from its tensor's name, a tensor is
     *     named {@code __metadata__}, or a name is not valid Unicode (an unpaired surrogate)
     * @throws ModelException if the file cannot be written
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);
        try {
            AtomicFile.write(path, out -> {
                ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
                ModelFiles.writeFully(out, length);
                ModelFiles.writeFully(out, ByteBuffer.wrap(header));
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES);
                for (Tensor tensor : tensors.values()) {
                    ModelFiles.writeFloats(out, tensor.data(), chunk);
                }
            });
        } catch (IOException e) {
            throw new ModelException("cannot write model file " + path + ": " + e, e);
        }
    }

    private static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append("\"__metadata__\":{");
            String separator = "";
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                json.append(separator);
                appendString(json, Objects.requireNonNull(entry.getKey(), "metadata key"));
                json.append(':');
                appendString(json, Objects.requireNonNull(entry.getValue(), "metadata value"));
                separator = ",";
            }
            json.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            String name = entry.getKey();
            Tensor tensor = Objects.requireNonNull(entry.getValue(), "tensor");
            if (!name.equals(tensor.name())) {
                throw new IllegalArgumentException("key '" + name + "' holds tensor '" + tensor.name() + "'");
            }
            if (name.equals("__metadata__")) {
                throw new IllegalArgumentException("a tensor cannot be named __metadata__");
            }
            long end = offset + tensor.elementCount() * Float.BYTES;
            json.append(json.length() > 1 ? "," : "");
            appendString(json, name);
            json.append(":{\"dtype\":\"F32\",\"shape\":[");
            long[] shape = tensor.shape();
            for (int i = 0; i < shape.length; i++) {
                json.append(i > 0 ? "," : "").append(shape[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] utf8;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(json));
            utf8 = Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a tensor name or metadata string is not valid Unicode", e);
        }
        // Spaces are JSON whitespace, so padding keeps the header valid while aligning the data.
        int padded = (utf8.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(utf8, padded);
        Arrays.fill(header, utf8.length, padded, (byte) ' ');
        return header;
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
