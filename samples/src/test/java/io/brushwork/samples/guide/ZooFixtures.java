// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.testing.LocalHttpServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Model zoo ids for the guides' tests: catalogue entries whose files a local server serves. */
final class ZooFixtures {
    private ZooFixtures() {
    }

    /**
     * Writes a catalogue file in {@code dir} with one entry, {@code id}, for {@code file} (checked by
     * its SHA-256) and has {@code server} serve it.
     */
    static Path catalogue(LocalHttpServer server, Path dir, String id, Path file, String architecture)
            throws IOException {
        String path = "/models/" + id + "/" + file.getFileName();
        server.serve(path, LocalHttpServer.ok(Files.readAllBytes(file)));
        return Files.writeString(dir.resolve(id + ".ini"), String.join("\n",
                "[" + id + "]",
                "url = " + server.uri(path),
                "sha256 = " + ModelZoo.sha256(file),
                "architecture = " + architecture,
                ""));
    }

    /**
     * Runs {@code code} with the default zoo ({@code ModelZoo.defaults()}, {@code Translator.fromZoo})
     * reading such a catalogue and a fresh cache, through the system properties a user would set.
     */
    static <T> T withDefaultZoo(LocalHttpServer server, Path dir, String id, Path file, String architecture,
                                Supplier<T> code) throws IOException {
        Path catalogue = catalogue(server, dir, id, file, architecture);
        Path cache = Files.createTempDirectory(dir, "cache-");
        System.setProperty(ModelZoo.CATALOG_PROPERTY, catalogue.toString());
        System.setProperty(ModelZoo.CACHE_PROPERTY, cache.toString());
        try {
            return code.get();
        } finally {
            System.clearProperty(ModelZoo.CATALOG_PROPERTY);
            System.clearProperty(ModelZoo.CACHE_PROPERTY);
        }
    }
}
