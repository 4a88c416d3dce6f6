// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Run in a second JVM by {@link ModelZooProcessTest}: resolves one entry into a shared cache and
 * prints the path. Arguments: cache folder, id, URL, SHA-256.
 */
public final class ResolveInAnotherProcess {
    private ResolveInAnotherProcess() {
    }

    public static void main(String[] args) {
        URI url = URI.create(args[2]);
        String path = url.getPath();
        ModelEntry entry = new ModelEntry(args[1], "test model", url, path.substring(path.lastIndexOf('/') + 1),
                Checksum.sha256(args[3]), OptionalLong.empty(), ModelFormat.SAFETENSORS, "test", Optional.empty(), "test");
        ModelZoo zoo = ModelZoo.builder(Map.of("user.home", "/nonexistent")::get, k -> null).cacheDir(Path.of(args[0])).build();
        System.out.println("ready");
        System.out.flush();
        System.out.println(zoo.resolve(entry));
    }
}
