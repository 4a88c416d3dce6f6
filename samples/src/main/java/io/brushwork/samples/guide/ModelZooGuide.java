// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.zoo.ModelCatalog;
import io.brushwork.zoo.ModelZoo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The code of docs/model-zoo.md: resolving ids through the default zoo and building a zoo of
 * one's own. Ids and folders are parameters so that the tests can serve a catalogue locally.
 */
public final class ModelZooGuide {
    private ModelZooGuide() {
    }

    // snippet:defaults
    public static Path resolve(String id) {
        ModelZoo zoo = ModelZoo.defaults();   // system properties, environment, built-in catalogue
        return zoo.resolve(id);               // "vgg19", say: on disk, or downloaded and verified
    }
    // end-snippet

    // snippet:builder
    public static ModelZoo ownZoo(Path cacheDir, Path modelsDir, Path catalogFile) {
        return ModelZoo.builder()
                .cacheDir(cacheDir)                                 // /data/brushwork-cache, say
                .localModelsDir(modelsDir)                          // files placed by hand, looked at first
                .catalog(ModelCatalog.builtIn().plus(ModelCatalog.load(catalogFile)))  // my-models.ini
                .listener(p -> System.err.printf("%s: %d of %s bytes%n", p.id(), p.bytes(),
                        p.total().isPresent() ? p.total().getAsLong() : "?"))
                .maxAttempts(5)
                .readTimeout(Duration.ofMinutes(2))
                .build();
    }
    // end-snippet
}
