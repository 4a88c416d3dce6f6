// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

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

    /**
     * Creates the control of one run.
     *
     * @param listeners the listeners that receive its progress events, in order; copied
     */
    public RunControl(List<ProgressListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Asks the run to stop; it does so at its next check, within one iteration. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Whether {@link #cancel()} was called; an interrupt alone does not count.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Throws when cancelled or when the running thread was interrupted (the interrupt is kept).
     *
     * @throws RunCancelledException if the run was cancelled or its thread interrupted
     */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new RunCancelledException("run cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCancelledException("run interrupted");
        }
    }

    /**
     * Whether anyone listens (engines skip building events otherwise).
     *
     * @return true if there is at least one listener
     */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /**
     * Gives an event to every listener in turn, on the calling thread; an exception a listener
     * throws reaches the caller and the remaining listeners miss the event.
     *
     * @param event the state of the run after one iteration
     */
    public void publish(ProgressEvent event) {
        for (ProgressListener listener : listeners) {
            listener.onProgress(event);
        }
    }
}
