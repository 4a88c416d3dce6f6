// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import io.brushwork.spi.Engines;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * How to load and run a feed-forward network ({@link Translator}, {@link Generator}). Immutable;
 * {@link #builder()} validates.
 */
public final class NetworkOptions {
    private static final NetworkOptions DEFAULTS = builder().build();

    private final @Nullable Architecture architecture;
    private final Engine engine;
    private final Device device;
    private final @Nullable Integer processingSize;
    private final boolean trustGraphCode;

    private NetworkOptions(Builder b) {
        this.architecture = b.architecture;
        this.engine = b.engine;
        this.device = b.device;
        this.processingSize = b.processingSize;
        this.trustGraphCode = b.trustGraphCode;
    }

    /**
     * Architecture detected from the file, engine chosen from the file, device auto, pictures at
     * their own size.
     *
     * @return the default options
     */
    public static NetworkOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder that starts from the {@linkplain #defaults() defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The architecture, when given rather than detected from the weight names.
     *
     * @return the architecture; empty means detect it from the file (a graph counts as
     *     {@link Architecture#GRAPH_TRANSLATOR})
     */
    public Optional<Architecture> architecture() {
        return Optional.ofNullable(architecture);
    }

    /**
     * The engine that runs the network.
     *
     * @return the engine; {@link Engine#AUTO} (the default) chooses from the file
     */
    public Engine engine() {
        return engine;
    }

    /**
     * Where the network runs.
     *
     * @return the device; {@link Device#auto()} by default
     */
    public Device device() {
        return device;
    }

    /**
     * For translators: the long side pictures are resized to before the network runs (the result
     * is resized back to the input's size); empty means each picture's own size.
     *
     * @return the long side in pixels (16..{@value StyleTransfer#MAX_SIZE}), or empty
     */
    public OptionalInt processingSize() {
        return processingSize == null ? OptionalInt.empty() : OptionalInt.of(processingSize);
    }

    /**
     * Whether a model file that is an executable graph (TorchScript or ONNX) may be loaded and run.
     * Weights files (safetensors, PyTorch state dicts) never run code and need no trust.
     *
     * @return true only when {@link Builder#trustGraphCode(boolean)} was given {@code true}
     */
    public boolean trustsGraphCode() {
        return trustGraphCode;
    }

    /**
     * These options for a model zoo entry: the architecture the entry records unless these name
     * one, and no trust in graph code for an entry declared as weights, whatever its file holds.
     */
    NetworkOptions forZooModel(Engines.ZooModel model) {
        Optional<Architecture> fallback = model.architecture();
        boolean keepsArchitecture = architecture != null || fallback.isEmpty();
        boolean keepsTrust = !trustGraphCode || model.declaredGraph();
        if (keepsArchitecture && keepsTrust) {
            return this;
        }
        Builder b = toBuilder().trustGraphCode(trustGraphCode && model.declaredGraph());
        return keepsArchitecture ? b.build() : b.architecture(fallback.get()).build();
    }

    /**
     * A builder holding these options, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.architecture = architecture;
        b.engine = engine;
        b.device = device;
        b.processingSize = processingSize;
        b.trustGraphCode = trustGraphCode;
        return b;
    }

    /** Collects options; {@link #build()} checks them. */
    public static final class Builder {
        private @Nullable Architecture architecture;
        private Engine engine = Engine.AUTO;
        private Device device = Device.auto();
        private @Nullable Integer processingSize;
        private boolean trustGraphCode;

        private Builder() {
        }

        /**
         * Says whether the model file may be an executable graph, to be loaded and run: a
         * TorchScript module (a program whose code runs when it loads and can read and write
         * files) or an ONNX model. Pass {@code true} only for a file from a source you trust as
         * you would trust a program. Default {@code false}: a graph is refused with
         * {@link UntrustedGraphException}. Even when trusted, a graph in a file named as weights
         * ({@code .pth}, {@code .safetensors}, {@code .bin}, {@code .ckpt}) is refused, and an
         * ONNX model is refused if it reads external data from outside its folder or needs
         * custom operators.
         *
         * @param trust whether to run graph files
         * @return this builder
         */
        public Builder trustGraphCode(boolean trust) {
            this.trustGraphCode = trust;
            return this;
        }

        /**
         * Sets the architecture instead of detecting it from the weight names; for a graph
         * (TorchScript or ONNX), says which network it is, which decides its pixel range.
         *
         * @param architecture the architecture, of the kind ({@link Translator} or
         *     {@link Generator}) being opened
         * @return this builder
         */
        public Builder architecture(Architecture architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        /**
         * Sets the engine (default {@link Engine#AUTO}: chosen from the file).
         *
         * @param engine the engine
         * @return this builder
         */
        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Sets where the network runs (default {@link Device#auto()}).
         *
         * @param device the device
         * @return this builder
         */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * For translators: resize pictures so that their long side is {@code longSide} before
         * the network runs, and the result back to the input's size (default: each picture's own
         * size).
         *
         * @param longSide the long side in pixels, 16..{@value StyleTransfer#MAX_SIZE} (checked by {@link #build()})
         * @return this builder
         */
        public Builder processingSize(int longSide) {
            this.processingSize = longSide;
            return this;
        }

        /**
         * Checks the options and freezes them.
         *
         * @return the options
         * @throws InvalidOptionException if the processing size is out of range
         */
        public NetworkOptions build() {
            if (processingSize != null && (processingSize < 16 || processingSize > StyleTransfer.MAX_SIZE)) {
                throw new InvalidOptionException("processingSize", "must be in 16.." + StyleTransfer.MAX_SIZE
                        + ", got " + processingSize);
            }
            return new NetworkOptions(this);
        }
    }
}
