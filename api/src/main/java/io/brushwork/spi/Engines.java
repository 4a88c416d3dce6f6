// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.spi;

import io.brushwork.Architecture;
import io.brushwork.EngineException;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.function.ToIntFunction;

/**
 * Finds engine implementations on the classpath.
 *
 * <p>Discovery runs once per class loader, the first time it is needed, and the instances it makes
 * are shared by every later call and thread. The loader is the calling thread's context class loader
 * (or, when it has none, the one that loaded this API), which is the one {@link ServiceLoader}
 * searches: an application whose parts run with different context loaders sees each part's own
 * engines. The cache holds loaders weakly and what they provide softly, so it never keeps an
 * unloaded application's classes alive for long.
 */
public final class Engines {
    /** Per loader, per service type, its providers in the order they are asked. */
    private static final Map<ClassLoader, Map<Class<?>, SoftReference<List<?>>>> FOUND = new WeakHashMap<>();

    private Engines() {
    }

    /** The providers of {@code type} that the calling thread's loader sees, highest priority first. */
    private static <T> List<T> found(Class<T> type, ToIntFunction<T> priority) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : Engines.class.getClassLoader();
        // Discovery runs under the lock so that it runs once; it only reads service files and
        // constructs providers, which must not wait on other threads' discovery.
        synchronized (FOUND) {
            Map<Class<?>, SoftReference<List<?>>> types = FOUND.computeIfAbsent(loader, l -> new HashMap<>());
            SoftReference<List<?>> cached = types.get(type);
            @SuppressWarnings("unchecked")
            List<T> found = cached == null ? null : (List<T>) cached.get();
            if (found == null) {
                // Sorting is stable: providers of equal priority stay in the loader's order.
                found = ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get)
                        .sorted(Comparator.comparingInt(priority).reversed()).toList();
                types.put(type, new SoftReference<>(found));
            }
            return found;
        }
    }

    /**
     * The style-transfer engine with the highest priority.
     *
     * @return that engine, shared by all callers
     * @throws EngineException if there is no style-transfer engine on the classpath
     */
    public static StyleTransferEngine styleTransfer() {
        return found(StyleTransferEngine.class, StyleTransferEngine::priority).stream().findFirst()
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
        List<NetworkProvider> providers = found(NetworkProvider.class, NetworkProvider::priority);
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
        for (ModelResolver r : found(ModelResolver.class, r -> 0)) {
            if (r.knows(id)) {
                return new ZooModel(r.resolve(id), r.architecture(id), r.declaresGraph(id));
            }
        }
        throw new ModelException("unknown model zoo id '" + id + "' (add io.brushwork:brushwork-models-zoo,"
                + " or see 'brushwork models list')");
    }
}
