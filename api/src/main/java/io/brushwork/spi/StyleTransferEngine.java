package io.brushwork.spi;

import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;

/**
 * An implementation of Gatys style transfer, found with {@link java.util.ServiceLoader}. The
 * available engine with the highest {@link #priority()} runs a request.
 */
public interface StyleTransferEngine {
    /** A short human-readable name. */
    String name();

    /** Higher wins when several engines are on the classpath. */
    default int priority() {
        return 0;
    }

    /**
     * Runs the request to completion on the calling thread.
     *
     * @throws io.brushwork.RunCancelledException when {@code control} reports a cancellation
     */
    StylizedImage run(StyleTransfer request, RunControl control);
}
