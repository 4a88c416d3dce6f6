// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

/**
 * Brushwork's public API: {@link io.brushwork.StyleTransfer} for Gatys style transfer,
 * {@link io.brushwork.Translator} for feed-forward image-to-image networks,
 * {@link io.brushwork.Generator} for latent-to-image networks, and the value types they share.
 *
 * <p>Every type here is null-marked: parameters and results are non-null unless annotated
 * {@link org.jspecify.annotations.Nullable}, and optional values are {@link java.util.Optional}.
 * Kotlin reads this as non-null platform types.
 */
@NullMarked
package io.brushwork;

import org.jspecify.annotations.NullMarked;
