// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads whole files that must be ordinary files, up to a size limit.
 *
 * <p>Directories, FIFOs, devices and sockets are refused before they are opened: opening a FIFO
 * waits for a writer, and a device such as {@code /dev/zero} never ends. Symbolic links are
 * followed. The read stops one byte past the limit, so a file that grows after its size was looked
 * at, or whose reported size is wrong, still cannot make the result larger than the limit.
 *
 * <p>One race remains: a file replaced by a FIFO between the check and the opening makes the
 * opening wait. Only someone who can already write to the file's folder can do that.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * Reads a regular file whole, refusing anything else.
     *
     * @param <E> the caller's exception type
     * @param path the file; links are followed
     * @param maxBytes the most bytes the file may hold, from 0 to {@code Integer.MAX_VALUE - 1}
     * @param failure makes the exception to throw from a message, which starts with the path and
     *     says what is wrong (not found, a directory, a FIFO or device, too large, unreadable), and
     *     the underlying failure, or {@code null} if there is none
     * @return the file's content, at most {@code maxBytes} long
     * @throws E if the file is missing, is not a regular file, holds more than {@code maxBytes}
     *     bytes or cannot be read
     * @throws IllegalArgumentException if {@code maxBytes} is out of range
     */
    public static <E extends RuntimeException> byte[] read(
            Path path, int maxBytes, BiFunction<String, @Nullable Throwable, E> failure) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(failure, "failure");
        if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be 0 to Integer.MAX_VALUE - 1, got " + maxBytes);
        }
        try {
            long size = requireRegular(path, kind -> failure.apply(path + ": is " + kind + ", not a regular file", null));
            if (size > maxBytes) {
                throw tooLarge(path, maxBytes, failure);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] data = readAtMost(in, (int) size, maxBytes);
                if (data == null) {
                    throw tooLarge(path, maxBytes, failure);
                }
                return data;
            }
        } catch (NoSuchFileException e) {
            throw failure.apply(path + ": file not found", e);
        } catch (IOException e) {
            throw failure.apply(path + ": cannot read file: " + e, e);
        }
    }

    /**
     * Checks, without opening it, that a path names a regular file (links followed), and gives its
     * size. Readers that open files their own way call this first, so that every one of them
     * refuses the same things.
     *
     * @param <E> the caller's exception type
     * @param path the file; links are followed
     * @param notRegular makes the exception for anything else from what it is: {@code a directory},
     *     {@code a FIFO}, {@code a character device}, {@code a block device}, {@code a socket} or
     *     {@code a special file}
     * @return the file's size in bytes
     * @throws E if the path names something other than a regular file
     * @throws NoSuchFileException if nothing is there
     * @throws IOException if its attributes cannot be read
     */
    public static <E extends RuntimeException> long requireRegular(Path path, Function<String, E> notRegular)
            throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw notRegular.apply(kind(path, attributes));
        }
        return attributes.size();
    }

    /**
     * Reads the expected size into one array, as the file usually holds just that, then whatever a
     * growing file has added, up to one byte past the limit; {@code null} if that byte came.
     */
    private static byte @Nullable [] readAtMost(InputStream in, int expected, int maxBytes) throws IOException {
        byte[] head = new byte[expected];
        int n = in.readNBytes(head, 0, expected);
        byte[] tail = in.readNBytes(maxBytes - n + 1);
        if (n + (long) tail.length > maxBytes) {
            return null;
        }
        if (tail.length == 0 && n == expected) {
            return head;
        }
        byte[] all = Arrays.copyOf(head, n + tail.length);
        System.arraycopy(tail, 0, all, n, tail.length);
        return all;
    }

    private static <E extends RuntimeException> E tooLarge(
            Path path, int maxBytes, BiFunction<String, @Nullable Throwable, E> failure) {
        return failure.apply(path + ": file is larger than " + maxBytes + " bytes", null);
    }

    /** What a file that is not regular is, as far as the platform says; Unix file systems tell the kind. */
    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
