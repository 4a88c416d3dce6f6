// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Vector reductions and updates for the optimisers. DJL puts an operation's result in its first
 * operand's manager, so each temporary here is freed explicitly instead of piling up in the
 * optimiser's long-lived manager.
 */
final class ArrayMath {
    private ArrayMath() {
    }

    static double dot(NDArray a, NDArray b) {
        try (NDManager tmp = a.getManager().newSubManager()) {
            NDArray product = a.mul(b);
            product.attach(tmp);
            return scalar(product.sum());
        }
    }

    static double maxAbs(NDArray a) {
        try (NDManager tmp = a.getManager().newSubManager()) {
            NDArray abs = a.abs();
            abs.attach(tmp);
            return scalar(abs.max());
        }
    }

    static double sumAbs(NDArray a) {
        try (NDManager tmp = a.getManager().newSubManager()) {
            NDArray abs = a.abs();
            abs.attach(tmp);
            return scalar(abs.sum());
        }
    }

    /** {@code target += alpha * x}, in place. */
    static void axpy(NDArray target, double alpha, NDArray x) {
        try (NDManager tmp = x.getManager().newSubManager()) {
            NDArray scaled = x.mul(alpha);
            scaled.attach(tmp);
            target.addi(scaled);
        }
    }

    /**
     * {@code a * factor} for arrays on the autograd tape. DJL's {@code mul(Number)} wraps the
     * scalar's Java buffer without copying and releases it right after the call, yet autograd keeps
     * that operand for the backward pass: once the collector frees the buffer, backward reads
     * freed memory. Here the scalar belongs to {@code a}'s manager, which outlives the backward.
     */
    static NDArray scaled(NDArray a, double factor) {
        return a.mul(a.getManager().create((float) factor));
    }

    /** The value of a one-element array as a double, whatever its type. */
    static double scalar(NDArray a) {
        if (a.getDataType() == DataType.FLOAT64) {
            return a.getDouble();
        }
        return a.toType(DataType.FLOAT32, false).getFloat();
    }
}
