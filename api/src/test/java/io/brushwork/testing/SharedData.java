package io.brushwork.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the real models and images kept beside the checkout ({@code ../shared}); tests that
 * need them are skipped, not failed, where it is absent (a user's fresh clone).
 */
public final class SharedData {
    private SharedData() {
    }

    /**
     * The shared folder: the {@code brushwork.shared} system property (set by the build), else the
     * first {@code shared} folder beside the working directory or one of its parents.
     */
    public static Optional<Path> root() {
        String property = System.getProperty("brushwork.shared");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("models")) || Files.isDirectory(candidate.resolve("images"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file under the shared folder; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), "no ../shared folder: real-data test skipped");
        Path file = root.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), () -> file + " is absent: real-data test skipped");
        return file;
    }
}
