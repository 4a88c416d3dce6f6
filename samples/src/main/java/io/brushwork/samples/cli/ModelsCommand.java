// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.ModelException;
import io.brushwork.zoo.Checksum;
import io.brushwork.zoo.ModelCatalog;
import io.brushwork.zoo.ModelEntry;
import io.brushwork.zoo.ModelFormat;
import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.OnnxGraphCheck;
import io.brushwork.zoo.WeightFile;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** {@code brushwork models}: list, download and check the model files of the catalogue. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, download and check model files (see docs/model-zoo.md).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Fetch.class, ModelsCommand.Verify.class})
final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, fetch or verify");
    }

    /** Where the zoo looks and which catalogue it reads; shared by the subcommands. */
    static final class ZooOptions {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "Cache folder (default: brushwork.cache, BRUSHWORK_CACHE or ~/.cache/brushwork).")
        Path cache;

        @Option(names = "--offline", description = "Never download (also brushwork.offline / BRUSHWORK_OFFLINE).")
        boolean offline;

        @Option(names = "--catalog", paramLabel = "FILE",
                description = "A catalogue file of your own models, added to the built-in one.")
        Path catalog;

        ModelZoo.Builder zoo() {
            ModelZoo.Builder builder = ModelZoo.builder();
            if (cache != null) {
                builder.cacheDir(cache);
            }
            if (offline) {
                builder.offline(true);
            }
            if (catalog != null) {
                builder.catalog(ModelCatalog.builtIn().plus(ModelCatalog.load(catalog)));
            }
            return builder;
        }
    }

    /** {@code brushwork models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalogue and what is on disk.")
    static final class ListModels implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ZooOptions options;

        @Override
        public Integer call() {
            ModelZoo zoo = options.zoo().build();
            List<ModelEntry> entries = zoo.catalog().entries();
            int idWidth = entries.stream().mapToInt(e -> e.id().length()).max().orElse(2);
            int archWidth = entries.stream().mapToInt(e -> e.architecture().length()).max().orElse(12);
            String row = "%-" + idWidth + "s  %-" + Math.max(12, archWidth) + "s  %-14s  %10s  %s%n";
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, row, "ID", "ARCHITECTURE", "FORMAT", "SIZE", "CACHED");
            for (ModelEntry e : entries) {
                String format = e.format().name().toLowerCase(Locale.ROOT).replace('_', '-');
                String size = e.size().isPresent() ? megabytes(e.size().getAsLong()) : "?";
                out.printf(Locale.ROOT, row, e.id(), e.architecture(), format, size, zoo.isCached(e.id()) ? "yes" : "no");
            }
            out.printf(Locale.ROOT, "cache: %s%s%n", zoo.cacheDir(),
                    zoo.localModelsDir().map(d -> "; local models: " + d).orElse(""));
            out.flush();
            return 0;
        }
    }

    /** {@code brushwork models fetch ID}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a model into the cache (if it is not on disk yet) and print its path.")
    static final class Fetch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ZooOptions options;

        @Parameters(paramLabel = "ID", description = "Catalogue id, as 'brushwork models list' shows it.")
        String id;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Override
        public Integer call() {
            ModelZoo.Builder builder = options.zoo();
            AtomicReference<ProgressBar> bar = new AtomicReference<>();
            if (!quiet) {
                // The bar appears with the first progress event, so a file already on disk prints only its path.
                builder.listener(p -> {
                    ProgressBar b = bar.get();
                    if (b == null) {
                        b = new ProgressBarBuilder().setTaskName(p.id()).setInitialMax(p.total().orElse(-1))
                                .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_000_000).showSpeed()
                                .setUpdateIntervalMillis(500).setMaxRenderedLength(120).build();
                        bar.set(b);
                    }
                    b.stepTo(p.bytes());
                });
            }
            Path file;
            try {
                file = builder.build().resolve(id);
            } finally {
                ProgressBar b = bar.get();
                if (b != null) {
                    b.close();
                }
            }
            spec.commandLine().getOut().println(file);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code brushwork models verify PATH}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a model file: its format, its tensors or graph, and its checksum when the catalogue knows"
                    + " the file. Exits with 1 if anything is wrong or the file holds executable TorchScript.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ZooOptions options;

        @Parameters(paramLabel = "PATH", description = "The model file.")
        Path path;

        @Override
        public Integer call() {
            ModelCatalog catalog = options.zoo().build().catalog();
            PrintWriter out = spec.commandLine().getOut();
            List<String> problems = new ArrayList<>();
            String sha256 = ModelZoo.sha256(path);
            out.println(path);
            boolean executable = false;
            try {
                ModelFormat format = ModelFormat.detect(path);
                out.printf("  format:    %s%n", format.description());
                executable = format == ModelFormat.TORCHSCRIPT;
                describeContent(format, out);
            } catch (ModelException e) {
                problems.add(e.getMessage());
            }
            out.printf("  sha256:    %s%n", sha256);
            checkAgainstCatalogue(catalog, sha256, out, problems);
            for (String problem : problems) {
                out.printf("  problem:   %s%n", problem);
            }
            // Executable code is never "ok": a caller scripting verify must not take it for weights.
            out.println(!problems.isEmpty() ? "BAD" : executable ? "contains executable TorchScript" : "ok");
            out.flush();
            return problems.isEmpty() && !executable ? 0 : 1;
        }

        /** What the file holds: tensors of weights, a TorchScript program, or an ONNX graph and what it reaches. */
        private void describeContent(ModelFormat format, PrintWriter out) {
            switch (format) {
                case TORCHSCRIPT -> out.printf("  code:      a TorchScript program, run when loaded (it can read and"
                        + " write files); translate loads it only with --trust-graph%n");
                case ONNX -> {
                    OnnxGraphCheck.Report graph = OnnxGraphCheck.check(path);
                    out.printf("  graph:     %d nodes, operator domains %s, external data %s; translate runs it only"
                            + " with --trust-graph%n", graph.nodes(), graph.operatorDomains().stream()
                            .map(d -> d.isEmpty() ? "ai.onnx" : d).toList(),
                            graph.externalData().isEmpty() ? "none" : graph.externalData());
                }
                default -> {
                    try (WeightFile weights = WeightFile.open(path)) {
                        out.printf("  tensors:   %d%n", weights.keys().size());
                    }
                }
            }
        }

        /** Entries that claim this file, by checksum or by name, and whether it is theirs. */
        private void checkAgainstCatalogue(ModelCatalog catalog, String sha256, PrintWriter out, List<String> problems) {
            String name = path.getFileName().toString();
            Set<ModelEntry> candidates = new LinkedHashSet<>(catalog.findBySha256(sha256));
            candidates.addAll(catalog.findByFileName(name));
            long size = sizeOf(path);
            for (ModelEntry e : candidates) {
                if (e.checksum() instanceof Checksum.None) {
                    out.printf("  catalogue: %s has no published checksum; nothing to compare%n", e.id());
                } else if (!e.checksum().matches(sha256)) {
                    problems.add("not the file of catalogue entry " + e.id() + ": SHA-256 mismatch, expected "
                            + e.checksum().describe() + ", got " + sha256);
                } else if (e.size().isPresent() && e.size().getAsLong() != size) {
                    problems.add("not the file of catalogue entry " + e.id() + ": size mismatch, expected "
                            + e.size().getAsLong() + " bytes, got " + size);
                } else {
                    out.printf("  catalogue: %s, checksum ok (%s)%n", e.id(), e.checksum().describe());
                }
            }
            if (candidates.isEmpty()) {
                // Not catalogued, but a torch.hub style name still says what the hash should start with.
                Checksum.fromTorchHubFileName(name).ifPresentOrElse(prefix -> {
                    if (prefix.matches(sha256)) {
                        out.printf("  checksum:  matches the %s in its name%n", prefix.describe());
                    } else {
                        problems.add("SHA-256 mismatch with the prefix in its name: expected " + prefix.describe()
                                + ", got " + sha256);
                    }
                }, () -> out.printf("  catalogue: no entry for this file%n"));
            }
        }

        private static long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Decimal megabytes, as download sites show sizes. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
