// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.Device;
import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code brushwork bench}: seconds per Gatys iteration on seeded random VGG-19 weights (blocks 1-3,
 * the layers of the public weights, and the full depth), and latency and throughput of the
 * feed-forward networks on each engine path, with peak resident memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure Gatys seconds per iteration and feed-forward latency (random weights, synthetic pictures).")
final class BenchCommand implements Callable<Integer> {
    /** Layers available in the blocks 1-3 weights, and neural-style's full-depth defaults. */
    private static final List<String> SHALLOW_STYLE = List.of("relu1_1", "relu2_1", "relu3_1");
    private static final List<String> FULL_STYLE = List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--suites", split = ",", defaultValue = "gatys,translators,generators",
            description = "What to measure (default: ${DEFAULT-VALUE}).")
    List<String> suites;

    @Option(names = "--fast-style", paramLabel = "DIR", defaultValue = "../shared/models/fast-style",
            description = "Folder with udnie.pt and udnie.onnx for the TorchScript and ONNX paths (skipped when absent;"
                    + " default: ${DEFAULT-VALUE}).")
    Path fastStyle;

    @Option(names = "--sizes", split = ",", defaultValue = "256,512", description = "Long sides (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--depths", split = ",", defaultValue = "blocks1-3,full",
            description = "blocks1-3 (content relu3_2) and/or full (content relu4_2) (default: ${DEFAULT-VALUE}).")
    List<String> depths;

    @Option(names = "--optimizers", split = ",", defaultValue = "lbfgs,adam", description = "Default: ${DEFAULT-VALUE}.")
    List<String> optimizers;

    @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations per case (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws IOException {
        if (iterations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--iterations must be >= 1");
        }
        for (String suite : suites) {
            if (!List.of("gatys", "translators", "generators").contains(suite)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--suites: expected gatys, translators or generators, got '" + suite + "'");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (suites.contains("gatys")) {
            gatys(out);
        }
        if (suites.contains("translators") || suites.contains("generators")) {
            new FeedForwardBench(out, Device.parse(device), sizes, Math.max(3, iterations), fastStyle)
                    .run(suites.contains("translators"), suites.contains("generators"));
        }
        return 0;
    }

    private void gatys(PrintWriter out) {
        // Warm-up: engine start, allocator pools and kernels selection are not part of the figures.
        run("blocks1-3", 64, "lbfgs", 3);
        double roofline = rooflineGflops();
        out.printf(Locale.ROOT, "roofline: a plain libtorch 3x3 convolution (128->128 channels, 128x128) runs at %.0f GFLOP/s%n",
                roofline);
        out.printf(Locale.ROOT, "%-10s %6s %-9s %6s %10s %10s %10s %8s %12s%n",
                "depth", "size", "optimizer", "iters", "evals", "s/iter", "GFLOP/s", "of roof", "peak RSS MB");
        out.flush();
        for (String depth : depths) {
            for (int size : sizes) {
                for (String optimizer : optimizers) {
                    StylizedImage r = run(depth, size, optimizer, iterations);
                    double gflops = evaluationFlops(depth, size) * r.evaluations() / (r.optimization().toNanos() / 1e9) / 1e9;
                    out.printf(Locale.ROOT, "%-10s %6d %-9s %6d %10d %10.3f %10.0f %7.0f%% %12.0f%n", depth, size, optimizer,
                            r.iterations(), r.evaluations(), r.secondsPerIteration(), gflops, 100 * gflops / roofline,
                            peakResidentKb() / 1024.0);
                    out.flush();
                }
            }
        }
        out.printf(Locale.ROOT, "engine: %s; %d cores; peak RSS is the process high-water mark so far%n",
                lastEngine, Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    private String lastEngine = "";

    /**
     * Floating-point operations of one loss-and-gradient evaluation: the convolutions of the
     * forward pass up to the deepest layer, twice (the backward pass to the pixels costs about
     * as much); pooling, ReLU and the losses are negligible beside them.
     */
    static double evaluationFlops(String depth, int size) {
        String deepest = depth.equals("full") ? "relu5_1" : "relu3_2";
        double area = (double) size * (size * 3 / 4);
        double flops = 0;
        for (int i = 0; i <= Vgg19.layerIndex(deepest); i++) {
            String name = Vgg19.LAYERS.get(i);
            if (name.startsWith("pool")) {
                area /= 4;
            }
            int[] io = Vgg19.convChannels(i);
            if (io != null) {
                flops += 2.0 * io[0] * io[1] * 9 * area;
            }
        }
        return 2 * flops;
    }

    /** The speed of one plain libtorch convolution in this process: what the machine can do. */
    private static double rooflineGflops() {
        ai.djl.engine.Engine engine = io.brushwork.djl.PyTorchRuntime.engine();
        try (ai.djl.ndarray.NDManager m = engine.newBaseManager(ai.djl.Device.cpu())) {
            ai.djl.ndarray.NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(1, 128, 130, 130));
            ai.djl.ndarray.NDArray w = m.randomNormal(new ai.djl.ndarray.types.Shape(128, 128, 3, 3));
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 6; i++) {
                try (ai.djl.ndarray.NDManager scope = m.newSubManager()) {
                    long start = System.nanoTime();
                    ai.djl.ndarray.NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(x, w).singletonOrThrow();
                    y.attach(scope);
                    y.toFloatArray();
                    best = Math.min(best, (System.nanoTime() - start) / 1e9);
                }
            }
            return 2.0 * 128 * 128 * 9 * 128 * 128 / best / 1e9;
        }
    }

    private StylizedImage run(String depth, int size, String optimizer, int n) {
        boolean full = switch (depth) {
            case "full" -> true;
            case "blocks1-3" -> false;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--depths: expected blocks1-3 or full, got '" + depth + "'");
        };
        Optimizer opt = switch (optimizer) {
            // No tolerance: every case runs all its iterations.
            case "lbfgs" -> Optimizer.lbfgs().withTolerances(0, 0);
            case "adam" -> Optimizer.adam(10);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--optimizers: expected lbfgs or adam, got '" + optimizer + "'");
        };
        int w = size;
        int h = size * 3 / 4;
        StylizedImage r = StyleTransfer.builder()
                .content(synthetic(w, h, 1))
                .style(synthetic(w, w, 2))
                .featureExtractor(Vgg19.random(1, Preprocessing.CAFFE))
                .contentLayers(full ? "relu4_2" : "relu3_2")
                .styleLayers((full ? FULL_STYLE : SHALLOW_STYLE).toArray(String[]::new))
                .optimizer(opt)
                .iterations(n)
                .size(size)
                .device(Device.parse(device))
                .run();
        lastEngine = r.engine() + " on " + r.device();
        return r;
    }

    /** A deterministic picture with edges and texture at several scales. */
    static RgbImage synthetic(int w, int h, int seed) {
        float[] p = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                p[i] = (float) (127.5 + 127.5 * Math.sin((x + seed * 7) / 9.0) * Math.cos(y / 13.0));
                p[w * h + i] = 255f * ((x / 16 + y / 16 + seed) % 2);
                p[2 * w * h + i] = 255f * x / w;
            }
        }
        return RgbImage.of(w, h, p);
    }

    /** Peak resident set size of this process (VmHWM) in kB; 0 where /proc is absent. */
    static long peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
