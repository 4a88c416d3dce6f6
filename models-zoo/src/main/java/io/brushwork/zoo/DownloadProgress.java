// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.util.OptionalLong;

/**
 * How far a download has come. Within one attempt {@code bytes} only grows, starting at 0 and,
 * when the download succeeds, ending at {@code total}; a retry starts a new attempt at 0.
 *
 * @param id the catalogue id of the model
 * @param attempt 1 for the first try, 2 for the first retry, and so on
 * @param bytes bytes received so far in this attempt
 * @param total the file's size when the catalogue or the server says it
 */
public record DownloadProgress(String id, int attempt, long bytes, OptionalLong total) {
}
