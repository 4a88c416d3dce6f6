// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushwork.spi.Engines;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkOptionsTest {
    private static final Path FILE = Path.of("model.pth");

    private static Engines.ZooModel weights(Optional<Architecture> architecture) {
        return new Engines.ZooModel(FILE, architecture, false);
    }

    @Test
    void anArchitectureTheOptionsNameWinsOverTheFallback() {
        NetworkOptions options = NetworkOptions.builder().architecture(Architecture.ENGSTROM).build();

        assertThat(options.forZooModel(weights(Optional.of(Architecture.CYCLEGAN_RESNET9)))).isSameAs(options);
    }

    @Test
    void theFallbackFillsAMissingArchitectureAndKeepsTheRest() {
        NetworkOptions options = NetworkOptions.builder().engine(Engine.AUTO).device(Device.cpu())
                .processingSize(256).build();

        NetworkOptions effective = options.forZooModel(weights(Optional.of(Architecture.DCGAN)));

        assertThat(effective.architecture()).contains(Architecture.DCGAN);
        assertThat(effective.engine()).isEqualTo(options.engine());
        assertThat(effective.device()).isEqualTo(options.device());
        assertThat(effective.processingSize()).isEqualTo(options.processingSize());
    }

    @Test
    void withoutAFallbackTheOptionsStayAsTheyAre() {
        NetworkOptions options = NetworkOptions.defaults();

        assertThat(options.forZooModel(weights(Optional.empty()))).isSameAs(options);
    }

    @Test
    void graphCodeIsUntrustedUnlessSaid() {
        assertThat(NetworkOptions.defaults().trustsGraphCode()).isFalse();
        NetworkOptions trusting = NetworkOptions.builder().trustGraphCode(true).build();
        assertThat(trusting.trustsGraphCode()).isTrue();
        assertThat(trusting.toBuilder().build().trustsGraphCode()).isTrue();
        assertThat(trusting.toBuilder().trustGraphCode(false).build().trustsGraphCode()).isFalse();
    }

    @Test
    void aZooEntryDeclaredAsWeightsNeverCarriesTrustInGraphCode() {
        NetworkOptions trusting = NetworkOptions.builder().trustGraphCode(true).processingSize(64).build();

        NetworkOptions forWeights = trusting.forZooModel(weights(Optional.of(Architecture.ENGSTROM)));
        assertThat(forWeights.trustsGraphCode()).isFalse();
        assertThat(forWeights.architecture()).contains(Architecture.ENGSTROM);
        assertThat(forWeights.processingSize()).isEqualTo(trusting.processingSize());

        NetworkOptions forGraph = trusting.forZooModel(new Engines.ZooModel(FILE, Optional.empty(), true));
        assertThat(forGraph).isSameAs(trusting);
    }
}
