package io.brushwork;

/**
 * Receives progress from a running optimisation, on the thread that runs it. A listener that
 * throws ends the run (its native memory is released) and the exception reaches the caller.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(ProgressEvent event);
}
