// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.spi;

import io.brushwork.Generator;
import io.brushwork.NetworkOptions;
import io.brushwork.Translator;

import java.nio.file.Path;

/**
 * An engine adapter that opens feed-forward networks, found with {@link java.util.ServiceLoader}.
 * The first provider (by {@link #priority()}) that {@link #canOpen} a file opens it.
 *
 * <p>{@link Engines} makes one instance per class loader and shares it between calls and threads,
 * so implementations must be thread-safe; keeping them stateless is simplest.
 */
public interface NetworkProvider {
    /**
     * A short name such as {@code PyTorch} or {@code ONNX Runtime}.
     *
     * @return the name, used in error messages
     */
    String name();

    /**
     * Higher is asked first when several providers are on the classpath.
     *
     * @return this provider's priority; 0 unless overridden
     */
    default int priority() {
        return 0;
    }

    /**
     * Whether this provider runs {@code file} with the engine the options ask for (AUTO included).
     *
     * @param file the model file
     * @param options the options, whose {@link NetworkOptions#engine()} the provider must honour
     * @return true if this provider should open the file; an unreadable file may be accepted so
     *     that opening reports its problem
     */
    boolean canOpen(Path file, NetworkOptions options);

    /**
     * Opens {@code file} as a picture-to-picture network.
     *
     * @param file a file this provider {@link #canOpen can open}
     * @param options architecture, engine, device and processing size
     * @return the translator, which the caller closes
     * @throws io.brushwork.ModelException if the file is malformed or holds a generator
     */
    Translator openTranslator(Path file, NetworkOptions options);

    /**
     * Opens {@code file} as a latent-to-picture network.
     *
     * @param file a file this provider {@link #canOpen can open}
     * @param options architecture, engine and device
     * @return the generator, which the caller closes
     * @throws io.brushwork.ModelException if the file is malformed, holds a translator, or is a
     *     format generators are not read from
     */
    Generator openGenerator(Path file, NetworkOptions options);
}
