// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a run after one iteration.
 *
 * @param iteration iterations done so far (1-based)
 * @param totalIterations iterations asked for
 * @param evaluations loss-and-gradient evaluations so far (L-BFGS's line search may take several per iteration)
 * @param losses the weighted losses at the current picture
 * @param elapsed wall time spent in the iterations so far (loading, target computation and listeners excluded)
 * @param preview the current picture, present every {@code previewEvery} iterations and at the last
 */
public record ProgressEvent(int iteration, int totalIterations, int evaluations, Losses losses,
                            Duration elapsed, Optional<RgbImage> preview) {
    /**
     * Creates an event.
     *
     * @param iteration iterations done so far (1-based)
     * @param totalIterations iterations asked for
     * @param evaluations loss-and-gradient evaluations so far
     * @param losses the weighted losses at the current picture
     * @param elapsed time since the first iteration started
     * @param preview the current picture, if this event carries one
     * @throws NullPointerException if {@code losses}, {@code elapsed} or {@code preview} is null
     */
    public ProgressEvent {
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(preview, "preview");
    }

    /**
     * Estimated time left, from the mean time per iteration so far.
     *
     * @return the estimate; zero before the first iteration and after the last
     */
    public Duration remaining() {
        if (iteration <= 0) {
            return Duration.ZERO;
        }
        return elapsed.dividedBy(iteration).multipliedBy(Math.max(0, totalIterations - iteration));
    }

    /**
     * Fraction of iterations done.
     *
     * @return a value in 0..1; 1 when no iterations were asked for
     */
    public double fractionDone() {
        return totalIterations == 0 ? 1 : Math.min(1.0, (double) iteration / totalIterations);
    }
}
