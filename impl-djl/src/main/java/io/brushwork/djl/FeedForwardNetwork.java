// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Architecture;
import io.brushwork.Engine;

/** What translators and generators share: the network behind them and where it runs. */
abstract class FeedForwardNetwork implements AutoCloseable {
    /** Runs the network on one packed input of the given shape; must be safe to call from several threads. */
    interface Forward extends AutoCloseable {
        float[] run(float[] input, long[] shape);

        @Override
        void close();
    }

    final Forward forward;
    private final Architecture architecture;
    private final Engine engine;
    private final String device;

    FeedForwardNetwork(Forward forward, Architecture architecture, Engine engine, String device) {
        this.forward = forward;
        this.architecture = architecture;
        this.engine = engine;
        this.device = device;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The engine actually running the network. */
    public Engine engine() {
        return engine;
    }

    /** The device it runs on: {@code cpu} or {@code gpu:N}. */
    public String device() {
        return device;
    }

    @Override
    public void close() {
        forward.close();
    }
}
