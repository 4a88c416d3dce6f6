// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The graph fixtures of src/test/resources/graphs (made by src/test/fixtures/make_graph_fixtures.py),
 * shipped in this module's test jar for the trust tests of every module. Tests copy them out under
 * the name the case needs, since a graph's file name is part of what is checked.
 */
public final class GraphFixtures {
    /** The file writes_file.pt overwrites with {@code XXXXXXXX} when it is run. */
    public static final Path CANARY = Path.of("/tmp/brushwork-torchscript-canary");
    /** What the tests put in the canary first. */
    public static final String CANARY_TEXT = "original";

    private GraphFixtures() {
    }

    /**
     * Copies a fixture to {@code target}, replacing nothing.
     *
     * @param fixture the fixture's file name, such as {@code writes_file.pt}
     * @param target where the copy goes
     * @return {@code target}
     */
    public static Path copy(String fixture, Path target) {
        try (InputStream in = GraphFixtures.class.getResourceAsStream("/graphs/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture graphs/" + fixture + "; run make_graph_fixtures.py");
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #CANARY_TEXT} into the canary. */
    public static void resetCanary() {
        try {
            Files.writeString(CANARY, CANARY_TEXT, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the canary holds now.
     *
     * @return its text: {@link #CANARY_TEXT} unless a graph wrote to it
     */
    public static String canary() {
        try {
            return Files.readString(CANARY, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
