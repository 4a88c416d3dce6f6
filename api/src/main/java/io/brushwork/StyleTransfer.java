// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import io.brushwork.spi.Engines;
import io.brushwork.spi.RunControl;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * A Gatys et al. style transfer request: optimise the pixels of a picture so that its VGG-19
 * features match the content image (MSE) and its Gram matrices match the style images, plus
 * total-variation smoothing. Immutable; build with {@link #builder()}, run with {@link #run()} or
 * {@link #start()}. One request may be run many times.
 *
 * <pre>{@code
 * StylizedImage out = StyleTransfer.builder()
 *     .content(Path.of("photo.jpg"))
 *     .style(Path.of("starry.jpg"))
 *     .featureExtractor(Vgg19.fromFile(weights, Preprocessing.CAFFE))   // default: Vgg19.fromZoo("vgg19")
 *     .iterations(300).size(512)
 *     .run();
 * }</pre>
 */
public final class StyleTransfer {
    /** neural-style's default content layer. */
    public static final List<String> DEFAULT_CONTENT_LAYERS = List.of("relu4_2");
    /** neural-style's default style layers, equally weighted. */
    public static final Map<String, Double> DEFAULT_STYLE_LAYERS = orderedUnit(
            List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"));
    /** Largest accepted output side, in pixels. */
    public static final int MAX_SIZE = 16384;
    /** Largest accepted output area, in pixels. */
    public static final long MAX_PIXELS = 100_000_000L;

    private final RgbImage content;
    private final List<Style> styles;
    private final Weights weights;
    private final Vgg19 featureExtractor;
    private final List<String> contentLayers;
    private final Map<String, Double> styleLayers;
    private final Optimizer optimizer;
    private final int iterations;
    private final @Nullable Integer size;
    private final Init init;
    private final long seed;
    private final Device device;
    private final List<ProgressListener> listeners;
    private final int previewEvery;
    private final double styleScale;
    private final List<Integer> scales;
    private final List<Integer> stageIterations;
    private final Pooling pooling;
    private final boolean normalizeGradients;
    private final Map<Integer, RgbImage> styleMasks;
    private final @Nullable Integer tileSize;
    private final double histogramWeight;
    private final List<String> histogramLayers;
    private final ColorMode colorMode;
    private final java.nio.file.@Nullable Path styleCache;
    private final @Nullable Path contentFile;
    private final List<Path> styleFiles;
    private final Map<Integer, Path> styleMaskFiles;

    private StyleTransfer(Builder b) {
        this.content = b.content;
        this.styles = List.copyOf(b.styles);
        this.weights = b.weights;
        this.featureExtractor = b.featureExtractor;
        this.contentLayers = List.copyOf(b.contentLayers);
        this.styleLayers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.styleLayers));
        this.optimizer = b.optimizer;
        this.iterations = b.iterations;
        this.scales = b.scales == null ? List.of() : List.copyOf(b.scales);
        this.size = scales.isEmpty() ? b.size : scales.get(scales.size() - 1);
        this.init = b.init;
        this.seed = b.seed;
        this.device = b.device;
        this.listeners = List.copyOf(b.listeners);
        this.previewEvery = b.previewEvery;
        this.styleScale = b.styleScale;
        this.stageIterations = List.copyOf(b.stageIterations);
        this.pooling = b.pooling;
        this.normalizeGradients = b.normalizeGradients;
        this.styleMasks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.styleMasks));
        this.tileSize = b.tileSize;
        this.histogramWeight = b.histogramWeight;
        this.histogramLayers = List.copyOf(b.histogramLayers);
        this.colorMode = b.colorMode;
        this.styleCache = b.styleCache;
        this.contentFile = b.contentFile;
        this.styleFiles = List.copyOf(b.styleFiles);
        this.styleMaskFiles = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.styleMaskFiles));
    }

    /**
     * A builder with neural-style's defaults; content and at least one style must be given.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's options, to derive a variant.
     *
     * @return a new builder; changing it does not change this request
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.content = content;
        b.styles.addAll(styles);
        b.weights = weights;
        b.featureExtractor = featureExtractor;
        b.contentLayers = new ArrayList<>(contentLayers);
        b.styleLayers = new LinkedHashMap<>(styleLayers);
        b.optimizer = optimizer;
        b.iterations = iterations;
        b.size = size;
        b.init = init;
        b.seed = seed;
        b.device = device;
        b.listeners.addAll(listeners);
        b.previewEvery = previewEvery;
        b.styleScale = styleScale;
        b.scales = scales.isEmpty() ? null : new ArrayList<>(scales);
        b.stageIterations = new ArrayList<>(stageIterations);
        b.pooling = pooling;
        b.normalizeGradients = normalizeGradients;
        b.styleMasks.putAll(styleMasks);
        b.tileSize = tileSize;
        b.histogramWeight = histogramWeight;
        b.histogramLayers = new ArrayList<>(histogramLayers);
        b.colorMode = colorMode;
        b.styleCache = styleCache;
        b.contentFile = contentFile;
        b.styleFiles.addAll(styleFiles);
        b.styleMaskFiles.putAll(styleMaskFiles);
        return b;
    }

    /**
     * Runs on the calling thread with the highest-priority engine on the classpath.
     *
     * @return the stylised picture and how it was obtained
     * @throws RunCancelledException if the calling thread is interrupted during the run
     * @throws EngineException if no engine is on the classpath or the engine fails
     */
    public StylizedImage run() {
        return Engines.styleTransfer().run(this, new RunControl(listeners));
    }

    /**
     * Starts the run on a new thread; the handle cancels it or waits for it.
     *
     * @return the handle of the run
     */
    public StyleTransferHandle start() {
        return start(task -> {
            Thread t = new Thread(task, "brushwork-style-transfer");
            t.start();
        });
    }

    /**
     * Starts the run on the given executor.
     *
     * @param executor runs the whole optimisation as one task
     * @return the handle of the run
     */
    public StyleTransferHandle start(Executor executor) {
        RunControl control = new RunControl(listeners);
        return StyleTransferHandle.start(executor, control,
                () -> Engines.styleTransfer().run(this, control));
    }

    /**
     * The content picture.
     *
     * @return the content at its original size
     */
    public RgbImage content() {
        return content;
    }

    /**
     * The style pictures with their blend weights.
     *
     * @return the styles in the order added, at least one
     */
    public List<Style> styles() {
        return styles;
    }

    /**
     * The content, style and total-variation loss weights.
     *
     * @return the weights ({@link Weights#DEFAULT} unless set)
     */
    public Weights weights() {
        return weights;
    }

    /**
     * The network whose features define content and style.
     *
     * @return the feature network ({@link Vgg19#defaultNetwork()} unless set)
     */
    public Vgg19 featureExtractor() {
        return featureExtractor;
    }

    /**
     * The layers whose features the content loss compares.
     *
     * @return the layer names ({@link #DEFAULT_CONTENT_LAYERS} unless set)
     */
    public List<String> contentLayers() {
        return contentLayers;
    }

    /**
     * Style layers with their weights, in the order given.
     *
     * @return layer name to weight ({@link #DEFAULT_STYLE_LAYERS} unless set)
     */
    public Map<String, Double> styleLayers() {
        return styleLayers;
    }

    /**
     * The optimiser that moves the pixels.
     *
     * @return the optimiser ({@link Optimizer#lbfgs()} unless set)
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The iterations of a single-stage run, and of each stage when no per-stage counts are given.
     *
     * @return the iteration count, 1..1000000 (default 500)
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The output's long side.
     *
     * @return the long side in pixels; empty means the content's own size
     */
    public java.util.OptionalInt size() {
        return size == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(size);
    }

    /**
     * The output's width and height.
     *
     * @return {@code {width, height}} in pixels
     */
    public int[] outputSize() {
        return size == null ? new int[] {content.width(), content.height()}
                : RgbImage.fitLongSide(content.width(), content.height(), size);
    }

    /**
     * Where the optimised picture starts from.
     *
     * @return the starting point ({@link Init#CONTENT} unless set)
     */
    public Init init() {
        return init;
    }

    /**
     * The seed of the noise for {@link Init#NOISE}.
     *
     * @return the seed (default 0)
     */
    public long seed() {
        return seed;
    }

    /**
     * Where the optimisation runs.
     *
     * @return the device ({@link Device#auto()} unless set)
     */
    public Device device() {
        return device;
    }

    /**
     * How often progress events carry the current picture.
     *
     * @return every how many iterations; 0 (the default) means never
     */
    public int previewEvery() {
        return previewEvery;
    }

    /**
     * Style pictures are resized to this fraction of the output's long side (1 = the same).
     *
     * @return the fraction, 0.05..4 (default 1)
     */
    public double styleScale() {
        return styleScale;
    }

    /**
     * The long side of each optimisation stage, coarse to fine; the last is the output's. A single
     * stage unless {@code scales(...)} was given.
     *
     * @return the long sides in pixels, increasing
     */
    public List<Integer> stages() {
        if (!scales.isEmpty()) {
            return scales;
        }
        int[] out = outputSize();
        return List.of(Math.max(out[0], out[1]));
    }

    /**
     * Iterations of each stage, parallel to {@link #stages()}.
     *
     * @return the per-stage counts, or {@link #iterations()} for every stage when none were given
     */
    public List<Integer> stageIterations() {
        List<Integer> stages = stages();
        if (stageIterations.size() == stages.size()) {
            return stageIterations;
        }
        return java.util.Collections.nCopies(stages.size(), iterations);
    }

    /**
     * The pooling layers of the feature network.
     *
     * @return the pooling ({@link Pooling#MAX} unless set)
     */
    public Pooling pooling() {
        return pooling;
    }

    /**
     * Whether each loss term's gradient is divided by its L1 norm (neural-style's -normalize_gradients).
     *
     * @return true if normalised (default false)
     */
    public boolean normalizeGradients() {
        return normalizeGradients;
    }

    /**
     * Regional masks by style index: where a style's mask is white the style applies, where it is
     * black it does not; where no mask is white, only the content (and smoothness) count. Empty
     * when the styles apply everywhere.
     *
     * @return masks keyed by 0-based style index, in index order
     */
    public Map<Integer, RgbImage> styleMasks() {
        return styleMasks;
    }

    /**
     * The largest side optimised at once; larger outputs are done tile by tile.
     *
     * @return the tile side in pixels; empty (the default) means no tiling
     */
    public java.util.OptionalInt tileSize() {
        return tileSize == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(tileSize);
    }

    /**
     * The largest area optimised at once, in pixels: the output (or the last stage), or one tile
     * when tiling applies.
     *
     * @return width times height of that area
     */
    public long workingPixels() {
        int[] out = outputSize();
        if (tileSize != null && Math.max(out[0], out[1]) > tileSize) {
            return (long) Math.min(out[0], tileSize) * Math.min(out[1], tileSize);
        }
        return (long) out[0] * out[1];
    }

    /**
     * An estimate of the run's peak memory in bytes, before it starts: the feature maps of every
     * VGG-19 layer up to the deepest one in use (kept for the backward pass and mirrored by its
     * gradients), the optimiser's state, the weights, and about 300 MB for the JVM and native
     * libraries. Measured runs stay within about 20 % of it on the CPU.
     *
     * @return the estimate, in bytes
     */
    public long estimatePeakBytes() {
        long pixels = workingPixels();
        int deepest = 0;
        java.util.Set<String> used = new java.util.HashSet<>(contentLayers);
        styleLayers.forEach((l, w) -> {
            if (w > 0) {
                used.add(l);
            }
        });
        if (histogramWeight > 0) {
            used.addAll(histogramLayers);
        }
        for (String l : used) {
            deepest = Math.max(deepest, Vgg19.layerIndex(l));
        }
        long activations = 0;
        long weights = 0;
        long area = pixels;
        for (int i = 0; i <= deepest; i++) {
            String name = Vgg19.LAYERS.get(i);
            if (name.startsWith("pool")) {
                area /= 4;
                continue;
            }
            int[] io = Vgg19.convChannels(i);
            int channels = io != null ? io[1] : Vgg19.convChannels(i - 1)[1];
            activations += (long) channels * area * Float.BYTES;
            if (io != null) {
                weights += (long) io[0] * io[1] * 9 * Float.BYTES;
            }
        }
        long picture = 3 * pixels * Float.BYTES;
        int longest = stageIterations().stream().mapToInt(Integer::intValue).max().orElse(iterations);
        // L-BFGS keeps two picture-sized vectors per remembered iteration, Adam two moments.
        long optimizerState = optimizer instanceof Optimizer.Lbfgs l
                ? (2L * Math.min(l.historySize(), longest) + 6) * picture : 6 * picture;
        return 2 * activations + optimizerState + 2 * weights + 300L * 1024 * 1024;
    }

    /**
     * The folder where style targets are saved and reused, if any.
     *
     * @return the folder; empty (the default) means style targets are computed every run
     */
    public java.util.Optional<java.nio.file.Path> styleCache() {
        return java.util.Optional.ofNullable(styleCache);
    }

    /**
     * How the content's colours are kept.
     *
     * @return the colour mode; {@link ColorMode#NONE} (the default) lets the style's colours win
     */
    public ColorMode colorMode() {
        return colorMode;
    }

    /**
     * Weight of the histogram loss of Risser et al.
     *
     * @return the weight, >= 0; 0 (the default) turns the loss off
     */
    public double histogramWeight() {
        return histogramWeight;
    }

    /**
     * Layers whose feature histograms are matched to the style's when the histogram weight is > 0.
     *
     * @return the layer names (default {@code relu1_1} and {@code relu4_1})
     */
    public List<String> histogramLayers() {
        return histogramLayers;
    }

    /**
     * The files this request was made from: the pictures its builder read (content, styles, style
     * masks, the {@linkplain Init#file() starting picture}) and the
     * {@linkplain Vgg19#file() VGG-19 weights file}. Pass them when writing the result, so that a
     * destination that is one of them is refused rather than replaced:
     * {@code Images.write(result.image(), out, request.inputFiles())}.
     *
     * @return the files as they were given, each once; empty when everything was given in memory
     */
    public List<Path> inputFiles() {
        java.util.Set<Path> files = new java.util.LinkedHashSet<>();
        if (contentFile != null) {
            files.add(contentFile);
        }
        files.addAll(styleFiles);
        files.addAll(styleMaskFiles.values());
        init.file().ifPresent(files::add);
        featureExtractor.file().ifPresent(files::add);
        return List.copyOf(files);
    }

    private static Map<String, Double> orderedUnit(List<String> names) {
        Map<String, Double> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, 1.0));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Collects options; every option is checked in {@link #build()}, which names the offending
     * option in an {@link InvalidOptionException}. A later call replaces what earlier calls set for
     * the same option; {@code style}, {@code styleMask} and {@code listener} add. Not thread-safe.
     */
    public static final class Builder {
        private RgbImage content;
        private final List<Style> styles = new ArrayList<>();
        private Weights weights = Weights.DEFAULT;
        private Vgg19 featureExtractor = Vgg19.defaultNetwork();
        private List<String> contentLayers = new ArrayList<>(DEFAULT_CONTENT_LAYERS);
        private Map<String, Double> styleLayers = new LinkedHashMap<>(DEFAULT_STYLE_LAYERS);
        private Optimizer optimizer = Optimizer.lbfgs();
        private int iterations = 500;
        private @Nullable Integer size = 512;
        private Init init = Init.CONTENT;
        private long seed;
        private Device device = Device.auto();
        private final List<ProgressListener> listeners = new ArrayList<>();
        private int previewEvery;
        private double styleScale = 1.0;
        // Null until scales(...) is called: an empty list given there is refused, not ignored.
        private @Nullable List<Integer> scales;
        private List<Integer> stageIterations = new ArrayList<>();
        private Pooling pooling = Pooling.MAX;
        private boolean normalizeGradients;
        private final Map<Integer, RgbImage> styleMasks = new java.util.TreeMap<>();
        private @Nullable Integer tileSize;
        private double histogramWeight;
        private List<String> histogramLayers = new ArrayList<>(List.of("relu1_1", "relu4_1"));
        private ColorMode colorMode = ColorMode.NONE;
        private java.nio.file.@Nullable Path styleCache;
        // Where the pictures read by this builder came from, for inputFiles().
        private @Nullable Path contentFile;
        private final List<Path> styleFiles = new ArrayList<>();
        private final Map<Integer, Path> styleMaskFiles = new java.util.TreeMap<>();

        private Builder() {
        }

        /**
         * Sets the content picture, whose features the result keeps.
         *
         * @param image the content, at its original size
         * @return this builder
         */
        public Builder content(RgbImage image) {
            this.content = Objects.requireNonNull(image, "content");
            this.contentFile = null;
            return this;
        }

        /**
         * Reads the content picture now; an unreadable file fails here with {@link ImageReadException}.
         *
         * @param file the content picture's file
         * @return this builder
         * @throws ImageReadException if the picture cannot be read
         */
        public Builder content(Path file) {
            content(Images.read(file));
            this.contentFile = file;
            return this;
        }

        /**
         * Reads the content picture now from a stream, to its end; the stream is left open.
         *
         * @param in the encoded picture
         * @return this builder
         * @throws ImageReadException if the picture cannot be read
         */
        public Builder content(InputStream in) {
            return content(Images.read(in));
        }

        /**
         * Sets the content picture from an AWT image, converted as
         * {@link RgbImage#fromBufferedImage} does.
         *
         * @param image the content
         * @return this builder
         */
        public Builder content(java.awt.image.BufferedImage image) {
            return content(RgbImage.fromBufferedImage(image));
        }

        /**
         * Adds a style picture with blend weight 1. Repeat for several styles.
         *
         * @param image the style picture
         * @return this builder
         */
        public Builder style(RgbImage image) {
            return style(image, 1.0);
        }

        /**
         * Adds a style picture with a blend weight; the Gram targets are mixed in proportion.
         *
         * @param image the style picture
         * @param blendWeight its share of the blend, finite and > 0
         * @return this builder
         * @throws InvalidOptionException if {@code blendWeight} is not finite or not > 0
         */
        public Builder style(RgbImage image, double blendWeight) {
            styles.add(new Style(image, blendWeight));
            return this;
        }

        /**
         * Reads a style picture now and adds it with blend weight 1.
         *
         * @param file the style picture's file
         * @return this builder
         * @throws ImageReadException if the picture cannot be read
         */
        public Builder style(Path file) {
            return style(file, 1.0);
        }

        /**
         * Reads a style picture now and adds it with a blend weight.
         *
         * @param file the style picture's file
         * @param blendWeight its share of the blend, finite and > 0
         * @return this builder
         * @throws ImageReadException if the picture cannot be read
         * @throws InvalidOptionException if {@code blendWeight} is not finite or not > 0
         */
        public Builder style(Path file, double blendWeight) {
            style(Images.read(file), blendWeight);
            styleFiles.add(file);
            return this;
        }

        /**
         * Reads a style picture now from a stream, to its end, and adds it with blend weight 1; the
         * stream is left open.
         *
         * @param in the encoded picture
         * @return this builder
         * @throws ImageReadException if the picture cannot be read
         */
        public Builder style(InputStream in) {
            return style(Images.read(in), 1.0);
        }

        /**
         * Adds a style picture from an AWT image with blend weight 1.
         *
         * @param image the style picture
         * @return this builder
         */
        public Builder style(java.awt.image.BufferedImage image) {
            return style(RgbImage.fromBufferedImage(image), 1.0);
        }

        /**
         * Replaces all styles added so far, and drops their masks.
         *
         * @param all the new styles, in order
         * @return this builder
         */
        public Builder styles(Collection<Style> all) {
            styles.clear();
            styleFiles.clear();
            // Masks are keyed by index: kept, they would silently apply to whichever new style took the index.
            styleMasks.clear();
            styleMaskFiles.clear();
            styles.addAll(all);
            return this;
        }

        /**
         * Sets the loss weights (default {@link Weights#DEFAULT}).
         *
         * @param weights the content, style and total-variation weights
         * @return this builder
         */
        public Builder weights(Weights weights) {
            this.weights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /**
         * Sets the feature network (default {@link Vgg19#defaultNetwork()}).
         *
         * @param vgg the network and its preprocessing
         * @return this builder
         */
        public Builder featureExtractor(Vgg19 vgg) {
            this.featureExtractor = Objects.requireNonNull(vgg, "featureExtractor");
            return this;
        }

        /**
         * Sets the content layers (default {@link #DEFAULT_CONTENT_LAYERS}).
         *
         * @param layers VGG-19 layer names such as {@code relu4_2}, without duplicates
         * @return this builder
         */
        public Builder contentLayers(String... layers) {
            return contentLayers(List.of(layers));
        }

        /**
         * Sets the content layers (default {@link #DEFAULT_CONTENT_LAYERS}).
         *
         * @param layers VGG-19 layer names such as {@code relu4_2}, without duplicates
         * @return this builder
         */
        public Builder contentLayers(List<String> layers) {
            this.contentLayers = new ArrayList<>(layers);
            return this;
        }

        /**
         * Sets the style layers, each weighted 1 (default {@link #DEFAULT_STYLE_LAYERS}).
         *
         * @param layers VGG-19 layer names such as {@code relu1_1}
         * @return this builder
         */
        public Builder styleLayers(String... layers) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String l : layers) {
                m.put(l, 1.0);
            }
            return styleLayers(m);
        }

        /**
         * Sets the style layers with per-layer weights; iteration order is kept.
         *
         * @param layers layer name to weight (finite and >= 0, at least one > 0)
         * @return this builder
         */
        public Builder styleLayers(Map<String, Double> layers) {
            this.styleLayers = new LinkedHashMap<>(layers);
            return this;
        }

        /**
         * Sets the optimiser (default {@link Optimizer#lbfgs()}).
         *
         * @param optimizer L-BFGS or Adam settings
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /**
         * Sets the number of iterations (default 500); with {@link #scales(List) scales}, of each
         * stage. Replaces per-stage counts given by {@link #iterations(int...)}.
         *
         * @param iterations 1..1000000
         * @return this builder
         */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            // Per-stage counts take precedence over this one, so left in place they would win.
            this.stageIterations = new ArrayList<>();
            return this;
        }

        /**
         * Long side of the output in pixels (default 512); the content is resized to it. Replaces
         * coarse-to-fine {@link #scales(List) scales}, whose last one is the output's size.
         *
         * @param longSide 16..{@value #MAX_SIZE}; both output sides must come out at least 16
         * @return this builder
         */
        public Builder size(int longSide) {
            this.size = longSide;
            // Scales decide the output size when present, so left in place they would win.
            this.scales = null;
            return this;
        }

        /**
         * Keep the content's own size instead of resizing it. Replaces coarse-to-fine
         * {@link #scales(List) scales}.
         *
         * @return this builder
         */
        public Builder originalSize() {
            this.size = null;
            this.scales = null;
            return this;
        }

        /**
         * Sets where the optimised picture starts from (default {@link Init#CONTENT}).
         *
         * @param init the starting point
         * @return this builder
         */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /**
         * Sets the seed of the noise for {@link Init#NOISE} (default 0).
         *
         * @param seed the random seed; the same seed gives the same start
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets where the optimisation runs (default {@link Device#auto()}).
         *
         * @param device the device
         * @return this builder
         */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Adds a listener that receives a progress event after every iteration.
         *
         * @param listener the listener; listeners are called in the order added
         * @return this builder
         */
        public Builder listener(ProgressListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Attach the current picture to every k-th progress event (0 = never; the last event always has it when k > 0).
         *
         * @param k the interval in iterations, >= 0 (default 0)
         * @return this builder
         */
        public Builder previewEvery(int k) {
            this.previewEvery = k;
            return this;
        }

        /**
         * Saves the style targets (Gram matrices, histograms) in {@code folder}, keyed by a hash of
         * the style pictures, sizes, network and layers, and reuses them on later runs: painting
         * many contents in one style then skips the style pass.
         *
         * @param folder the cache folder
         * @return this builder
         */
        public Builder styleCache(java.nio.file.Path folder) {
            this.styleCache = Objects.requireNonNull(folder, "styleCache");
            return this;
        }

        /**
         * Keep the content's colours: by luminance-only transfer or by matching the style's colours first.
         *
         * @param mode the colour mode (default {@link ColorMode#NONE})
         * @return this builder
         */
        public Builder colorMode(ColorMode mode) {
            this.colorMode = Objects.requireNonNull(mode, "colorMode");
            return this;
        }

        /**
         * Style pictures at {@code scale} times the output's long side (neural-style's -style_scale).
         *
         * @param scale the fraction, 0.05..4 (default 1)
         * @return this builder
         */
        public Builder styleScale(double scale) {
            this.styleScale = scale;
            return this;
        }

        /**
         * Coarse to fine: optimise at each long side in turn, each stage starting from the previous
         * result upsampled; the last becomes the output size. Iterations per stage come from
         * {@link #iterations(int...)}. Replaces {@link #size(int)} and {@link #originalSize()}.
         *
         * @param longSides long sides in pixels, at least one, each 16..{@value #MAX_SIZE}, strictly increasing
         * @return this builder
         */
        public Builder scales(List<Integer> longSides) {
            this.scales = new ArrayList<>(longSides);
            return this;
        }

        /**
         * Coarse to fine, as {@link #scales(List)}.
         *
         * @param longSides long sides in pixels, at least one, each 16..{@value #MAX_SIZE}, strictly increasing
         * @return this builder
         */
        public Builder scales(int... longSides) {
            return scales(java.util.Arrays.stream(longSides).boxed().toList());
        }

        /**
         * Iterations of each coarse-to-fine stage, one value per scale; a single value is the same as
         * {@link #iterations(int)}.
         *
         * @param perStage 1..1000000 iterations for each stage
         * @return this builder
         */
        public Builder iterations(int... perStage) {
            if (perStage.length == 1) {
                return iterations(perStage[0]);
            }
            this.stageIterations = java.util.Arrays.stream(perStage).boxed().collect(java.util.stream.Collectors.toList());
            return this;
        }

        /**
         * Sets the pooling of the feature network (default {@link Pooling#MAX}).
         *
         * @param pooling max or average pooling
         * @return this builder
         */
        public Builder pooling(Pooling pooling) {
            this.pooling = Objects.requireNonNull(pooling, "pooling");
            return this;
        }

        /**
         * Divides each loss term's gradient by its L1 norm, as neural-style's -normalize_gradients.
         *
         * @param normalize true to normalise (default false)
         * @return this builder
         */
        public Builder normalizeGradients(boolean normalize) {
            this.normalizeGradients = normalize;
            return this;
        }

        /**
         * Restricts style {@code styleIndex} (0-based, in the order added) to the white part of
         * {@code mask} (its luminance, scaled to the output; grey is partial).
         *
         * @param styleIndex the style's index, 0-based, less than the number of styles
         * @param mask the mask; white where the style applies, black where it does not
         * @return this builder
         */
        public Builder styleMask(int styleIndex, RgbImage mask) {
            styleMasks.put(styleIndex, Objects.requireNonNull(mask, "mask"));
            styleMaskFiles.remove(styleIndex);
            return this;
        }

        /**
         * Reads a mask now and restricts style {@code styleIndex} to its white part, as
         * {@link #styleMask(int, RgbImage)} does.
         *
         * @param styleIndex the style's index, 0-based, less than the number of styles
         * @param file the mask's file; white where the style applies, black where it does not
         * @return this builder
         * @throws ImageReadException if the mask cannot be read
         */
        public Builder styleMask(int styleIndex, Path file) {
            styleMask(styleIndex, Images.read(file));
            styleMaskFiles.put(styleIndex, file);
            return this;
        }

        /**
         * Optimise outputs larger than {@code side} pixels tile by tile (overlapping, feathered tiles).
         *
         * @param side the largest tile side in pixels, 64..{@value #MAX_SIZE}
         * @return this builder
         */
        public Builder tileSize(int side) {
            this.tileSize = side;
            return this;
        }

        /**
         * Adds Risser et al.'s histogram loss on {@code layers} with {@code weight} (0 turns it off).
         *
         * @param weight the loss weight, finite and >= 0
         * @param layers VGG-19 layer names; none keeps the current ones (default {@code relu1_1}, {@code relu4_1})
         * @return this builder
         */
        public Builder histogramLoss(double weight, String... layers) {
            this.histogramWeight = weight;
            if (layers.length > 0) {
                this.histogramLayers = new ArrayList<>(List.of(layers));
            }
            return this;
        }

        /**
         * Checks every option and freezes them into a request.
         *
         * @return the request
         * @throws InvalidOptionException naming the first offending option
         */
        public StyleTransfer build() {
            if (content == null) {
                throw new InvalidOptionException("content", "a content image is required");
            }
            if (styles.isEmpty()) {
                throw new InvalidOptionException("style", "at least one style image is required");
            }
            if (iterations < 1 || iterations > 1_000_000) {
                throw new InvalidOptionException("iterations", "must be in 1..1000000, got " + iterations);
            }
            if (previewEvery < 0) {
                throw new InvalidOptionException("previewEvery", "must be >= 0, got " + previewEvery);
            }
            if (this.scales != null && this.scales.isEmpty()) {
                throw new InvalidOptionException("scales", "at least one scale is needed");
            }
            List<Integer> scales = this.scales == null ? List.of() : this.scales;
            int previous = 0;
            for (Integer side : scales) {
                if (side == null || side < 16 || side > MAX_SIZE) {
                    throw new InvalidOptionException("scales", "each scale must be in 16.." + MAX_SIZE + ", got " + side);
                }
                if (side <= previous) {
                    throw new InvalidOptionException("scales", "scales must grow, coarse to fine: " + scales);
                }
                previous = side;
            }
            // With coarse-to-fine stages the last one is the output.
            Integer size = scales.isEmpty() ? this.size : scales.get(scales.size() - 1);
            int[] out;
            if (size != null) {
                if (size < 16 || size > MAX_SIZE) {
                    throw new InvalidOptionException("size", "must be in 16.." + MAX_SIZE + ", got " + size);
                }
                out = RgbImage.fitLongSide(content.width(), content.height(), size);
            } else {
                out = new int[] {content.width(), content.height()};
            }
            if (Math.min(out[0], out[1]) < 16) {
                throw new InvalidOptionException("size", "output " + out[0] + "x" + out[1]
                        + " is too small: both sides must be at least 16 pixels");
            }
            if ((long) out[0] * out[1] > MAX_PIXELS) {
                throw new InvalidOptionException("size", "output " + out[0] + "x" + out[1]
                        + " exceeds " + MAX_PIXELS + " pixels");
            }
            if (weights.content() > 0 && contentLayers.isEmpty()) {
                throw new InvalidOptionException("contentLayers", "at least one content layer is needed when the content weight is > 0");
            }
            for (String layer : contentLayers) {
                checkLayer("contentLayers", layer);
            }
            if (contentLayers.size() != new java.util.HashSet<>(contentLayers).size()) {
                throw new InvalidOptionException("contentLayers", "duplicate layer in " + contentLayers);
            }
            if (weights.style() > 0 && styleLayers.isEmpty()) {
                throw new InvalidOptionException("styleLayers", "at least one style layer is needed when the style weight is > 0");
            }
            boolean anyPositive = styleLayers.isEmpty();
            for (Map.Entry<String, Double> e : styleLayers.entrySet()) {
                checkLayer("styleLayers", e.getKey());
                Double w = e.getValue();
                if (w == null || !Double.isFinite(w) || w < 0) {
                    throw new InvalidOptionException("styleLayers", "weight of " + e.getKey() + " must be finite and >= 0, got " + w);
                }
                anyPositive |= w > 0;
            }
            if (!anyPositive) {
                throw new InvalidOptionException("styleLayers", "at least one style layer weight must be > 0");
            }
            checkRefinements(out, scales.size());
            return new StyleTransfer(this);
        }

        private void checkRefinements(int[] out, int stageCount) {
            if (!Double.isFinite(styleScale) || styleScale < 0.05 || styleScale > 4) {
                throw new InvalidOptionException("styleScale", "must be in 0.05..4, got " + styleScale);
            }
            if (!stageIterations.isEmpty() && stageIterations.size() != Math.max(1, stageCount)) {
                throw new InvalidOptionException("iterations", stageIterations.size() + " per-stage counts for "
                        + stageCount + " scales");
            }
            for (int n : stageIterations) {
                if (n < 1 || n > 1_000_000) {
                    throw new InvalidOptionException("iterations", "each stage needs 1..1000000 iterations, got " + n);
                }
            }
            for (Map.Entry<Integer, RgbImage> e : styleMasks.entrySet()) {
                if (e.getKey() < 0 || e.getKey() >= styles.size()) {
                    throw new InvalidOptionException("styleMask", "style index " + e.getKey() + " out of range: there are "
                            + styles.size() + " styles");
                }
            }
            if (tileSize != null && (tileSize < 64 || tileSize > MAX_SIZE)) {
                throw new InvalidOptionException("tileSize", "must be in 64.." + MAX_SIZE + ", got " + tileSize);
            }
            if (!Double.isFinite(histogramWeight) || histogramWeight < 0) {
                throw new InvalidOptionException("histogramLoss", "weight must be finite and >= 0, got " + histogramWeight);
            }
            for (String layer : histogramLayers) {
                checkLayer("histogramLoss", layer);
            }
        }

        /**
         * Shorthand for {@code build().run()}.
         *
         * @return the stylised picture and how it was obtained
         * @throws InvalidOptionException naming the first offending option
         */
        public StylizedImage run() {
            return build().run();
        }

        /**
         * Shorthand for {@code build().start()}.
         *
         * @return the handle of the run
         * @throws InvalidOptionException naming the first offending option
         */
        public StyleTransferHandle start() {
            return build().start();
        }

        private static void checkLayer(String option, String layer) {
            if (layer == null || !Vgg19.isLayer(layer)) {
                throw new InvalidOptionException(option, "unknown VGG-19 layer '" + layer
                        + "'; use names like relu1_1, conv4_2, pool3");
            }
        }
    }
}
