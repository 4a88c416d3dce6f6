// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

/**
 * The service-provider interface that engine adapters implement. Applications do not call it;
 * engines are found through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.brushwork.spi;

import org.jspecify.annotations.NullMarked;
