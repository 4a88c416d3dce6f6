// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import io.brushwork.spi.RunControl;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** A run in progress: cancel it, wait for it, or chain on its future. */
public final class StyleTransferHandle {
    private final RunControl control;
    private final CompletableFuture<StylizedImage> future;

    private StyleTransferHandle(RunControl control, CompletableFuture<StylizedImage> future) {
        this.control = control;
        this.future = future;
    }

    static StyleTransferHandle start(Executor executor, RunControl control, Supplier<StylizedImage> task) {
        return new StyleTransferHandle(control, CompletableFuture.supplyAsync(task, executor));
    }

    /** Asks the run to stop within one iteration; {@link #await()} then throws {@link RunCancelledException}. */
    public void cancel() {
        control.cancel();
    }

    /**
     * Whether the run has ended, successfully or not.
     *
     * @return true once finished, failed or cancelled
     */
    public boolean isDone() {
        return future.isDone();
    }

    /**
     * Waits for the result; rethrows the run's own exception (a {@link BrushworkException} or other unchecked one).
     *
     * @return the stylised picture and how it was obtained
     * @throws RunCancelledException if the run was cancelled, or the waiting thread interrupted
     */
    public StylizedImage await() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("interrupted while waiting for the run");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Waits at most {@code timeout} for the result; otherwise as {@link #await()}. Not a checked
     * {@code TimeoutException}, so that callers in any language can poll.
     *
     * @param timeout how long to wait
     * @return the stylised picture, or empty when the run is still going (it keeps running)
     * @throws RunCancelledException when the run was cancelled or this thread interrupted
     */
    public Optional<StylizedImage> await(Duration timeout) {
        try {
            return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("interrupted while waiting for the run");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * The run as a future, for composition.
     *
     * @return a new dependent future; completing or cancelling it does not affect the run (use
     *     {@link #cancel()})
     */
    public CompletableFuture<StylizedImage> future() {
        return future.thenApply(x -> x);
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new EngineException("run failed: " + t, t);
    }
}
