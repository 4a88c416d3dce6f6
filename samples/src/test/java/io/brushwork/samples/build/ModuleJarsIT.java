// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;

import static io.brushwork.samples.Repository.ROOT;
import static io.brushwork.samples.Repository.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the packaged library jars (run by failsafe after {@code package}): each carries its
 * stable module name, the three load together as modules (no split packages), and each has its
 * sources and Javadoc jars.
 */
class ModuleJarsIT {
    /** Module directory → the automatic module name its jar must declare. */
    private static final Map<String, String> MODULES = new TreeMap<>(Map.of(
            "api", "io.brushwork", "models-zoo", "io.brushwork.zoo", "impl-djl", "io.brushwork.djl"));

    private static Path jar(String module, String classifier) {
        return ROOT.resolve(module).resolve("target")
                .resolve("brushwork-" + module + "-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
    }

    @Test
    void eachLibraryJarDeclaresItsModuleName() throws IOException {
        for (Map.Entry<String, String> m : MODULES.entrySet()) {
            try (JarFile jar = new JarFile(jar(m.getKey(), "").toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as(m.getKey()).isEqualTo(m.getValue());
            }
            ModuleReference ref = ModuleFinder.of(jar(m.getKey(), "")).findAll().iterator().next();
            assertThat(ref.descriptor().name()).isEqualTo(m.getValue());
        }
    }

    @Test
    void theLibraryJarsLoadTogetherAsModules() {
        List<Path> jars = new ArrayList<>();
        MODULES.keySet().forEach(m -> jars.add(jar(m, "")));
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Configuration config = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.copyOf(MODULES.values()));
        // Defining the layer fails if two modules hold the same package.
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
        ModuleDescriptor api = layer.findModule("io.brushwork").orElseThrow().getDescriptor();
        assertThat(api.packages()).contains("io.brushwork", "io.brushwork.spi");
        assertThat(layer.findModule("io.brushwork.zoo").orElseThrow().getDescriptor().packages()).contains("io.brushwork.zoo");
    }

    @Test
    void eachLibraryModuleHasSourcesAndJavadocJars() {
        for (String module : MODULES.keySet()) {
            assertThat(jar(module, "sources")).isRegularFile();
            assertThat(jar(module, "javadoc")).isRegularFile();
        }
    }
}
