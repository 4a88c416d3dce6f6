// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/** Which inference engine runs a network. */
public enum Engine {
    /** Chosen from the model file: ONNX files on ONNX Runtime, everything else on PyTorch. */
    AUTO,
    /** DJL's PyTorch engine (libtorch): weight files built into DJL blocks, and TorchScript. */
    PYTORCH,
    /** DJL's ONNX Runtime engine: ONNX graphs. */
    ONNX_RUNTIME
}
