// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.spi;

import io.brushwork.Architecture;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a model zoo id into a local file (found with {@link java.util.ServiceLoader}).
 *
 * <p>{@link Engines} makes one instance per class loader and shares it between calls and threads,
 * so implementations must be thread-safe; keeping them stateless is simplest.
 */
public interface ModelResolver {
    /**
     * Whether the id is in this resolver's catalogue.
     *
     * @param id a model zoo id, such as {@code vgg19}
     * @return true if this resolver can {@link #resolve} it
     */
    boolean knows(String id);

    /**
     * The local file for the id, downloading it if needed and allowed.
     *
     * @param id an id this resolver {@link #knows}
     * @return the path of the local model file
     * @throws io.brushwork.ModelException if the file cannot be found, downloaded or verified
     */
    Path resolve(String id);

    /**
     * The architecture the catalogue records for the id, if any.
     *
     * @param id an id this resolver {@link #knows}
     * @return the architecture; empty when it is left to detection from the file
     */
    Optional<Architecture> architecture(String id);

    /**
     * Whether the catalogue declares the id's file an executable graph (TorchScript, ONNX) rather
     * than weights. A file declared as weights is never run as a graph, whatever its bytes are.
     *
     * @param id an id this resolver {@link #knows}
     * @return true for a declared graph; false (the default) for weights
     */
    default boolean declaresGraph(String id) {
        return false;
    }
}
