// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkOptionsTest {
    @Test
    void anArchitectureTheOptionsNameWinsOverTheFallback() {
        NetworkOptions options = NetworkOptions.builder().architecture(Architecture.ENGSTROM).build();

        assertThat(options.withArchitectureOrElse(Optional.of(Architecture.CYCLEGAN_RESNET9))).isSameAs(options);
    }

    @Test
    void theFallbackFillsAMissingArchitectureAndKeepsTheRest() {
        NetworkOptions options = NetworkOptions.builder().engine(Engine.AUTO).device(Device.cpu())
                .processingSize(256).build();

        NetworkOptions effective = options.withArchitectureOrElse(Optional.of(Architecture.DCGAN));

        assertThat(effective.architecture()).contains(Architecture.DCGAN);
        assertThat(effective.engine()).isEqualTo(options.engine());
        assertThat(effective.device()).isEqualTo(options.device());
        assertThat(effective.processingSize()).isEqualTo(options.processingSize());
    }

    @Test
    void withoutAFallbackTheOptionsStayAsTheyAre() {
        NetworkOptions options = NetworkOptions.defaults();

        assertThat(options.withArchitectureOrElse(Optional.empty())).isSameAs(options);
    }
}
