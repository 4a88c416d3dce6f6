// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Runs a DJL block built in Java. Each call works in its own sub-manager, closed before it
 * returns, so concurrent calls share only the read-only weights.
 */
final class BlockForward implements FeedForwardNetwork.Forward {
    private final NDManager manager;
    private final Block block;

    /** Takes ownership of {@code manager}, which holds the block's weights. */
    BlockForward(NDManager manager, Block block) {
        this.manager = manager;
        this.block = block;
    }

    @Override
    public float[] run(float[] input, long[] shape) {
        try (NDManager scope = manager.newSubManager()) {
            NDList in = new NDList(scope.create(input, new Shape(shape)));
            return block.forward(new ParameterStore(scope, false), in, false).singletonOrThrow().toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
