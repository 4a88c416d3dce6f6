// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces files so that readers see the old content or the new one, never a part of it.
 *
 * <p>The content is written through a hidden temporary file in the target's folder, named
 * {@code .<name>.<random>.tmp}. Unlike {@code Files.createTempFile}, which makes files readable by
 * their owner only, it gets the usual permissions (the umask's), so that the result can be shared.
 * It is forced to disk, so that a crash cannot leave a complete-looking name on partial data, then
 * moved into place atomically, falling back to a plain replace where atomic moves are unsupported.
 * On any failure the temporary file is removed and an existing target is left untouched.
 *
 * <p>The target's folder must exist; it is not created.
 */
public final class AtomicFile {
    private static final String TEMP_SUFFIX = ".tmp";

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the whole content to {@code channel}, from its start. Must not close the channel:
         * it is forced to disk after this returns.
         *
         * @param channel the open temporary file, empty and positioned at its start
         * @throws IOException if writing fails; the target is then left as it was
         */
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Replaces {@code target} with {@code bytes}, as described {@linkplain AtomicFile above}.
     *
     * @param target the file to replace or create; its folder must exist
     * @param bytes the whole new content
     * @throws IOException if the file cannot be written; {@code target} is then as it was
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /**
     * Replaces {@code target} with what {@code body} writes, as described {@linkplain AtomicFile
     * above}. An unchecked exception from {@code body} also removes the temporary file, and is
     * thrown as it is.
     *
     * @param target the file to replace or create; its folder must exist
     * @param body writes the whole new content
     * @throws IOException if the file cannot be written; {@code target} is then as it was
     */
    public static void write(Path target, Body body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        if (absolute.getFileName() == null) {
            throw new FileSystemException(target.toString(), null, "not a file name");
        }
        Path temp = null;
        try {
            FileChannel channel = null;
            while (channel == null) {
                temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
                try {
                    // CREATE_NEW: nothing else is ever overwritten, whatever the name.
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    // Not ours: try another name.
                    temp = null;
                }
            }
            try (FileChannel out = channel) {
                body.writeTo(out);
                out.force(true);
            }
            move(temp, absolute);
        } catch (Throwable e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * Moves {@code source} over {@code target} atomically, or with a plain replace where the file
     * system cannot move atomically. Both should be in the same folder.
     *
     * @param source the file to move
     * @param target the file it replaces, or the name it takes if there is none
     * @throws IOException if the move fails; {@code source} is then left where it was
     */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
