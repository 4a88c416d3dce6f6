// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Keeps a result from being written over one of the files it was made from: an output path that
 * happens to name the content photograph would otherwise replace it, with no way back.
 *
 * <p>Two paths are the same file when they reach it through any spelling, symbolic link or hard
 * link (its file key, as {@link Files#isSameFile} compares); paths to files that do not exist
 * (yet) are compared after resolving the links of the folders that do exist.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Refuses an output that is one of the inputs.
     *
     * @param output the file about to be written
     * @param inputs the files read to make it, such as {@link StyleTransfer#inputFiles()}
     * @throws ImageWriteException naming both paths if {@code output} is one of {@code inputs}
     */
    public static void requireNotAnInput(Path output, Collection<Path> inputs) {
        requireNoneIsAnInput(List.of(Objects.requireNonNull(output, "output")), inputs);
    }

    /**
     * Refuses outputs of which any is one of the inputs. The inputs are looked at once, so a
     * folder of pictures costs as many file-system look-ups as it has files, not their square.
     *
     * @param outputs the files about to be written
     * @param inputs the files read to make them
     * @throws ImageWriteException naming both paths for the first output that is one of {@code inputs}
     */
    public static void requireNoneIsAnInput(Collection<Path> outputs, Collection<Path> inputs) {
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(inputs, "inputs");
        Map<Object, Path> existing = new HashMap<>();
        Map<Path, Path> missing = new HashMap<>();
        for (Path input : inputs) {
            Path reached = resolved(Objects.requireNonNull(input, "input"));
            Object identity = identity(reached);
            if (identity != null) {
                existing.putIfAbsent(identity, input);
            } else {
                missing.putIfAbsent(reached, input);
            }
        }
        for (Path output : outputs) {
            Path reached = resolved(Objects.requireNonNull(output, "output"));
            Object identity = identity(reached);
            // A file that is there and one that is not are different files.
            Path input = identity != null ? existing.get(identity) : missing.get(reached);
            if (input != null) {
                throw new ImageWriteException(output + ": this is the input " + input
                        + "; writing it would replace that file");
            }
        }
    }

    /**
     * What makes an existing file the one it is, whatever path or link reaches it: its file key
     * (device and inode), as {@link Files#isSameFile} compares them, or its real path where the
     * platform has no key; null when there is no such file (or it cannot be looked at).
     */
    private static @Nullable Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException missingOrUnreadable) {
            return null;
        }
    }

    /**
     * The file a write to {@code file} reaches: the real path of its deepest existing ancestor
     * (links resolved as the file system does), then the rest normalised, as writing creates the
     * missing folders.
     */
    private static Path resolved(Path file) {
        Path absolute = file.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException unresolvable) {
            return absolute.normalize();
        }
    }
}
