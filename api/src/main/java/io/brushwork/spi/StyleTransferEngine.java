// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.spi;

import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;

/**
 * An implementation of Gatys style transfer, found with {@link java.util.ServiceLoader}. The
 * available engine with the highest {@link #priority()} runs a request.
 *
 * <p>{@link Engines} makes one instance per class loader and shares it between calls and threads,
 * so implementations must be thread-safe; keeping them stateless is simplest.
 */
public interface StyleTransferEngine {
    /**
     * A short human-readable name.
     *
     * @return the name, such as {@code djl-pytorch}
     */
    String name();

    /**
     * Higher wins when several engines are on the classpath.
     *
     * @return this engine's priority; 0 unless overridden
     */
    default int priority() {
        return 0;
    }

    /**
     * Runs the request to completion on the calling thread.
     *
     * @param request the validated request
     * @param control checked for cancellation at least once per iteration, and given the progress
     *     events to publish
     * @return the stylised picture and how it was obtained
     * @throws io.brushwork.RunCancelledException when {@code control} reports a cancellation
     */
    StylizedImage run(StyleTransfer request, RunControl control);
}
