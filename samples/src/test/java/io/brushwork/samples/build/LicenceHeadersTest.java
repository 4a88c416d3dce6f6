// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.brushwork.samples.Repository.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/** Every source file, script and POM starts with the same copyright and SPDX licence lines. */
class LicenceHeadersTest {
    private static final String OWNER = "Copyright 2026 the Brushwork authors";
    private static final String LICENCE = "SPDX-License-Identifier: Apache-2.0";

    private static boolean skipped(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.equals("target") || name.startsWith(".git") || name.equals("node_modules");
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : ROOT.relativize(p)) {
                            if (skipped(part)) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .forEach(out::add);
        }
        return out;
    }

    /** The header lines a file must start with, or none for files without one. */
    private static List<String> expected(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".java") || name.endsWith(".kt") || name.endsWith(".scala")) {
            return List.of("// " + OWNER, "// " + LICENCE);
        }
        if (name.endsWith(".py") || name.endsWith(".sh") || ROOT.relativize(file).toString().equals(".ci/run")) {
            return List.of("# " + OWNER, "# " + LICENCE);
        }
        if (name.equals("pom.xml")) {
            return List.of("<!-- " + OWNER + ". " + LICENCE + " -->");
        }
        return List.of();
    }

    @Test
    void everySourceFileCarriesTheLicenceHeader() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : files()) {
            List<String> header = expected(file);
            if (header.isEmpty()) {
                continue;
            }
            checked++;
            List<String> lines = Files.readAllLines(file);
            // A shebang or an XML declaration stays first.
            int first = !lines.isEmpty() && (lines.get(0).startsWith("#!") || lines.get(0).startsWith("<?xml")) ? 1 : 0;
            if (lines.size() < first + header.size() || !lines.subList(first, first + header.size()).equals(header)) {
                missing.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(checked).as("files checked").isGreaterThan(150);
        assertThat(missing).as("files without the licence header").isEmpty();
        assertThat(ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    }
}
