// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records operations for autograd on the calling thread only, and runs the backward pass. DJL's
 * {@code GradientCollector} allows one collector in the whole process at a time, which would
 * serialise (or fail) concurrent style transfers; libtorch's grad mode is per thread, and backward
 * passes over separate graphs may run at once.
 */
final class PixelGradients implements AutoCloseable {
    private final boolean wasEnabled;

    private PixelGradients() {
        wasEnabled = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Starts recording on this thread; close to restore the previous mode. */
    static PixelGradients record() {
        return new PixelGradients();
    }

    /** Back-propagates a scalar loss into the gradients of the leaves that require them. */
    void backward(NDArray loss) {
        NDArray seed = loss.getManager().ones(loss.getShape(), loss.getDataType());
        JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }

    @Override
    public void close() {
        if (!wasEnabled) {
            JniUtils.setGradMode(false);
        }
    }
}
