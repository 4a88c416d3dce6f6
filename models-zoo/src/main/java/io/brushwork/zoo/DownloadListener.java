// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

/**
 * Receives {@link DownloadProgress} events while {@link ModelZoo} downloads a file. Events of
 * one download arrive one at a time, in order, on an HTTP client thread, so an implementation
 * should be quick and must not block.
 */
@FunctionalInterface
public interface DownloadListener {
    /**
     * Called when a download starts and each time more bytes arrive.
     *
     * @param progress the download's state at this event
     */
    void onProgress(DownloadProgress progress);
}
