// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Keeps a result from being written over one of the files it was made from: an output path that
 * happens to name the content photograph would otherwise replace it, with no way back.
 *
 * <p>Two paths are the same file when they reach it through any spelling, symbolic link or hard
 * link ({@link Files#isSameFile}); paths to files that do not exist (yet) are compared after
 * resolving the links of the folders that do exist.
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
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(inputs, "inputs");
        Path target = resolved(output);
        boolean targetExists = Files.exists(target);
        for (Path input : inputs) {
            if (sameFile(target, targetExists, Objects.requireNonNull(input, "input"))) {
                throw new ImageWriteException(output + ": this is the input " + input
                        + "; writing it would replace that file");
            }
        }
    }

    private static boolean sameFile(Path target, boolean targetExists, Path input) {
        boolean inputExists = Files.exists(input);
        if (targetExists && inputExists) {
            try {
                return Files.isSameFile(target, input);
            } catch (IOException unreadable) {
                return target.equals(resolved(input));
            }
        }
        // A file that is there and one that is not are different files.
        return !targetExists && !inputExists && target.equals(resolved(input));
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
