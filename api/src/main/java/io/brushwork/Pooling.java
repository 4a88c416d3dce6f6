// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

/** The pooling layers of the feature network. */
public enum Pooling {
    /** VGG's own max-pooling. */
    MAX,
    /** Average pooling, which Gatys et al. found gives slightly smoother results. */
    AVERAGE
}
