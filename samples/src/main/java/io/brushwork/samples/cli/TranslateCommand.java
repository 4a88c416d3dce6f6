// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.brushwork.Architecture;
import io.brushwork.BrushworkException;
import io.brushwork.Device;
import io.brushwork.Images;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.Translator;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code brushwork translate}: a feed-forward network (fast style, CycleGAN) over a picture or a folder of them. */
@Command(name = "translate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a feed-forward network on pictures: a fast style network or a CycleGAN generator.",
                "With a folder as --in, every picture in it is translated into the --out folder, as PNG with the"
                        + " same base name; a picture that cannot be read or translated is reported on its own"
                        + " line and the others are still written (exit code 1 at the end)."})
final class TranslateCommand implements Callable<Integer> {
    /** The extensions a folder's pictures are recognised by. */
    private static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff");
    /**
     * A folder is run in batches of at most this many pictures and pixels: same-size pictures
     * share a forward pass, while activations (32 channels at full size for the style networks)
     * stay within a few GB.
     */
    private static final int BATCH_PICTURES = 8;
    private static final long BATCH_PIXELS = 4_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID|FILE",
            description = "A model zoo id ('brushwork models list') or a file: weights (.safetensors, .pth),"
                    + " TorchScript (.pt) or ONNX (.onnx); graphs need --trust-graph.")
    String model;

    @Option(names = "--trust-graph",
            description = "Allow --model to be a TorchScript or ONNX graph: a program whose code runs when it is"
                    + " loaded (TorchScript can read and write files). Only for files you trust as you would a"
                    + " program. Weights files never need it.")
    boolean trustGraph;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "engstrom, transformer-net, cyclegan-resnet9 or graph (default: told from the weight"
                    + " names, or the catalogue's for a zoo id).")
    String arch;

    @Option(names = "--in", required = true, paramLabel = "FILE|DIR", description = "Input picture, or a folder of them.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "Output picture (.png or .jpg), or a folder when --in is one.")
    Path out;

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|pytorch|onnxruntime",
            description = "Inference engine (default: ${DEFAULT-VALUE}: ONNX files on ONNX Runtime, everything else"
                    + " on PyTorch).")
    String engine;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--size", paramLabel = "N",
            description = "Long side the network sees; results are resized back to each input's size"
                    + " (default: each picture's own size).")
    Integer size;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run.")
    Path report;

    @Option(names = "--quiet", description = "No progress bar or summary.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on failure.")
    boolean verbose;

    /** One picture to translate and where its result goes. */
    private record Job(Path input, Path output) {
    }

    /** A picture of a folder that could not be translated, and why. */
    private record Failure(Job job, BrushworkException error) {
        /** One line, {@code path: reason}; messages that start with the path already are not prefixed twice. */
        String describe() {
            String message = BrushworkCli.firstLine(String.valueOf(error.getMessage()));
            String path = job.input().toString();
            return message.startsWith(path + ": ") ? message : path + ": " + message;
        }
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        boolean folder = Files.isDirectory(in);
        Networks.ModelRef ref = Networks.model(model, Architecture.Kind.TRANSLATOR, cli);
        List<Job> jobs = folder ? folderJobs() : List.of(new Job(in, singleOutput()));
        requireNoOutputIsAnInput(jobs, ref);
        NetworkOptions.Builder options = NetworkOptions.builder()
                .engine(Networks.engine(engine, cli))
                .device(Device.parse(device))
                .trustGraphCode(trustGraph);
        Networks.architecture(arch, Architecture.Kind.TRANSLATOR, cli).ifPresent(options::architecture);
        if (size != null) {
            if (size < 16 || size > StyleTransfer.MAX_SIZE) {
                throw new CommandLine.ParameterException(cli, "--size must be in 16.." + StyleTransfer.MAX_SIZE
                        + ", got " + size);
            }
            options.processingSize(size);
        }
        NetworkOptions built = options.build();
        // Read before the network is loaded, so that a bad picture fails fast.
        RgbImage single = folder ? null : Images.read(in);

        long loadStart = System.nanoTime();
        try (Translator translator = ref.file().isPresent()
                ? Translator.fromFile(ref.file().get(), built) : Translator.fromZoo(ref.id(), built)) {
            long loadMillis = millisSince(loadStart);
            JsonArray pictures = new JsonArray();
            List<Failure> failures = new ArrayList<>();
            long millis = folder ? translateFolder(translator, jobs, pictures, failures)
                    : translateOne(translator, jobs.get(0), single, pictures);
            // In the folder's order, as the pictures are, whatever step each failed at.
            failures.sort(Comparator.comparing(f -> f.job().input()));
            String engineName = Networks.engineName(translator.engine());
            int done = pictures.size();
            if (!quiet) {
                PrintWriter w = cli.getOut();
                if (folder) {
                    w.printf(Locale.ROOT, "translated %d %s from %s into %s in %d ms (%d ms each) on %s, %s"
                                    + " (model loaded in %d ms)%n",
                            done, failures.isEmpty() ? "pictures" : "of " + jobs.size() + " pictures", in, out,
                            millis, millis / Math.max(1, done), engineName, translator.device(), loadMillis);
                } else {
                    w.printf(Locale.ROOT, "translated %s (%dx%d) into %s in %d ms on %s, %s (model loaded in %d ms)%n",
                            in, single.width(), single.height(), jobs.get(0).output(), millis, engineName,
                            translator.device(), loadMillis);
                }
                w.flush();
            }
            if (report != null) {
                JsonObject json = new JsonObject();
                json.addProperty("model", ref.describe());
                json.addProperty("architecture", translator.architecture().id());
                json.addProperty("engine", engineName);
                json.addProperty("device", translator.device());
                json.addProperty("loadMillis", loadMillis);
                json.addProperty("millis", millis);
                json.add("pictures", pictures);
                if (folder) {
                    JsonArray failed = new JsonArray();
                    failures.forEach(f -> failed.add(describe(f)));
                    json.add("failures", failed);
                }
                Reports.write(report, json);
            }
            return failures.isEmpty() ? 0 : reportFailures(failures, jobs.size());
        }
    }

    /** Each failed picture on its own line of standard error, then the count; exit code 1. */
    private int reportFailures(List<Failure> failures, int total) {
        PrintWriter err = spec.commandLine().getErr();
        failures.forEach(f -> err.println(f.describe()));
        err.printf(Locale.ROOT, "brushwork: %d of %d pictures in %s could not be translated%n", failures.size(),
                total, in);
        err.flush();
        return 1;
    }

    /**
     * Refuses, as bad usage and before the model is loaded, an output picture or report that is one
     * of the inputs: pictures, and the model file. An output folder may hold the inputs; an
     * output file may not be one.
     */
    private void requireNoOutputIsAnInput(List<Job> jobs, Networks.ModelRef ref) {
        CommandLine cli = spec.commandLine();
        List<Path> inputs = new ArrayList<>(jobs.size() + 1);
        jobs.forEach(job -> inputs.add(job.input()));
        ref.file().ifPresent(inputs::add);
        Outputs.requireNoneIsAnInput("--out", jobs.stream().map(Job::output).toList(), inputs, cli);
        if (report != null) {
            Outputs.requireNotAnInput("--report", report, inputs, cli);
        }
    }

    /** The output of a single picture: {@code --out} itself, or a PNG of the same base name inside an existing folder. */
    private Path singleOutput() {
        Path target = Files.isDirectory(out) ? out.resolve(baseName(in) + ".png") : out;
        Outputs.requireWritable("--out", target, spec.commandLine());
        return target;
    }

    /** The pictures of the {@code --in} folder, sorted by name, each with its PNG in {@code --out}. */
    private List<Job> folderJobs() {
        CommandLine cli = spec.commandLine();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(cli, "--out: " + out + " is a file; with a folder as --in,"
                    + " --out must be a folder");
        }
        if (Files.isDirectory(out) && sameFile(in, out)) {
            throw new CommandLine.ParameterException(cli, "--out must differ from --in: translating a folder into"
                    + " itself would overwrite its PNG pictures");
        }
        List<Path> inputs;
        try (Stream<Path> files = Files.list(in)) {
            inputs = files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> PICTURES.contains(Networks.extension(f)))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BrushworkException("cannot list " + in + ": " + e.getMessage(), e);
        }
        if (inputs.isEmpty()) {
            throw new BrushworkException(in + ": no pictures (" + String.join(", ", PICTURES.stream().sorted().toList())
                    + ") in this folder");
        }
        Map<Path, Path> claimed = new HashMap<>();
        List<Job> jobs = new ArrayList<>(inputs.size());
        for (Path input : inputs) {
            Path output = out.resolve(baseName(input) + ".png");
            Path other = claimed.putIfAbsent(output, input);
            if (other != null) {
                throw new BrushworkException(other.getFileName() + " and " + input.getFileName() + " in " + in
                        + " would both be written to " + output + "; rename one");
            }
            jobs.add(new Job(input, output));
        }
        return jobs;
    }

    private long translateOne(Translator translator, Job job, RgbImage picture, JsonArray pictures) {
        long start = System.nanoTime();
        RgbImage result = translator.translate(picture);
        long millis = millisSince(start);
        Images.write(result, job.output());
        pictures.add(describe(job, result));
        return millis;
    }

    /**
     * Translates the folder batch by batch, writing each result as soon as its batch is done. A
     * picture that cannot be read, translated or written is recorded in {@code failures} and
     * costs only itself.
     */
    private long translateFolder(Translator translator, List<Job> jobs, JsonArray pictures, List<Failure> failures) {
        ProgressBar bar = quiet ? null : new ProgressBarBuilder().setTaskName("translate").setInitialMax(jobs.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(120).build();
        long millis = 0;
        try {
            int next = 0;
            while (next < jobs.size()) {
                List<Job> batch = new ArrayList<>();
                List<RgbImage> inputs = new ArrayList<>();
                long pixels = 0;
                while (next < jobs.size() && batch.size() < BATCH_PICTURES
                        && (batch.isEmpty() || pixels < BATCH_PIXELS)) {
                    Job job = jobs.get(next++);
                    try {
                        RgbImage picture = Images.read(job.input());
                        batch.add(job);
                        inputs.add(picture);
                        pixels += (long) picture.width() * picture.height();
                    } catch (BrushworkException e) {
                        failures.add(new Failure(job, e));
                    }
                }
                long start = System.nanoTime();
                List<RgbImage> results = translateBatch(translator, batch, inputs, failures);
                millis += millisSince(start);
                for (int i = 0; i < batch.size(); i++) {
                    if (results.get(i) != null) {
                        write(batch.get(i), results.get(i), pictures, failures);
                    }
                }
                if (bar != null) {
                    bar.stepTo(next);
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return millis;
    }

    /**
     * The batch's results in one forward pass; if that fails, picture by picture, so that one
     * picture the network refuses does not take the others with it. Null where a picture failed.
     */
    private static List<RgbImage> translateBatch(Translator translator, List<Job> batch, List<RgbImage> inputs,
                                                 List<Failure> failures) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        try {
            return translator.translate(inputs);
        } catch (BrushworkException batchFailed) {
            List<RgbImage> results = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                try {
                    results.add(translator.translate(inputs.get(i)));
                } catch (BrushworkException e) {
                    failures.add(new Failure(batch.get(i), e));
                    results.add(null);
                }
            }
            return results;
        }
    }

    private static void write(Job job, RgbImage result, JsonArray pictures, List<Failure> failures) {
        try {
            Images.write(result, job.output());
            pictures.add(describe(job, result));
        } catch (BrushworkException e) {
            failures.add(new Failure(job, e));
        }
    }

    private static JsonObject describe(Failure failure) {
        JsonObject f = new JsonObject();
        f.addProperty("input", failure.job().input().toAbsolutePath().toString());
        f.addProperty("error", failure.error().getMessage());
        return f;
    }

    private static JsonObject describe(Job job, RgbImage result) {
        JsonObject p = new JsonObject();
        p.addProperty("input", job.input().toAbsolutePath().toString());
        p.addProperty("output", job.output().toAbsolutePath().toString());
        p.addProperty("width", result.width());
        p.addProperty("height", result.height());
        return p;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
