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
    private final Integer size;
    private final Init init;
    private final long seed;
    private final Device device;
    private final List<ProgressListener> listeners;
    private final int previewEvery;

    private StyleTransfer(Builder b) {
        this.content = b.content;
        this.styles = List.copyOf(b.styles);
        this.weights = b.weights;
        this.featureExtractor = b.featureExtractor;
        this.contentLayers = List.copyOf(b.contentLayers);
        this.styleLayers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.styleLayers));
        this.optimizer = b.optimizer;
        this.iterations = b.iterations;
        this.size = b.size;
        this.init = b.init;
        this.seed = b.seed;
        this.device = b.device;
        this.listeners = List.copyOf(b.listeners);
        this.previewEvery = b.previewEvery;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's options, to derive a variant. */
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
        return b;
    }

    /** Runs on the calling thread with the highest-priority engine on the classpath. */
    public StylizedImage run() {
        return Engines.styleTransfer().run(this, new RunControl(listeners));
    }

    /** Starts the run on a new thread; the handle cancels it or waits for it. */
    public StyleTransferHandle start() {
        return start(task -> {
            Thread t = new Thread(task, "brushwork-style-transfer");
            t.start();
        });
    }

    /** Starts the run on the given executor. */
    public StyleTransferHandle start(Executor executor) {
        RunControl control = new RunControl(listeners);
        return StyleTransferHandle.start(executor, control,
                () -> Engines.styleTransfer().run(this, control));
    }

    /** The content picture at its original size. */
    public RgbImage content() {
        return content;
    }

    public List<Style> styles() {
        return styles;
    }

    public Weights weights() {
        return weights;
    }

    public Vgg19 featureExtractor() {
        return featureExtractor;
    }

    public List<String> contentLayers() {
        return contentLayers;
    }

    /** Style layers with their weights, in the order given. */
    public Map<String, Double> styleLayers() {
        return styleLayers;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public int iterations() {
        return iterations;
    }

    /** The output's long side; empty means the content's own size. */
    public java.util.OptionalInt size() {
        return size == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(size);
    }

    /** The output's width and height. */
    public int[] outputSize() {
        return size == null ? new int[] {content.width(), content.height()}
                : RgbImage.fitLongSide(content.width(), content.height(), size);
    }

    public Init init() {
        return init;
    }

    public long seed() {
        return seed;
    }

    public Device device() {
        return device;
    }

    public int previewEvery() {
        return previewEvery;
    }

    private static Map<String, Double> orderedUnit(List<String> names) {
        Map<String, Double> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, 1.0));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Collects options; every option is checked in {@link #build()}, which names the offending
     * option in an {@link InvalidOptionException}. Not thread-safe.
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
        private Integer size = 512;
        private Init init = Init.CONTENT;
        private long seed;
        private Device device = Device.auto();
        private final List<ProgressListener> listeners = new ArrayList<>();
        private int previewEvery;

        private Builder() {
        }

        public Builder content(RgbImage image) {
            this.content = Objects.requireNonNull(image, "content");
            return this;
        }

        /** Reads the content picture now; an unreadable file fails here with {@link ImageReadException}. */
        public Builder content(Path file) {
            return content(Images.read(file));
        }

        public Builder content(InputStream in) {
            return content(Images.read(in));
        }

        public Builder content(java.awt.image.BufferedImage image) {
            return content(RgbImage.fromBufferedImage(image));
        }

        /** Adds a style picture with blend weight 1. Repeat for several styles. */
        public Builder style(RgbImage image) {
            return style(image, 1.0);
        }

        /** Adds a style picture with a blend weight; the Gram targets are mixed in proportion. */
        public Builder style(RgbImage image, double blendWeight) {
            styles.add(new Style(image, blendWeight));
            return this;
        }

        public Builder style(Path file) {
            return style(Images.read(file), 1.0);
        }

        public Builder style(Path file, double blendWeight) {
            return style(Images.read(file), blendWeight);
        }

        public Builder style(InputStream in) {
            return style(Images.read(in), 1.0);
        }

        public Builder style(java.awt.image.BufferedImage image) {
            return style(RgbImage.fromBufferedImage(image), 1.0);
        }

        /** Replaces all styles added so far. */
        public Builder styles(Collection<Style> all) {
            styles.clear();
            styles.addAll(all);
            return this;
        }

        public Builder weights(Weights weights) {
            this.weights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        public Builder featureExtractor(Vgg19 vgg) {
            this.featureExtractor = Objects.requireNonNull(vgg, "featureExtractor");
            return this;
        }

        public Builder contentLayers(String... layers) {
            return contentLayers(List.of(layers));
        }

        public Builder contentLayers(List<String> layers) {
            this.contentLayers = new ArrayList<>(layers);
            return this;
        }

        /** Style layers, each weighted 1. */
        public Builder styleLayers(String... layers) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String l : layers) {
                m.put(l, 1.0);
            }
            return styleLayers(m);
        }

        /** Style layers with per-layer weights; iteration order is kept. */
        public Builder styleLayers(Map<String, Double> layers) {
            this.styleLayers = new LinkedHashMap<>(layers);
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** Long side of the output in pixels (default 512); the content is resized to it. */
        public Builder size(int longSide) {
            this.size = longSide;
            return this;
        }

        /** Keep the content's own size. */
        public Builder originalSize() {
            this.size = null;
            return this;
        }

        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        public Builder listener(ProgressListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Attach the current picture to every k-th progress event (0 = never; the last event always has it when k > 0). */
        public Builder previewEvery(int k) {
            this.previewEvery = k;
            return this;
        }

        /** Checks every option and freezes them into a request. */
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
            return new StyleTransfer(this);
        }

        /** Shorthand for {@code build().run()}. */
        public StylizedImage run() {
            return build().run();
        }

        /** Shorthand for {@code build().start()}. */
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
