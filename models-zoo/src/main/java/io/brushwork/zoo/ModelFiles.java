// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.ModelException;
import io.brushwork.RegularFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import java.util.function.LongFunction;

/** Opening and reading model files, with the errors every reader of them reports. */
final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * Fails unless {@code path} is a regular file (links are followed) and returns its size. Every
     * reader of a file the user names calls this before opening it: opening a FIFO blocks until
     * something writes to it, and a device such as {@code /dev/zero} never ends, so reading one
     * would hang or fill the heap.
     *
     * @param what how messages name the file, such as {@code model file}
     * @return the file's size in bytes
     * @throws ModelException naming the path and, for anything but a regular file, what it is
     *     ({@link RegularFiles#requireRegular}); or if it is missing or its attributes cannot be read
     */
    static long requireRegularFile(Path path, String what) {
        try {
            return RegularFiles.requireRegular(path,
                    kind -> new ModelException(what + " " + path + " is not a regular file: it is " + kind));
        } catch (NoSuchFileException e) {
            throw new ModelException(what + " not found: " + path, e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + what + " " + path + ": " + e, e);
        }
    }

    /**
     * Opens {@code path} for reading and hands the channel to {@code load}, closing it if
     * {@code load} fails; on success the result owns the channel.
     *
     * @throws ModelException if the file is missing, not a regular file, or cannot be opened
     */
    static <T> T open(Path path, Function<FileChannel, T> load) {
        requireRegularFile(path, "model file");
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw cannotOpen(path, e);
        }
        return closingOnFailure(channel, load);
    }

    /** The error for a model file that cannot be opened: "not found" when it is missing. */
    static ModelException cannotOpen(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ModelException("model file not found: " + path, e);
        }
        return new ModelException("cannot open model file " + path + ": " + e, e);
    }

    /**
     * Applies {@code load} to an opened {@code resource} and, if it throws, closes the resource
     * (a failure to close is added to the exception as suppressed) before rethrowing.
     */
    static <C extends Closeable, T> T closingOnFailure(C resource, Function<? super C, T> load) {
        try {
            return load.apply(resource);
        } catch (RuntimeException e) {
            try {
                resource.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Fills {@code buffer} from {@code position} with positioned reads.
     *
     * @param endsAt the error for a file that ends first, given the offset where it ends
     * @throws ModelException if reading fails
     */
    static void readFully(Path path, FileChannel channel, ByteBuffer buffer, long position,
            LongFunction<? extends RuntimeException> endsAt) {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw endsAt.apply(at);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e, e);
        }
    }

    /** Writes all of {@code buffer}: a channel may take fewer bytes than it is given. */
    static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /**
     * Writes {@code values} as little-endian float32 through {@code chunk}, a reusable buffer (a
     * multiple of 4 bytes), so that a tensor is never copied whole.
     */
    static void writeFloats(FileChannel out, float[] values, ByteBuffer chunk) throws IOException {
        int floats = chunk.capacity() / Float.BYTES;
        chunk.order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += floats) {
            int count = Math.min(floats, values.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(values, from, count);
            chunk.limit(count * Float.BYTES);
            writeFully(out, chunk);
        }
    }
}
