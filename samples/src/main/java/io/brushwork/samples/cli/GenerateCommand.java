// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.Architecture;
import io.brushwork.BrushworkException;
import io.brushwork.ContactSheet;
import io.brushwork.Device;
import io.brushwork.Generator;
import io.brushwork.Images;
import io.brushwork.Interpolation;
import io.brushwork.Latent;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.zoo.Npy;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code brushwork generate}: pictures from a GAN generator, for sampled or given latent vectors. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make pictures with a GAN generator (DCGAN) from seeded random latent vectors or from an"
                + " (N, nz) float32 .npy file, optionally walking from the first latent to the second.",
                "Pictures are written as DIR/0000.png, DIR/0001.png, ..."})
final class GenerateCommand implements Callable<Integer> {
    /** Latents per call to the generator, so that pictures are written, and forgotten, as they come. */
    private static final int CHUNK = 32;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID|FILE",
            description = "A model zoo id ('brushwork models list') or a weights file (.safetensors, .pth).")
    String model;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "dcgan (default: told from the weight names, or the catalogue's for a zoo id).")
    String arch;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Either sampled latents or latents from a file. */
    static final class Source {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Sampled sampled;

        @Option(names = "--latent", required = true, paramLabel = "Z.npy",
                description = "Latent vectors: a float32 or float64 .npy of shape (N, nz), one picture per row.")
        Path latent;
    }

    /** {@code --count} standard-normal latents drawn with {@code --seed}. */
    static final class Sampled {
        @Option(names = "--count", required = true, paramLabel = "N", description = "How many latents to sample.")
        int count;

        @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the sampling.")
        long seed;
    }

    @Option(names = "--interpolate", paramLabel = "STEPS",
            description = "Walk from the first latent to the second in STEPS pictures, both ends included,"
                    + " instead of one picture per latent.")
    Integer interpolate;

    @Option(names = "--spherical", description = "Walk along the great circle (slerp) rather than a straight line.")
    boolean spherical;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the pictures.")
    Path out;

    @Option(names = "--sheet", paramLabel = "FILE", description = "Also write all pictures on one contact sheet (.png or .jpg).")
    Path sheet;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--quiet", description = "No progress bar or summary.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        checkUsage(cli);
        NetworkOptions.Builder builder = NetworkOptions.builder().device(Device.parse(device));
        Networks.architecture(arch, Architecture.Kind.GENERATOR, cli).ifPresent(builder::architecture);
        NetworkOptions options = builder.build();
        Networks.ModelRef ref = Networks.model(model, Architecture.Kind.GENERATOR, cli);
        requireNoOutputIsAnInput(ref, cli);
        // Read before the network is loaded, so that a bad file fails fast.
        List<Latent> given = source.latent == null ? null : readLatents(source.latent);

        long loadStart = System.nanoTime();
        try (Generator generator = ref.file().isPresent()
                ? Generator.fromFile(ref.file().get(), options) : Generator.fromZoo(ref.id(), options)) {
            long loadMillis = millisSince(loadStart);
            if (given != null && given.get(0).size() != generator.latentSize()) {
                throw new BrushworkException(source.latent + " holds latents of size " + given.get(0).size()
                        + " (read as shape (" + given.size() + ", " + given.get(0).size() + ")), but "
                        + ref.describe() + " takes latents of size " + generator.latentSize());
            }
            List<Latent> latents = given != null ? given
                    : Latent.random(generator.latentSize(), source.sampled.count, source.sampled.seed);
            if (interpolate != null) {
                latents = Latent.interpolate(latents.get(0), latents.get(1), interpolate,
                        spherical ? Interpolation.SPHERICAL : Interpolation.LINEAR);
            }
            long start = System.nanoTime();
            List<RgbImage> pictures = generate(generator, latents);
            long millis = millisSince(start);
            if (sheet != null) {
                Images.write(ContactSheet.of(pictures), sheet);
            }
            if (!quiet) {
                cli.getOut().printf(Locale.ROOT, "generated %d pictures (%dx%d) into %s in %d ms on %s, %s"
                                + " (model loaded in %d ms)%s%n", latents.size(), generator.imageSize(),
                        generator.imageSize(), out, millis, Networks.engineName(generator.engine()), generator.device(),
                        loadMillis, sheet == null ? "" : "; contact sheet " + sheet);
                cli.getOut().flush();
            }
        }
        return 0;
    }

    /** The combinations picocli cannot express. */
    private void checkUsage(CommandLine cli) {
        if (interpolate != null && interpolate < 2) {
            throw new CommandLine.ParameterException(cli, "--interpolate needs at least 2 steps, got " + interpolate);
        }
        if (spherical && interpolate == null) {
            throw new CommandLine.ParameterException(cli, "--spherical applies to --interpolate only");
        }
        if (source.sampled != null) {
            int least = interpolate == null ? 1 : 2;
            if (source.sampled.count < least) {
                throw new CommandLine.ParameterException(cli, "--count must be at least " + least
                        + (interpolate == null ? "" : " with --interpolate, which walks from the first latent to the second")
                        + ", got " + source.sampled.count);
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(cli, "--out: " + out + " is a file, not a folder");
        }
        if (sheet != null) {
            Outputs.requireWritable("--sheet", sheet, cli);
        }
    }

    /**
     * Refuses, as bad usage, a contact sheet or a numbered picture that is one of the inputs (the
     * latent file, the model file): writing it would replace that file.
     */
    private void requireNoOutputIsAnInput(Networks.ModelRef ref, CommandLine cli) {
        List<Path> inputs = new ArrayList<>(2);
        if (source.latent != null) {
            inputs.add(source.latent);
        }
        ref.file().ifPresent(inputs::add);
        if (sheet != null) {
            Outputs.requireNotAnInput("--sheet", sheet, inputs, cli);
        }
        Outputs.requireNoneIsAnInput("--out", out, name -> name.matches("\\d{4,}\\.png"), inputs, cli);
    }

    /** The rows of a .npy file as latents: at least one (two to interpolate), all finite. */
    private List<Latent> readLatents(Path file) {
        float[][] rows = Npy.readMatrix(file);
        int least = interpolate == null ? 1 : 2;
        if (rows.length < least) {
            throw new BrushworkException(file + " holds " + rows.length + " latent" + (rows.length == 1 ? "" : "s")
                    + (interpolate == null ? "; it needs at least one row" : "; --interpolate needs two"));
        }
        if (rows[0].length == 0) {
            throw new BrushworkException(file + " holds latents of size 0");
        }
        List<Latent> latents = new ArrayList<>(rows.length);
        for (int r = 0; r < rows.length; r++) {
            for (float v : rows[r]) {
                if (!Float.isFinite(v)) {
                    throw new BrushworkException(file + ": row " + r + " holds " + v + "; latents must be finite");
                }
            }
            latents.add(Latent.of(rows[r]));
        }
        return latents;
    }

    /** Generates chunk by chunk, writing DIR/0000.png onwards; keeps the pictures only for a contact sheet. */
    private List<RgbImage> generate(Generator generator, List<Latent> latents) {
        List<RgbImage> kept = new ArrayList<>();
        ProgressBar bar = quiet ? null : new ProgressBarBuilder().setTaskName("generate").setInitialMax(latents.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(120).build();
        try {
            for (int from = 0; from < latents.size(); from += CHUNK) {
                List<RgbImage> pictures = generator.generate(latents.subList(from, Math.min(latents.size(), from + CHUNK)));
                for (int i = 0; i < pictures.size(); i++) {
                    Images.write(pictures.get(i), out.resolve(String.format(Locale.ROOT, "%04d.png", from + i)));
                }
                if (sheet != null) {
                    kept.addAll(pictures);
                }
                if (bar != null) {
                    bar.stepBy(pictures.size());
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return kept;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
