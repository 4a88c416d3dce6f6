// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.Architecture;
import io.brushwork.InvalidOptionException;
import io.brushwork.spi.ModelResolver;

import java.nio.file.Path;
import java.util.Optional;

/** Lets {@code Translator.fromZoo} and {@code Generator.fromZoo} resolve ids through the default {@link ModelZoo}. */
public final class ZooModelResolver implements ModelResolver {

    @Override
    public boolean knows(String id) {
        return ModelZoo.defaults().catalog().find(id).isPresent();
    }

    @Override
    public Path resolve(String id) {
        return ModelZoo.defaults().resolve(id);
    }

    @Override
    public Optional<Architecture> architecture(String id) {
        return ModelZoo.defaults().catalog().find(id).flatMap(e -> {
            try {
                return Optional.of(Architecture.parse(e.architecture()));
            } catch (InvalidOptionException unknown) {
                // Catalogue architectures such as the ONNX zoo's are graphs the engine recognises itself.
                return Optional.empty();
            }
        });
    }

    @Override
    public boolean declaresGraph(String id) {
        return ModelZoo.defaults().catalog().find(id).map(e -> e.format().isGraph()).orElse(false);
    }
}
