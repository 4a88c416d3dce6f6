// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

/**
 * Model files: the readers for safetensors, PyTorch checkpoints and NumPy arrays, the catalogue
 * of published weights, and {@link io.brushwork.zoo.ModelZoo}, which resolves catalogue ids to
 * verified files in a local cache, downloading them when allowed.
 */
@NullMarked
package io.brushwork.zoo;

import org.jspecify.annotations.NullMarked;
