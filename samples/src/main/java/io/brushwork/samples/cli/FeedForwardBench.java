// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.Device;
import io.brushwork.Generator;
import io.brushwork.Latent;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.djl.nets.CycleGanGenerator;
import io.brushwork.djl.nets.DcganGenerator;
import io.brushwork.djl.nets.EngstromNetwork;
import io.brushwork.zoo.SafetensorsWriter;
import io.brushwork.zoo.Tensor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Latency and throughput of the feed-forward networks at their published widths (random weights:
 * speed does not depend on the values), and of the real fast-style TorchScript and ONNX exports
 * when a folder holding them is given.
 */
final class FeedForwardBench {
    private final PrintWriter out;
    private final Device device;
    private final List<Integer> sizes;
    private final int runs;
    private final Path fastStyle;

    FeedForwardBench(PrintWriter out, Device device, List<Integer> sizes, int runs, Path fastStyle) {
        this.out = out;
        this.device = device;
        this.sizes = sizes;
        this.runs = runs;
        this.fastStyle = fastStyle;
    }

    void run(boolean translators, boolean generators) throws IOException {
        Path dir = Files.createTempDirectory("brushwork-bench");
        try {
            if (translators) {
                out.printf(Locale.ROOT, "%n%-34s %6s %12s %10s %12s%n", "translator", "size", "latency ms", "images/s",
                        "peak RSS MB");
                Path engstrom = write(dir.resolve("engstrom.safetensors"), EngstromNetwork.expectedKeys(32), 1);
                translator("engstrom, DJL blocks, PyTorch", engstrom);
                Path script = fastStyle.resolve("udnie.pt");
                Path onnx = fastStyle.resolve("udnie.onnx");
                if (Files.isRegularFile(script) && Files.isRegularFile(onnx)) {
                    translator("engstrom udnie, TorchScript, PyTorch", script);
                    translator("engstrom udnie, ONNX Runtime", onnx);
                } else {
                    out.printf("(TorchScript and ONNX paths skipped: no %s)%n", script);
                }
                Path cyclegan = write(dir.resolve("cyclegan.safetensors"), CycleGanGenerator.expectedKeys(64, 9, false), 2);
                translator("cyclegan resnet9, DJL blocks", cyclegan);
            }
            if (generators) {
                Path dcgan = write(dir.resolve("dcgan.safetensors"),
                        DcganGenerator.expectedKeys(DcganGenerator.Layout.EXAMPLES, 100, 64, 3), 3);
                out.printf(Locale.ROOT, "%n%-34s %6s %12s %10s %12s%n", "generator", "batch", "latency ms", "images/s",
                        "peak RSS MB");
                try (Generator g = Generator.fromFile(dcgan, options())) {
                    for (int batch : new int[] {1, 64}) {
                        List<Latent> latents = Latent.random(g.latentSize(), batch, 1);
                        report("dcgan 64x64, DJL blocks", batch, time(() -> g.generate(latents)), batch);
                    }
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
        out.flush();
    }

    /** The bench's own files and the shared fast-style exports, whose graphs it runs on purpose. */
    private NetworkOptions options() {
        return NetworkOptions.builder().device(device).trustGraphCode(true).build();
    }

    private void translator(String label, Path file) {
        try (Translator t = Translator.fromFile(file, options())) {
            for (int size : sizes) {
                RgbImage picture = BenchCommand.synthetic(size, size, 3);
                report(label, size, time(() -> t.translate(picture)), 1);
            }
        }
    }

    private void report(String label, int size, double seconds, int images) {
        out.printf(Locale.ROOT, "%-34s %6d %12.1f %10.2f %12.0f%n", label, size, seconds * 1000, images / seconds,
                BenchCommand.peakResidentKb() / 1024.0);
        out.flush();
    }

    /** Median wall time of {@code runs} calls after two warm-up calls. */
    private double time(Supplier<?> work) {
        work.get();
        work.get();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }

    /** Seeded He-scaled weights of the given shapes; norm statistics stay positive. */
    private static Path write(Path file, Map<String, long[]> shapes, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        shapes.forEach((key, shape) -> {
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] v = new float[n];
            double std = shape.length == 4 ? Math.sqrt(2.0 / (shape[1] * shape[2] * shape[3])) : 0.1;
            for (int i = 0; i < n; i++) {
                v[i] = (float) (random.nextGaussian() * std);
            }
            if (key.endsWith("running_var") || key.endsWith(".scale") || key.endsWith("norm.weight")) {
                for (int i = 0; i < n; i++) {
                    v[i] = 1 + Math.abs(v[i]);
                }
            }
            tensors.put(key, Tensor.of(key, shape, v));
        });
        SafetensorsWriter.write(file, tensors, Collections.emptyMap());
        return file;
    }
}
