// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Optimizer;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autograd keeps the operands it needs for the backward pass; DJL wraps Java-side scalars without
 * copying them. Results must not change while the garbage collector runs at any moment.
 */
class GarbageCollectionSafetyTest {

    @Test
    void resultsAreIdenticalUnderConstantGarbageCollection() throws Exception {
        StyleTransfer request = StyleTransferRunTest.small().optimizer(Optimizer.adam(2)).iterations(60).build();
        RgbImage quiet = request.run().image();
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                byte[][] garbage = new byte[64][];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = new byte[16 * 1024];
                }
                System.gc();
            }
        });
        churn.setDaemon(true);
        churn.start();
        try {
            for (int run = 0; run < 3; run++) {
                assertThat(request.run().image()).as("run %d under GC pressure", run).isEqualTo(quiet);
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }
}
