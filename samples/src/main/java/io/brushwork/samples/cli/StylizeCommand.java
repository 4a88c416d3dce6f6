// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import com.google.gson.JsonObject;
import io.brushwork.ColorMode;
import io.brushwork.Device;
import io.brushwork.Images;
import io.brushwork.Init;
import io.brushwork.Optimizer;
import io.brushwork.Pooling;
import io.brushwork.Preprocessing;
import io.brushwork.ProgressEvent;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import io.brushwork.zoo.ModelZoo;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code brushwork stylize}: Gatys style transfer of one content image. */
@Command(name = "stylize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Paint a content picture in the style of one or more style pictures (Gatys et al.).")
final class StylizeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--content", required = true, paramLabel = "FILE", description = "Content picture.")
    Path content;

    @Option(names = "--style", required = true, paramLabel = "FILE", description = "Style picture; repeat to blend several.")
    List<Path> styles;

    @Option(names = "--style-blend", split = ",", paramLabel = "W", description = "Blend weights, one per --style (e.g. 0.7,0.3).")
    List<Double> styleBlend;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output picture (.png or .jpg).")
    Path out;

    @Option(names = "--size", defaultValue = "512", description = "Long side of the output in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--iterations", defaultValue = "500", split = ",", paramLabel = "N[,N...]",
            description = "Optimiser iterations; with --scales one count per scale (default: ${DEFAULT-VALUE}).")
    List<Integer> iterations;

    @Option(names = "--scales", split = ",", paramLabel = "SIDE",
            description = "Coarse to fine: optimise at each long side in turn (e.g. 256,512,1024); the last is the output size.")
    List<Integer> scales;

    @Option(names = "--style-scale", defaultValue = "1", description = "Style pictures at this fraction of the output size (default: ${DEFAULT-VALUE}).")
    double styleScale;

    @Option(names = "--preserve-colors", defaultValue = "none", paramLabel = "none|luminance|histogram",
            description = "Keep the content's colours (default: ${DEFAULT-VALUE}).")
    String preserveColors;

    @Option(names = "--tile-size", paramLabel = "SIDE",
            description = "Optimise outputs larger than this tile by tile, with feathered overlaps (bounds memory).")
    Integer tileSize;

    @Option(names = "--mask", paramLabel = "FILE",
            description = "A mask per --style, in order: the style applies where the mask is white; black regions get no style.")
    List<Path> masks;

    @Option(names = "--histogram-weight", defaultValue = "0",
            description = "Weight of the histogram loss (Risser et al.) on --histogram-layers (default: off).")
    double histogramWeight;

    @Option(names = "--histogram-layers", split = ",", defaultValue = "relu1_1,relu4_1", paramLabel = "LAYER",
            description = "Layers of the histogram loss (default: ${DEFAULT-VALUE}).")
    List<String> histogramLayers;

    @Option(names = "--pooling", defaultValue = "max", description = "max or average (default: ${DEFAULT-VALUE}).")
    String pooling;

    @Option(names = "--normalize-gradients", description = "Divide each loss term's gradient by its L1 norm.")
    boolean normalizeGradients;

    @Option(names = "--style-cache", paramLabel = "DIR",
            description = "Save the style targets in DIR and reuse them for later contents.")
    Path styleCache;

    @Option(names = "--optimizer", defaultValue = "lbfgs", description = "lbfgs or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "Adam's step in pixel units (default 10), or L-BFGS's initial step (default 1).")
    Double learningRate;

    @Option(names = "--content-weight", defaultValue = "5", description = "Default: ${DEFAULT-VALUE}.")
    double contentWeight;

    @Option(names = "--style-weight", defaultValue = "100", description = "Default: ${DEFAULT-VALUE}.")
    double styleWeight;

    @Option(names = "--tv-weight", defaultValue = "1e-3", description = "Total-variation weight (default: ${DEFAULT-VALUE}).")
    double tvWeight;

    @Option(names = "--content-layers", split = ",", paramLabel = "LAYER", defaultValue = "relu4_2",
            description = "Content layers (default: ${DEFAULT-VALUE}).")
    List<String> contentLayers;

    @Option(names = "--style-layers", split = ",", paramLabel = "LAYER[:W]",
            defaultValue = "relu1_1,relu2_1,relu3_1,relu4_1,relu5_1",
            description = "Style layers, each optionally with a weight, e.g. relu1_1:0.5 (default: ${DEFAULT-VALUE}).")
    List<String> styleLayers;

    @Option(names = "--init", defaultValue = "content", paramLabel = "content|noise|style|FILE",
            description = "Starting picture (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the noise start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--vgg", defaultValue = Vgg19.DEFAULT_ZOO_ID, paramLabel = "ID|FILE",
            description = "VGG-19 weights: a model zoo id (vgg19, vgg19-caffe) or a file (.safetensors or .pth,"
                    + " torchvision key names) (default: ${DEFAULT-VALUE}).")
    String vgg;

    @Option(names = "--preprocessing", paramLabel = "caffe|torchvision",
            description = "The input convention of the weights (default: caffe for a file, the catalogue's for a zoo id).")
    String preprocessing;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--save-every", defaultValue = "0", paramLabel = "N",
            description = "Also save the picture every N iterations, as OUT-NNNN.ext (0: never).")
    int saveEvery;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run.")
    Path report;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on failure.")
    boolean verbose;

    @Override
    public Integer call() {
        Outputs.requireWritable("--out", out, spec.commandLine());
        StyleTransfer.Builder builder = StyleTransfer.builder()
                .content(content)
                .featureExtractor(parseVgg())
                .weights(Weights.of(contentWeight, styleWeight, tvWeight))
                .contentLayers(contentLayers)
                .styleLayers(parseStyleLayers())
                .optimizer(parseOptimizer())
                .iterations(iterations.stream().mapToInt(Integer::intValue).toArray())
                .styleScale(styleScale)
                .colorMode(parseEnum(ColorMode.class, preserveColors, "--preserve-colors"))
                .pooling(parseEnum(Pooling.class, pooling, "--pooling"))
                .normalizeGradients(normalizeGradients)
                .histogramLoss(histogramWeight, histogramLayers.toArray(String[]::new))
                .size(size)
                .init(parseInit())
                .seed(seed)
                .device(Device.parse(device))
                .previewEvery(Math.max(0, saveEvery));
        if (saveEvery < 0) {
            throw usage("--save-every must be >= 0");
        }
        if (scales != null) {
            builder.scales(scales);
        }
        if (tileSize != null) {
            builder.tileSize(tileSize);
        }
        if (styleCache != null) {
            builder.styleCache(styleCache);
        }
        if (masks != null) {
            if (masks.size() > styles.size()) {
                throw usage("--mask: " + masks.size() + " masks for " + styles.size() + " --style pictures");
            }
            for (int i = 0; i < masks.size(); i++) {
                builder.styleMask(i, masks.get(i));
            }
        }
        if (styleBlend != null && styleBlend.size() != styles.size()) {
            throw usage("--style-blend has " + styleBlend.size() + " weights for " + styles.size() + " --style pictures");
        }
        for (int i = 0; i < styles.size(); i++) {
            builder.style(styles.get(i), styleBlend == null ? 1.0 : styleBlend.get(i));
        }
        StyleTransfer request = builder.build();
        List<Path> inputs = request.inputFiles();
        // Checked once the pictures are read and before the optimisation: no output may replace an input.
        requireNoOutputIsAnInput(inputs);
        if (saveEvery > 0) {
            request = request.toBuilder().listener(e -> saveIntermediate(e, inputs)).build();
        }
        StylizedImage result;
        if (quiet) {
            result = request.run();
        } else {
            try (ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("stylize")
                    .setInitialMax(request.stageIterations().stream().mapToLong(Integer::longValue).sum())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setMaxRenderedLength(120)
                    .build()) {
                result = request.toBuilder().listener(e -> {
                    // Tiles multiply the iterations; the first event knows the real total.
                    bar.maxHint(e.totalIterations());
                    bar.stepTo(e.iteration());
                    bar.setExtraMessage(String.format(Locale.ROOT, " content %.3g style %.3g tv %.3g",
                            e.losses().content(), e.losses().style(), e.losses().totalVariation()));
                }).build().run();
                bar.stepTo(result.iterations());
            }
        }
        Images.write(result.image(), out, inputs);
        if (report != null) {
            writeReport(result);
        }
        if (!quiet) {
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "wrote %s (%dx%d): %d iterations in %.1f s (%.3f s/iteration) on %s, %s%n",
                    out, result.image().width(), result.image().height(), result.iterations(),
                    result.elapsed().toMillis() / 1000.0, result.secondsPerIteration(), result.device(), result.engine());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage(option + ": unexpected value '" + value + "'; expected one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private void saveIntermediate(ProgressEvent event, List<Path> inputs) {
        event.preview().ifPresent(picture -> Images.write(picture, numbered(out, event.iteration()), inputs));
    }

    /** Refuses, as bad usage, an {@code --out}, {@code --report} or {@code --save-every} file that is an input. */
    private void requireNoOutputIsAnInput(List<Path> inputs) {
        CommandLine cli = spec.commandLine();
        Outputs.requireNotAnInput("--out", out, inputs, cli);
        if (report != null) {
            Outputs.requireNotAnInput("--report", report, inputs, cli);
        }
        if (saveEvery > 0) {
            Path folder = out.toAbsolutePath().getParent();
            Outputs.requireNoneIsAnInput("--save-every", folder, name -> isNumbered(out, name), inputs, cli);
        }
    }

    /** {@code out.png} and 120 give {@code out-0120.png}. */
    static Path numbered(Path file, int iteration) {
        return file.resolveSibling(String.format(Locale.ROOT, "%s-%04d%s", stem(file), iteration, suffix(file)));
    }

    /** Whether {@code name} is one of the {@link #numbered} names of {@code file}. */
    static boolean isNumbered(Path file, String name) {
        return name.matches(Pattern.quote(stem(file) + "-") + "\\d{4,}" + Pattern.quote(suffix(file)));
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String suffix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : ".png";
    }

    private Vgg19 parseVgg() {
        Path file = Path.of(vgg);
        if (Files.isRegularFile(file)) {
            return Vgg19.fromFile(file, preprocessing == null ? Preprocessing.CAFFE : parsePreprocessing());
        }
        if (ModelZoo.defaults().catalog().find(vgg).isPresent()) {
            return preprocessing == null ? Vgg19.fromZoo(vgg) : Vgg19.fromZoo(vgg, parsePreprocessing());
        }
        throw usage("--vgg: '" + vgg + "' is neither a file nor a model zoo id (try 'brushwork models list')");
    }

    private Preprocessing parsePreprocessing() {
        try {
            return Preprocessing.valueOf(preprocessing.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--preprocessing must be caffe or torchvision, got '" + preprocessing + "'");
        }
    }

    private Optimizer parseOptimizer() {
        switch (optimizer.trim().toLowerCase(Locale.ROOT)) {
            case "lbfgs":
            case "l-bfgs": {
                Optimizer.Lbfgs o = Optimizer.lbfgs();
                return learningRate == null ? o
                        : new Optimizer.Lbfgs(o.historySize(), learningRate, o.toleranceGrad(), o.toleranceChange());
            }
            case "adam":
                return Optimizer.adam(learningRate == null ? 10 : learningRate);
            default:
                throw usage("--optimizer must be lbfgs or adam, got '" + optimizer + "'");
        }
    }

    private Map<String, Double> parseStyleLayers() {
        Map<String, Double> layers = new LinkedHashMap<>();
        for (String item : styleLayers) {
            int colon = item.indexOf(':');
            String name = colon < 0 ? item.trim() : item.substring(0, colon).trim();
            double weight = 1;
            if (colon >= 0) {
                try {
                    weight = Double.parseDouble(item.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw usage("--style-layers: bad weight in '" + item + "'");
                }
            }
            layers.put(name, weight);
        }
        return layers;
    }

    private Init parseInit() {
        switch (init.trim().toLowerCase(Locale.ROOT)) {
            case "content":
                return Init.CONTENT;
            case "noise":
            case "random":
                return Init.NOISE;
            case "style":
                return Init.STYLE;
            default:
                return Init.image(Path.of(init));
        }
    }

    private void writeReport(StylizedImage result) {
        JsonObject json = new JsonObject();
        json.addProperty("iterations", result.iterations());
        json.addProperty("evaluations", result.evaluations());
        json.addProperty("seconds", result.elapsed().toNanos() / 1e9);
        json.addProperty("optimizationSeconds", result.optimization().toNanos() / 1e9);
        json.addProperty("secondsPerIteration", result.secondsPerIteration());
        json.addProperty("contentLoss", result.losses().content());
        json.addProperty("styleLoss", result.losses().style());
        json.addProperty("tvLoss", result.losses().totalVariation());
        json.addProperty("totalLoss", result.losses().total());
        json.addProperty("initialContentLoss", result.initialLosses().content());
        json.addProperty("initialStyleLoss", result.initialLosses().style());
        json.addProperty("initialTvLoss", result.initialLosses().totalVariation());
        json.addProperty("width", result.image().width());
        json.addProperty("height", result.image().height());
        json.addProperty("device", result.device());
        json.addProperty("engine", result.engine());
        json.addProperty("optimizer", optimizer);
        json.addProperty("output", out.toAbsolutePath().toString());
        Reports.write(report, json);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
