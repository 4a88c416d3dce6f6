// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/**
 * A model file is an executable graph (TorchScript or ONNX) and the caller did not say it trusts
 * it. Loading a TorchScript module runs its program, which can read and write files; Brushwork
 * loads graphs only when {@link NetworkOptions.Builder#trustGraphCode(boolean)} says so.
 */
public class UntrustedGraphException extends ModelException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which file is a graph, what kind, and how to trust it
     */
    public UntrustedGraphException(String message) {
        super(message);
    }
}
