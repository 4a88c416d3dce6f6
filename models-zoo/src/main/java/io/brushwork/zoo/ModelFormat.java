// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The model file formats Brushwork recognises, told apart by content, never by file name. */
public enum ModelFormat {
    /** Hugging Face safetensors: u64 header length, JSON header, raw tensors. */
    SAFETENSORS("a safetensors file"),
    /** {@code torch.save} since PyTorch 1.6: a zip holding {@code data.pkl} and {@code data/N} storages. */
    PYTORCH_ZIP("a PyTorch checkpoint (zip)"),
    /** {@code torch.save} before 1.6: pickled magic number, protocol, system info, object, storages. */
    PYTORCH_LEGACY("a PyTorch checkpoint (legacy)"),
    /** {@code torch.jit.save}: a zip with {@code code/} and {@code constants.pkl}. */
    TORCHSCRIPT("a TorchScript module"),
    /** An ONNX model: a protobuf {@code ModelProto}. */
    ONNX("an ONNX model");

    private final String description;

    ModelFormat(String description) {
        this.description = description;
    }

    /**
     * How messages name a file of this format.
     *
     * @return a phrase with its article, such as {@code a safetensors file}
     */
    public String description() {
        return description;
    }

    /**
     * Whether files of this format are programs for an engine to run (TorchScript, ONNX) rather
     * than named weights that Brushwork reads itself.
     *
     * @return true for {@link #TORCHSCRIPT} and {@link #ONNX}
     */
    public boolean isGraph() {
        return this == TORCHSCRIPT || this == ONNX;
    }

    /**
     * Detects the format of a file from its first bytes (and, for zips, its entry names).
     *
     * @param path the file to inspect
     * @return the file's format
     * @throws ModelFormatException when it is none of the formats
     * @throws ModelException when it is missing, not a regular file (a directory, FIFO or
     *     device), or cannot be read
     */
    public static ModelFormat detect(Path path) {
        ModelFiles.requireRegularFile(path, "model file");
        byte[] head = new byte[16];
        int n;
        long size;
        try (FileChannel ch = FileChannel.open(path)) {
            size = ch.size();
            ByteBuffer buf = ByteBuffer.wrap(head);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading: a read may return fewer bytes
            }
            n = buf.position();
        } catch (NoSuchFileException e) {
            throw new ModelException("model file not found: " + path);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return zipKind(path);
        }
        // Pickle protocol 2+ opens with PROTO (0x80) and the protocol; the legacy format starts
        // with the pickled magic number, a LONG1 (0x8a).
        if (n >= 3 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5 && (head[2] & 0xff) == 0x8a) {
            return PYTORCH_LEGACY;
        }
        if (n >= 9) {
            long headerLength = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength > 1 && headerLength <= size - 8 && head[8] == '{') {
                return SAFETENSORS;
            }
        }
        if (looksLikeOnnx(head, n)) {
            return ONNX;
        }
        throw new ModelFormatException(path + " is not a model file Brushwork reads (safetensors, PyTorch"
                + " checkpoint, TorchScript or ONNX): it starts with bytes " + hex(head, n));
    }

    private static ModelFormat zipKind(Path path) {
        boolean data = false;
        boolean code = false;
        // The central directory, not a streaming read: PyTorch's writer flags its stored entries
        // as having data descriptors, which ZipInputStream refuses, and streaming would read every byte.
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int seen = 0;
            // Names are enough; stop early so a zip with millions of entries costs little.
            while (entries.hasMoreElements() && seen++ < 10_000) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                String inner = slash >= 0 ? name.substring(slash + 1) : name;
                if (inner.equals("data.pkl")) {
                    data = true;
                }
                if (inner.startsWith("code/") || inner.equals("constants.pkl")) {
                    code = true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFormatException(path + ": a zip archive that cannot be read: " + e.getMessage(), e);
        }
        if (code) {
            return TORCHSCRIPT;
        }
        if (data) {
            return PYTORCH_ZIP;
        }
        throw new ModelFormatException(path + " is a zip archive but neither a PyTorch checkpoint (no data.pkl)"
                + " nor a TorchScript module (no code/)");
    }

    /**
     * ONNX has no magic number; a ModelProto starts with field 1 (ir_version, varint, tag 0x08)
     * and usually continues with the producer name (field 2, 0x12) or opset (field 8, 0x42).
     */
    private static boolean looksLikeOnnx(byte[] head, int n) {
        if (n < 4 || head[0] != 0x08) {
            return false;
        }
        int i = 1;
        while (i < n && (head[i] & 0x80) != 0) {
            i++;
        }
        i++;
        return i < n && (head[i] == 0x12 || head[i] == 0x1a || head[i] == 0x22 || head[i] == 0x2a
                || head[i] == 0x3a || head[i] == 0x42);
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, 8); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        String printable = new String(b, 0, Math.min(n, 8), StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", ".");
        return sb + " (\"" + printable + "\")";
    }
}
