// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SharedDataTest {
    @Test
    void absentDataSkipsInsteadOfFailing() {
        assertThatThrownBy(() -> SharedData.require("models/no-such-model.safetensors"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("models/no-such-model.safetensors");
    }

    @Test
    void rootWhenPresentHoldsModels() {
        SharedData.root().ifPresent(root -> assertThat(Files.isDirectory(root.resolve("models"))).isTrue());
    }
}
