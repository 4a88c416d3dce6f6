// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.UntrustedGraphException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The names and the trust a graph needs before an engine may load it (no engine here). */
class GraphTrustTest {

    @ParameterizedTest
    @CsvSource({"TORCHSCRIPT, m.pth", "TORCHSCRIPT, m.SAFETENSORS", "TORCHSCRIPT, m.bin", "TORCHSCRIPT, m.ckpt",
            "TORCHSCRIPT, m.onnx", "ONNX, m.pth", "ONNX, m.pt", "ONNX, m.npz"})
    void aGraphNamedAsSomethingElseIsRefusedEvenWhenTrusted(ModelFormat format, String name) {
        assertThatThrownBy(() -> GraphTrust.admit(Path.of(name), format, true))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(name + " is named as")
                .hasMessageContaining(format.description());
    }

    @ParameterizedTest
    @CsvSource({"TORCHSCRIPT, m.pt", "TORCHSCRIPT, model", "ONNX, m.onnx"})
    void aGraphUnderItsOwnNameNeedsTrust(ModelFormat format, String name) {
        assertThatThrownBy(() -> GraphTrust.admit(Path.of(name), format, false))
                .isExactlyInstanceOf(UntrustedGraphException.class)
                .hasMessageContaining(name + " is " + format.description());
    }

    @Test
    void trustedTorchScriptUnderItsOwnNameIsAdmitted() {
        assertThatCode(() -> GraphTrust.admit(Path.of("m.pt"), ModelFormat.TORCHSCRIPT, true)).doesNotThrowAnyException();
    }

    @Test
    void weightsAreNoGraphs() {
        assertThatThrownBy(() -> GraphTrust.admit(Path.of("m.pth"), ModelFormat.PYTORCH_ZIP, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
