// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.ImageWriteException;
import io.brushwork.OutputFiles;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The checks every command makes on the files it will write, before any work, so that a mistake
 * costs a usage error rather than a finished run: a picture needs an extension {@code Images.write}
 * can produce, and no output may be one of the command's inputs (writing it would replace that
 * file, the photograph given as {@code --content} say).
 */
final class Outputs {
    /** The extensions {@code Images.write} can produce. */
    static final Set<String> WRITABLE = Set.of("png", "jpg", "jpeg");

    private Outputs() {
    }

    /** Refuses a picture destination {@code Images.write} would refuse after all the work. */
    static void requireWritable(String option, Path file, CommandLine cli) {
        if (!WRITABLE.contains(Networks.extension(file))) {
            throw new CommandLine.ParameterException(cli, option + ": " + file
                    + " must end in .png, .jpg or .jpeg");
        }
    }

    /** Refuses an output that is one of {@code inputs}: the same file through any path or link. */
    static void requireNotAnInput(String option, Path output, Collection<Path> inputs, CommandLine cli) {
        requireNoneIsAnInput(option, List.of(output), inputs, cli);
    }

    /** Refuses outputs of which any is one of {@code inputs}, looking at the inputs once. */
    static void requireNoneIsAnInput(String option, Collection<Path> outputs, Collection<Path> inputs,
                                     CommandLine cli) {
        try {
            OutputFiles.requireNoneIsAnInput(outputs, inputs);
        } catch (ImageWriteException e) {
            throw new CommandLine.ParameterException(cli, option + ": " + e.getMessage());
        }
    }

    /**
     * Refuses outputs named by a pattern (numbered pictures) that would replace an input: only
     * files already in {@code folder} can be inputs, so those are the ones checked.
     */
    static void requireNoneIsAnInput(String option, Path folder, Predicate<String> names, Collection<Path> inputs,
                                     CommandLine cli) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> named;
        try (Stream<Path> files = Files.list(folder)) {
            named = files.filter(f -> names.test(f.getFileName().toString())).toList();
        } catch (IOException | UncheckedIOException unlistable) {
            return; // left to the writing, which names the folder if it cannot write there either
        }
        requireNoneIsAnInput(option, named, inputs, cli);
    }
}
