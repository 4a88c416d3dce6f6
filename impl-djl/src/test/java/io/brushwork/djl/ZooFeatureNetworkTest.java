// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.ModelException;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.zoo.testing.LocalHttpServer;
import io.brushwork.zoo.testing.VggFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code Vgg19.fromZoo}: a catalogue entry downloaded once from a local server, cached, then used offline. */
class ZooFeatureNetworkTest {
    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("brushwork.catalog");
        System.clearProperty("brushwork.cache");
        System.clearProperty("brushwork.offline");
    }

    @Test
    void aZooVggIsDownloadedOnceThenServedFromTheCache() throws Exception {
        Path weights = VggFixture.write(dir.resolve("tiny-vgg.safetensors"), "conv2_1", 5);
        server.serve("/tiny-vgg.safetensors", LocalHttpServer.ok(Files.readAllBytes(weights)));
        Path catalog = dir.resolve("catalog.ini");
        Files.writeString(catalog, "[tiny-vgg]\nurl = " + server.uri("/tiny-vgg.safetensors")
                + "\narchitecture = vgg19\npreprocessing = caffe\n");
        System.setProperty("brushwork.catalog", catalog.toString());
        System.setProperty("brushwork.cache", dir.resolve("cache").toString());

        StyleTransfer request = StyleTransferRunTest.small().featureExtractor(Vgg19.fromZoo("tiny-vgg"))
                .device(Device.cpu()).iterations(3).build();
        StylizedImage first = request.run();
        assertThat(server.requests("/tiny-vgg.safetensors")).isEqualTo(1);

        System.setProperty("brushwork.offline", "true");
        StylizedImage again = request.run();
        assertThat(server.requests("/tiny-vgg.safetensors")).isEqualTo(1);
        assertThat(again.image()).isEqualTo(first.image());
        // The same weights from the file directly give the same picture.
        assertThat(request.toBuilder().featureExtractor(Vgg19.fromFile(weights, io.brushwork.Preprocessing.CAFFE))
                .build().run().image()).isEqualTo(first.image());
    }

    @Test
    void offlineWithoutTheFileSaysWhereToPutIt() {
        System.setProperty("brushwork.cache", dir.resolve("cache").toString());
        System.setProperty("brushwork.offline", "true");
        assertThatThrownBy(() -> StyleTransferRunTest.small().featureExtractor(Vgg19.defaultNetwork()).run())
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("vgg19-dcbb9e9d.pth")
                .hasMessageContaining(dir.resolve("cache").toString());
        assertThat(server.requests()).isZero();
    }
}
