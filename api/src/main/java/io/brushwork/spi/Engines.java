// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.spi;

import io.brushwork.Architecture;
import io.brushwork.EngineException;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds engine implementations on the classpath. */
public final class Engines {
    private Engines() {
    }

    /**
     * The style-transfer engine with the highest priority.
     *
     * @return a new instance of that engine
     * @throws EngineException if there is no style-transfer engine on the classpath
     */
    public static StyleTransferEngine styleTransfer() {
        return ServiceLoader.load(StyleTransferEngine.class).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(StyleTransferEngine::priority))
                .orElseThrow(() -> new EngineException(
                        "no style-transfer engine on the classpath: add io.brushwork:brushwork-impl-djl"));
    }

    /**
     * The provider that opens {@code file} with the engine the options ask for.
     *
     * @param file the model file
     * @param options the options, whose engine the provider must honour
     * @return the provider of highest priority that {@linkplain NetworkProvider#canOpen can open} the file
     * @throws EngineException if there is no network provider on the classpath, or none can open the file
     */
    public static NetworkProvider network(Path file, NetworkOptions options) {
        List<NetworkProvider> providers = ServiceLoader.load(NetworkProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(NetworkProvider::priority).reversed())
                .toList();
        if (providers.isEmpty()) {
            throw new EngineException("no network engine on the classpath: add io.brushwork:brushwork-impl-djl");
        }
        for (NetworkProvider p : providers) {
            if (p.canOpen(file, options)) {
                return p;
            }
        }
        throw new EngineException("no engine on the classpath runs " + file + " with engine " + options.engine()
                + " (available: " + providers.stream().map(NetworkProvider::name).toList() + ")");
    }

    /**
     * A model zoo id resolved to a local file, with what its catalogue entry records.
     *
     * @param file the local model file
     * @param architecture the architecture the catalogue records; empty when it is left to
     *     detection from the file
     * @param declaredGraph whether the catalogue declares the file an executable graph
     *     (TorchScript, ONNX); a file declared as weights is never run as a graph
     */
    public record ZooModel(Path file, Optional<Architecture> architecture, boolean declaredGraph) {
    }

    /**
     * Resolves a model zoo id through the resolvers on the classpath; the first that knows the id
     * resolves it.
     *
     * @param id a model zoo id, such as {@code vgg19}
     * @return the local file and the recorded architecture
     * @throws ModelException if no resolver knows the id, or its file cannot be obtained
     */
    public static ZooModel resolveZooModel(String id) {
        for (ModelResolver r : ServiceLoader.load(ModelResolver.class)) {
            if (r.knows(id)) {
                return new ZooModel(r.resolve(id), r.architecture(id), r.declaresGraph(id));
            }
        }
        throw new ModelException("unknown model zoo id '" + id + "' (add io.brushwork:brushwork-models-zoo,"
                + " or see 'brushwork models list')");
    }
}
