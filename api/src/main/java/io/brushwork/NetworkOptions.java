package io.brushwork;

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

    private final Architecture architecture;
    private final Engine engine;
    private final Device device;
    private final @Nullable Integer processingSize;

    private NetworkOptions(Builder b) {
        this.architecture = b.architecture;
        this.engine = b.engine;
        this.device = b.device;
        this.processingSize = b.processingSize;
    }

    /** Architecture detected from the file, engine chosen from the file, device auto, pictures at their own size. */
    public static NetworkOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The architecture, when given rather than detected from the weight names. */
    public Optional<Architecture> architecture() {
        return Optional.ofNullable(architecture);
    }

    public Engine engine() {
        return engine;
    }

    public Device device() {
        return device;
    }

    /**
     * For translators: the long side pictures are resized to before the network runs (the result
     * is resized back to the input's size); empty means each picture's own size.
     */
    public OptionalInt processingSize() {
        return processingSize == null ? OptionalInt.empty() : OptionalInt.of(processingSize);
    }

    /**
     * These options if they name an architecture, else these with {@code fallback}'s (such as the
     * one a model zoo entry records), if any.
     */
    NetworkOptions withArchitectureOrElse(Optional<Architecture> fallback) {
        return architecture != null || fallback.isEmpty() ? this : toBuilder().architecture(fallback.get()).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.architecture = architecture;
        b.engine = engine;
        b.device = device;
        b.processingSize = processingSize;
        return b;
    }

    /** Collects options; {@link #build()} checks them. */
    public static final class Builder {
        private Architecture architecture;
        private Engine engine = Engine.AUTO;
        private Device device = Device.auto();
        private @Nullable Integer processingSize;

        private Builder() {
        }

        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        public Builder processingSize(int longSide) {
            this.processingSize = longSide;
            return this;
        }

        public NetworkOptions build() {
            if (processingSize != null && (processingSize < 16 || processingSize > StyleTransfer.MAX_SIZE)) {
                throw new InvalidOptionException("processingSize", "must be in 16.." + StyleTransfer.MAX_SIZE
                        + ", got " + processingSize);
            }
            return new NetworkOptions(this);
        }
    }
}
