// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import java.nio.file.Path;

/** Where the checkout is, and the build's version, as the build passes them to the tests. */
public final class Repository {
    /** The repository root (the parent POM's folder). */
    public static final Path ROOT = Path.of(System.getProperty("brushwork.root", "..")).toAbsolutePath().normalize();
    /** The project version, or null outside Maven. */
    public static final String VERSION = System.getProperty("brushwork.version");

    private Repository() {
    }
}
