// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.samples.StandardStreams;
import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.testing.LocalHttpServer;
import io.brushwork.zoo.testing.VggFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the code of docs/model-zoo.md against catalogue entries served by a local server. */
class ModelZooGuideTest {
    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;
    Path weights;

    @BeforeEach
    void weights() {
        weights = VggFixture.write(dir.resolve("tiny-vgg.safetensors"), "conv1_2", 5);
    }

    @Test
    void theDefaultZooReadsTheCatalogueNamedByTheSystemPropertyAndDownloadsOnce() throws IOException {
        Path[] resolved = new Path[2];

        ZooFixtures.withDefaultZoo(server, dir, "my-vgg", weights, "vgg19", () -> {
            resolved[0] = ModelZooGuide.resolve("my-vgg");
            resolved[1] = ModelZooGuide.resolve("my-vgg");
            return null;
        });

        assertThat(resolved[0]).endsWith(Path.of("my-vgg", "tiny-vgg.safetensors")).hasSameBinaryContentAs(weights);
        assertThat(resolved[1]).isEqualTo(resolved[0]);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void anOwnZooTakesHandPlacedFilesFirstAndReportsDownloads() throws IOException {
        Path catalogue = ZooFixtures.catalogue(server, dir, "my-vgg", weights, "vgg19");
        Path cache = dir.resolve("cache");
        Path models = Files.createDirectories(dir.resolve("models"));
        ModelZoo zoo = ModelZooGuide.ownZoo(cache, models, catalogue);

        Path[] downloaded = new Path[1];
        String progress = StandardStreams.err(() -> downloaded[0] = zoo.resolve("my-vgg"));

        long size = Files.size(weights);
        assertThat(downloaded[0]).isEqualTo(cache.resolve("my-vgg/tiny-vgg.safetensors")).hasSameBinaryContentAs(weights);
        assertThat(progress).contains("my-vgg: 0 of " + size + " bytes", "my-vgg: " + size + " of " + size + " bytes");
        assertThat(zoo.catalog().find("vgg19")).as("the built-in entries stay").isPresent();

        Path placed = Files.copy(weights, models.resolve("tiny-vgg.safetensors"));
        assertThat(zoo.resolve("my-vgg")).isEqualTo(placed);
        assertThat(server.requests()).isEqualTo(1);
    }
}
