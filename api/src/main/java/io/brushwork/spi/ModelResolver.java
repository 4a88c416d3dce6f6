package io.brushwork.spi;

import io.brushwork.Architecture;

import java.nio.file.Path;
import java.util.Optional;

/** Turns a model zoo id into a local file (found with {@link java.util.ServiceLoader}). */
public interface ModelResolver {
    /** Whether the id is in this resolver's catalogue. */
    boolean knows(String id);

    /** The local file for the id, downloading it if needed and allowed. */
    Path resolve(String id);

    /** The architecture the catalogue records for the id, if any. */
    Optional<Architecture> architecture(String id);
}
