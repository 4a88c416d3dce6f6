package io.brushwork.spi;

import io.brushwork.ProgressEvent;
import io.brushwork.ProgressListener;
import io.brushwork.RunCancelledException;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** What an engine needs from the caller while running: cancellation and progress delivery. */
public final class RunControl {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<ProgressListener> listeners;

    public RunControl(List<ProgressListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Asks the run to stop; it does so at its next check, within one iteration. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws when cancelled or when the running thread was interrupted (the interrupt is kept). */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new RunCancelledException("run cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCancelledException("run interrupted");
        }
    }

    /** Whether anyone listens (engines skip building events otherwise). */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public void publish(ProgressEvent event) {
        for (ProgressListener listener : listeners) {
            listener.onProgress(event);
        }
    }
}
