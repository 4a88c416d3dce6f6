// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.brushwork.ColorMode;
import io.brushwork.ColorTransfer;
import io.brushwork.EngineException;
import io.brushwork.Init;
import io.brushwork.Losses;
import io.brushwork.Optimizer;
import io.brushwork.ProgressEvent;
import io.brushwork.RgbImage;
import io.brushwork.Style;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.spi.RunControl;
import io.brushwork.spi.StyleTransferEngine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Gatys style transfer on DJL's PyTorch engine (autograd for the pixel gradients): coarse-to-fine
 * stages, each optimised whole or tile by tile with feathered overlaps, style targets computed
 * once per stage.
 */
public final class DjlStyleTransferEngine implements StyleTransferEngine {

    @Override
    public String name() {
        return "djl-pytorch";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public StylizedImage run(StyleTransfer request, RunControl control) {
        long started = System.nanoTime();
        checkMemory(request);
        Engine engine = PyTorchRuntime.engine();
        ai.djl.Device device = PyTorchRuntime.resolve(request.device());
        GatysObjective.Terms terms = GatysObjective.Terms.of(request);
        List<Integer> stages = request.stages();
        List<Integer> stageIterations = request.stageIterations();
        int[] finalSize = request.outputSize();
        int total = 0;
        for (int s = 0; s < stages.size(); s++) {
            int[] size = RgbImage.fitLongSide(finalSize[0], finalSize[1], stages.get(s));
            total += stageIterations.get(s) * tiles(size, request).size();
        }
        RgbImage original = request.content();
        RgbImage baseContent = request.colorMode() == ColorMode.LUMINANCE ? ColorTransfer.luminance(original) : original;
        List<RgbImage> baseStyles = new ArrayList<>();
        for (Style style : request.styles()) {
            baseStyles.add(switch (request.colorMode()) {
                case NONE -> style.image();
                case LUMINANCE -> ColorTransfer.matchLuminance(style.image(), original);
                case HISTOGRAM -> ColorTransfer.matchHistogram(style.image(), original, ColorTransfer.Variant.CHOLESKY);
            });
        }
        try (NDManager manager = engine.newBaseManager(device);
             Vgg19Network network = Vgg19Network.load(request.featureExtractor(), deepestLayer(request),
                     request.pooling(), manager)) {
            control.checkCancelled();
            Progress progress = new Progress(control, total, request.previewEvery());
            RgbImage current = null;
            for (int s = 0; s < stages.size(); s++) {
                int[] size = RgbImage.fitLongSide(finalSize[0], finalSize[1], stages.get(s));
                RgbImage content = baseContent.resize(size[0], size[1]);
                int styleSide = Math.max(16, (int) Math.round(Math.max(size[0], size[1]) * request.styleScale()));
                List<NDArray> styleArrays = new ArrayList<>();
                List<Double> blend = new ArrayList<>();
                RgbImage firstStyle = null;
                for (int i = 0; i < baseStyles.size(); i++) {
                    RgbImage picture = baseStyles.get(i).resizeLongSide(styleSide);
                    firstStyle = firstStyle == null ? picture : firstStyle;
                    styleArrays.add(Pixels.toArray(picture, manager));
                    blend.add(request.styles().get(i).blendWeight());
                }
                RgbImage start = s == 0 ? startingPicture(request, content, firstStyle) : current.resize(size[0], size[1]);
                List<RgbImage> masks = masks(request, size);
                boolean separate = !masks.isEmpty();
                try (StyleTargets targets = request.styleCache().isPresent()
                        ? StyleTargets.cached(request.styleCache().get().resolve(cacheKey(request, baseStyles, styleSide,
                                terms, separate) + ".safetensors"), network, styleArrays, blend, terms.activeStyleLayers(),
                                terms.activeHistogramLayers(), separate, manager)
                        : StyleTargets.compute(network, styleArrays, blend, terms.activeStyleLayers(),
                                terms.activeHistogramLayers(), separate, manager)) {
                    current = optimiseStage(network, terms, targets, request, content, start, masks,
                            stageIterations.get(s), progress, manager);
                }
                styleArrays.forEach(NDArray::close);
            }
            if (request.colorMode() == ColorMode.LUMINANCE) {
                // The optimised luminance with the content's own chroma.
                current = ColorTransfer.recombine(current, original.resize(current.width(), current.height()));
            }
            long finished = System.nanoTime();
            return new StylizedImage(current.quantized(), progress.initial, progress.last, progress.done,
                    progress.evaluations, Duration.ofNanos(finished - started),
                    Duration.ofNanos(progress.iterationNanos), PyTorchRuntime.name(device),
                    PyTorchRuntime.describe());
        }
    }

    /**
     * A hash of everything style targets depend on: the style pixels and blend, their size, the
     * network (weights file with its size and date, preprocessing, pooling) and the layers.
     */
    static String cacheKey(StyleTransfer request, List<RgbImage> styles, int styleSide, GatysObjective.Terms terms,
                           boolean separate) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
            for (int i = 0; i < styles.size(); i++) {
                RgbImage s = styles.get(i);
                sha.update((s.width() + "x" + s.height() + "@" + request.styles().get(i).blendWeight() + ";")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (float v : s.planes()) {
                    buf.clear();
                    buf.putFloat(v);
                    sha.update(buf.array(), 0, 4);
                }
            }
            Vgg19 vgg = request.featureExtractor();
            String file = vgg.file().map(f -> {
                try {
                    return f.toAbsolutePath() + ":" + java.nio.file.Files.size(f) + ":"
                            + java.nio.file.Files.getLastModifiedTime(f).toMillis();
                } catch (java.io.IOException e) {
                    return f.toString();
                }
            }).orElse("");
            sha.update(("|" + styleSide + "|" + vgg + "|" + file + "|" + request.pooling() + "|" + terms.activeStyleLayers()
                    + "|" + terms.activeHistogramLayers() + "|" + separate + "|v1").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails before any work when the estimated peak exceeds the memory this machine has free. */
    private static void checkMemory(StyleTransfer request) {
        long needed = request.estimatePeakBytes();
        long available = availableBytes();
        if (available > 0 && needed > available) {
            throw new EngineException(String.format(java.util.Locale.ROOT,
                    "this run needs about %.1f GB but only %.1f GB of memory are available; optimise tile by tile"
                            + " (tileSize(512), --tile-size 512), use fewer L-BFGS history pairs or Adam, or a smaller size",
                    needed / 1e9, available / 1e9));
        }
    }

    private static long availableBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize() + cachedBytes();
        }
        return -1;
    }

    /** Page cache the kernel gives back on demand (Linux), counted as available like MemAvailable does. */
    private static long cachedBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (line.startsWith("Cached:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The mask of each style at {@code size} as luminance 0..1 (an all-white picture where a style has none). */
    private static List<RgbImage> masks(StyleTransfer request, int[] size) {
        if (request.styleMasks().isEmpty()) {
            return List.of();
        }
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < request.styles().size(); i++) {
            RgbImage mask = request.styleMasks().get(i);
            out.add(mask == null ? null : mask.resize(size[0], size[1]));
        }
        return out;
    }

    private RgbImage optimiseStage(Vgg19Network network, GatysObjective.Terms terms, StyleTargets targets,
                                   StyleTransfer request, RgbImage content, RgbImage start, List<RgbImage> masks,
                                   int iterations, Progress progress, NDManager manager) {
        List<int[]> tiles = tiles(new int[] {content.width(), content.height()}, request);
        if (tiles.size() == 1) {
            return optimise(network, terms, targets, request, content, start, masks, iterations, progress, manager);
        }
        int w = content.width();
        int h = content.height();
        float[] sum = new float[3 * w * h];
        float[] weight = new float[w * h];
        int overlap = overlap(request);
        for (int[] t : tiles) {
            int tw = t[2] - t[0];
            int th = t[3] - t[1];
            List<RgbImage> tileMasks = new ArrayList<>();
            for (RgbImage m : masks) {
                tileMasks.add(m == null ? null : m.crop(t[0], t[1], tw, th));
            }
            RgbImage result = optimise(network, terms, targets, request, content.crop(t[0], t[1], tw, th),
                    start.crop(t[0], t[1], tw, th), tileMasks, iterations, progress, manager);
            float[] p = result.planes();
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    float f = feather(t, x, y, w, h, overlap);
                    int i = (t[1] + y) * w + t[0] + x;
                    weight[i] += f;
                    for (int c = 0; c < 3; c++) {
                        sum[c * w * h + i] += f * p[(c * th + y) * tw + x];
                    }
                }
            }
        }
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 3; c++) {
                sum[c * w * h + i] /= weight[i];
            }
        }
        return RgbImage.of(w, h, sum);
    }

    /**
     * Feathering: the weight of {@code tile} at its own pixel (x, y) in a w x h picture. It rises
     * linearly across the overlap on each side that has a neighbour, so neighbouring tiles
     * cross-fade and no seam shows; the blend divides by the weights' sum.
     */
    static float feather(int[] tile, int x, int y, int w, int h, int overlap) {
        return ramp(x, tile[2] - tile[0], tile[0] > 0, tile[2] < w, overlap)
                * ramp(y, tile[3] - tile[1], tile[1] > 0, tile[3] < h, overlap);
    }

    private static float ramp(int i, int length, boolean before, boolean after, int overlap) {
        float f = 1f;
        if (before && i < overlap) {
            f = Math.min(f, (i + 0.5f) / overlap);
        }
        if (after && i >= length - overlap) {
            f = Math.min(f, (length - i - 0.5f) / overlap);
        }
        return f;
    }

    /** The least overlap between neighbouring tiles, and the width of the feathering ramps. */
    static int overlap(StyleTransfer request) {
        return Math.max(16, request.tileSize().orElse(0) / 8);
    }

    /** The tiles ({x0, y0, x1, y1}) covering a picture of {@code size}; one when no tiling applies. */
    static List<int[]> tiles(int[] size, StyleTransfer request) {
        int w = size[0];
        int h = size[1];
        if (request.tileSize().isEmpty() || Math.max(w, h) <= request.tileSize().getAsInt()) {
            return List.of(new int[] {0, 0, w, h});
        }
        int tile = request.tileSize().getAsInt();
        int overlap = overlap(request);
        List<int[]> out = new ArrayList<>();
        for (int y0 : starts(h, tile, overlap)) {
            for (int x0 : starts(w, tile, overlap)) {
                out.add(new int[] {x0, y0, Math.min(w, x0 + tile), Math.min(h, y0 + tile)});
            }
        }
        return out;
    }

    /** Evenly spaced tile starts so that tiles of {@code tile} overlap by at least {@code overlap}. */
    private static List<Integer> starts(int length, int tile, int overlap) {
        if (length <= tile) {
            return List.of(0);
        }
        int count = (int) Math.ceil((double) (length - overlap) / (tile - overlap));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add((int) Math.round((double) i * (length - tile) / (count - 1)));
        }
        return out;
    }

    private RgbImage optimise(Vgg19Network network, GatysObjective.Terms terms, StyleTargets targets,
                              StyleTransfer request, RgbImage content, RgbImage start, List<RgbImage> masks,
                              int iterations, Progress progress, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            List<NDArray> maskArrays = new ArrayList<>();
            for (RgbImage m : masks) {
                maskArrays.add(m == null ? null : maskArray(m, scope));
            }
            try (GatysObjective objective = new GatysObjective(network, terms, targets,
                    Pixels.toArray(content, scope), maskArrays, scope);
                 PixelOptimizer optimizer = optimizer(request.optimizer(), objective, Pixels.toArray(start, scope), scope)) {
                progress.begin(optimizer.latest().terms());
                for (int done = 0; done < iterations; done++) {
                    progress.control.checkCancelled();
                    if (!optimizer.step()) {
                        break;
                    }
                    progress.step(optimizer);
                }
                return Pixels.toImage(optimizer.point());
            }
        }
    }

    /** A mask picture's luminance on 0..1 as [1, 1, H, W]. */
    private static NDArray maskArray(RgbImage mask, NDManager manager) {
        float[] p = mask.planes();
        int n = mask.width() * mask.height();
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            float y = (0.299f * p[i] + 0.587f * p[n + i] + 0.114f * p[2 * n + i]) / 255f;
            m[i] = Math.max(0f, Math.min(1f, y));
        }
        return manager.create(m, new Shape(1, 1, mask.height(), mask.width()));
    }

    /** Counts iterations across stages and tiles, and publishes events. */
    private static final class Progress {
        final RunControl control;
        final int total;
        final int previewEvery;
        /** Wall time inside optimiser steps only: loading, targets and listeners are left out. */
        long iterationNanos;
        private long stepStart;
        Losses initial;
        Losses last;
        int done;
        int evaluations;
        private int evaluationsBefore;

        Progress(RunControl control, int total, int previewEvery) {
            this.control = control;
            this.total = total;
            this.previewEvery = previewEvery;
        }

        void begin(Losses start) {
            if (initial == null) {
                initial = start;
            }
            last = start;
            evaluationsBefore = evaluations;
            stepStart = System.nanoTime();
        }

        void step(PixelOptimizer optimizer) {
            iterationNanos += System.nanoTime() - stepStart;
            done++;
            evaluations = evaluationsBefore + optimizer.evaluations();
            last = optimizer.latest().terms();
            if (control.hasListeners()) {
                boolean preview = previewEvery > 0 && (done % previewEvery == 0 || done == total);
                control.publish(new ProgressEvent(done, total, evaluations, last,
                        Duration.ofNanos(iterationNanos),
                        preview ? Optional.of(Pixels.toImage(optimizer.point()).quantized()) : Optional.empty()));
            }
            stepStart = System.nanoTime();
        }
    }

    private static PixelOptimizer optimizer(Optimizer options, GatysObjective objective, NDArray start, NDManager manager) {
        if (options instanceof Optimizer.Lbfgs lbfgs) {
            return new LbfgsOptimizer(objective, start, lbfgs, manager);
        }
        return new AdamOptimizer(objective, start, (Optimizer.Adam) options, manager);
    }

    private static RgbImage startingPicture(StyleTransfer request, RgbImage content, RgbImage firstStyle) {
        Init init = request.init();
        return switch (init.kind()) {
            case CONTENT -> content;
            case STYLE -> firstStyle.resize(content.width(), content.height());
            case IMAGE -> init.image().orElseThrow().resize(content.width(), content.height());
            case NOISE -> noise(content.width(), content.height(), request.seed());
        };
    }

    /** Gaussian noise around mid-grey, drawn in Java so that a seed gives the same picture on any engine. */
    static RgbImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] p = new float[3 * width * height];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (127.5 + 40 * random.nextGaussian());
        }
        return RgbImage.of(width, height, p);
    }

    /** The deepest layer any active loss term reads; the network is built only that far. */
    static String deepestLayer(StyleTransfer request) {
        int deepest = -1;
        for (String layer : GatysObjective.Terms.of(request).allLayers()) {
            deepest = Math.max(deepest, Vgg19.layerIndex(layer));
        }
        // Total variation alone needs no features, but the network still needs one layer to exist.
        return Vgg19.LAYERS.get(Math.max(deepest, 0));
    }
}
