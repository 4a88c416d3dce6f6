package io.brushwork.spi;

import io.brushwork.Generator;
import io.brushwork.NetworkOptions;
import io.brushwork.Translator;

import java.nio.file.Path;

/**
 * An engine adapter that opens feed-forward networks, found with {@link java.util.ServiceLoader}.
 * The first provider (by {@link #priority()}) that {@link #canOpen} a file opens it.
 */
public interface NetworkProvider {
    /** A short name such as {@code PyTorch} or {@code ONNX Runtime}. */
    String name();

    default int priority() {
        return 0;
    }

    /** Whether this provider runs {@code file} with the engine the options ask for (AUTO included). */
    boolean canOpen(Path file, NetworkOptions options);

    Translator openTranslator(Path file, NetworkOptions options);

    Generator openGenerator(Path file, NetworkOptions options);
}
