// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.Translator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Several threads at once give what one thread gives alone; models are shared safely. */
class ConcurrencyTest {

    @Test
    void styleTransfersRunConcurrently() throws Exception {
        List<StyleTransfer> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(StyleTransferRunTest.small().seed(i).init(io.brushwork.Init.NOISE).iterations(3).build());
        }
        List<RgbImage> alone = new ArrayList<>();
        for (StyleTransfer r : requests) {
            alone.add(r.run().image());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RgbImage>> together = new ArrayList<>();
            for (StyleTransfer r : requests) {
                together.add(pool.submit(() -> r.run().image()));
            }
            for (int i = 0; i < requests.size(); i++) {
                assertThat(together.get(i).get()).as("run %d", i).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneTranslatorServesEightThreads() throws Exception {
        NetworkOptions cpu = NetworkOptions.builder().device(Device.cpu()).build();
        try (Translator translator = Translator.fromFile(NetworkFixtures.path("cyclegan_resnet9_ngf4.pth"), cpu)) {
            List<RgbImage> inputs = new ArrayList<>();
            List<RgbImage> alone = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RgbImage in = StyleTransferRunTest.stripes(24 + 4 * (i % 3), 20, i);
                inputs.add(in);
                alone.add(translator.translate(in));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<RgbImage>> together = new ArrayList<>();
                for (RgbImage in : inputs) {
                    together.add(pool.submit(() -> translator.translate(in)));
                }
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(together.get(i).get()).as("picture %d", i).isEqualTo(alone.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
