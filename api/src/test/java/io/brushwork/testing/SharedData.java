// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared real-data folder (models, images) that lives beside the repository and is
 * never committed. Tests that need it skip when it is absent, as on a fresh clone.
 */
public final class SharedData {
    private SharedData() {
    }

    /**
     * The shared folder: the {@code brushwork.shared} system property when it names a directory,
     * else the first {@code shared} folder holding {@code models} found beside the working
     * directory or one of its ancestors.
     */
    public static Optional<Path> root() {
        String property = System.getProperty("brushwork.shared");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property))) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        // Walking up covers runs from an IDE, from the module, from the repository root and from
        // a git worktree, wherever the repository sits.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("models"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * A file or folder inside the shared folder; the calling test is skipped (not failed) when
     * it is absent.
     *
     * @param relative a path inside the shared folder, such as {@code models/vgg19/x.safetensors}
     */
    public static Path require(String relative) {
        Optional<Path> path = root().map(r -> r.resolve(relative)).filter(Files::exists);
        Assumptions.assumeTrue(path.isPresent(), () -> "shared data absent: " + relative);
        return path.orElseThrow();
    }
}
