// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Device;
import io.brushwork.EngineException;
import io.brushwork.Init;
import io.brushwork.ModelException;
import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.ProgressEvent;
import io.brushwork.RgbImage;
import io.brushwork.RunCancelledException;
import io.brushwork.StyleTransfer;
import io.brushwork.StyleTransferHandle;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import io.brushwork.zoo.testing.VggFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** End-to-end runs through the public API on pictures and seeded random weights made here. */
class StyleTransferRunTest {
    static final Vgg19 VGG = Vgg19.random(11, Preprocessing.CAFFE);

    /** A smooth diagonal gradient: a stand-in photograph. */
    static RgbImage gradient(int w, int h) {
        float[] p = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                p[i] = 255f * x / w;
                p[w * h + i] = 255f * y / h;
                p[2 * w * h + i] = 128;
            }
        }
        return RgbImage.of(w, h, p);
    }

    /** Coloured noise stripes: a stand-in painting with strong texture. */
    static RgbImage stripes(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] p = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean on = ((x + 2 * y) / 3) % 2 == 0;
                p[i] = on ? 220 : 30 + 20 * r.nextFloat();
                p[w * h + i] = on ? 60 : 200;
                p[2 * w * h + i] = 40 + 40 * r.nextFloat();
            }
        }
        return RgbImage.of(w, h, p);
    }

    static StyleTransfer.Builder small() {
        return StyleTransfer.builder()
                .content(gradient(40, 32))
                .style(stripes(48, 48, 1))
                .featureExtractor(VGG)
                .contentLayers("relu2_1")
                .styleLayers("relu1_1", "relu2_1")
                .weights(Weights.of(1, 1e4, 1e-4))
                .size(40)
                .device(Device.cpu())
                .iterations(20);
    }

    @Test
    void lbfgsReducesTheStyleLossAndReportsEachIteration() {
        List<ProgressEvent> events = new ArrayList<>();
        StylizedImage out = small().listener(events::add).previewEvery(5).run();

        assertThat(out.image().width()).isEqualTo(40);
        assertThat(out.image().height()).isEqualTo(32);
        assertThat(out.iterations()).isEqualTo(20);
        assertThat(out.evaluations()).isGreaterThanOrEqualTo(21);
        assertThat(out.losses().style()).isLessThan(out.initialLosses().style() * 0.2);
        assertThat(out.losses().total()).isLessThan(out.initialLosses().total());
        assertThat(out.device()).isEqualTo("cpu");
        assertThat(out.engine()).startsWith("PyTorch 2.7.1");
        assertThat(events).hasSize(20);
        assertThat(events).extracting(ProgressEvent::iteration).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(events.stream().filter(e -> e.preview().isPresent()).map(ProgressEvent::iteration))
                .containsExactly(5, 10, 15, 20);
        assertThat(events.get(19).preview().orElseThrow()).isEqualTo(out.image());
        // The picture changed from the content.
        assertThat(out.image()).isNotEqualTo(gradient(40, 32).quantized());
    }

    @Test
    void adamAlsoReducesTheLoss() {
        StylizedImage out = small().optimizer(Optimizer.adam(5)).iterations(30).run();
        assertThat(out.iterations()).isEqualTo(30);
        assertThat(out.evaluations()).isEqualTo(30);
        assertThat(out.losses().total()).isLessThan(out.initialLosses().total() * 0.7);
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        StyleTransfer request = small().init(Init.NOISE).seed(5).iterations(8).build();
        RgbImage a = request.run().image();
        RgbImage b = request.run().image();
        assertThat(a).isEqualTo(b);
        RgbImage c = request.toBuilder().seed(6).build().run().image();
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void blendWeightsAreNormalisedAndMixTheGramTargets() {
        RgbImage a = stripes(48, 48, 1);
        RgbImage b = RgbImage.filled(48, 48, 10, 200, 90);
        StyleTransfer.Builder base = small().iterations(1);
        double onlyA = base.styles(List.of()).style(a).build().run().initialLosses().style();
        double onlyB = base.styles(List.of()).style(b).build().run().initialLosses().style();
        // The same style twice, whatever the weights, is that style alone.
        double aTwice = base.styles(List.of()).style(a, 1).style(a, 3).build().run().initialLosses().style();
        assertThat(aTwice).isCloseTo(onlyA, org.assertj.core.api.Assertions.withinPercentage(0.01));
        double mixed = base.styles(List.of()).style(a, 1).style(b, 1).build().run().initialLosses().style();
        assertThat(mixed).isNotCloseTo(onlyA, org.assertj.core.api.Assertions.withinPercentage(1))
                .isNotCloseTo(onlyB, org.assertj.core.api.Assertions.withinPercentage(1));
    }

    @Test
    void cancelStopsTheRunWithinAnIteration() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Integer> seen = new ArrayList<>();
        StyleTransferHandle handle = small().iterations(10_000)
                .listener(e -> {
                    synchronized (seen) {
                        seen.add(e.iteration());
                    }
                    started.countDown();
                })
                .start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThatThrownBy(handle::await).isInstanceOf(RunCancelledException.class);
        int atCancel;
        synchronized (seen) {
            atCancel = seen.size();
        }
        assertThat(atCancel).isLessThan(10_000);
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void awaitWithATimeoutIsEmptyWhileRunningAndHoldsTheResultOnceDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        StyleTransferHandle endless = small().iterations(10_000).listener(e -> started.countDown()).start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(endless.await(java.time.Duration.ofMillis(20))).isEmpty();
        endless.cancel();
        assertThatThrownBy(() -> endless.await(java.time.Duration.ofMinutes(1)))
                .isInstanceOf(RunCancelledException.class);

        StyleTransferHandle quick = small().iterations(2).start();
        assertThat(quick.await(java.time.Duration.ofMinutes(2))).hasValueSatisfying(
                out -> assertThat(out.iterations()).isEqualTo(2));
    }

    @Test
    void optimizationTimeLeavesOutSlowListeners() {
        StylizedImage out = small().iterations(3).listener(e -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }).run();
        assertThat(out.elapsed().minus(out.optimization())).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(450));
        assertThat(out.secondsPerIteration()).isEqualTo(out.optimization().toNanos() / 1e9 / 3);
    }

    @Test
    void interruptingTheRunningThreadCancelsTheRun() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                small().iterations(10_000).listener(e -> started.countDown()).run();
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        runner.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(60_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(RunCancelledException.class).hasMessageContaining("interrupted");
    }

    @Test
    void aListenerThatThrowsEndsTheRunWithItsException() {
        assertThatThrownBy(() -> small().listener(e -> {
            throw new IllegalStateException("listener broke");
        }).run()).isInstanceOf(IllegalStateException.class).hasMessage("listener broke");
        // The engine is still usable afterwards.
        assertThat(small().iterations(2).run().iterations()).isEqualTo(2);
    }

    @Test
    void aLayerMissingFromTheWeightsFileFailsBeforeAnyWork(@TempDir Path dir) {
        Path file = VggFixture.write(dir.resolve("vgg-block1.safetensors"), "conv1_2", 3);
        List<ProgressEvent> events = new ArrayList<>();

        assertThatThrownBy(() -> small().featureExtractor(Vgg19.fromFile(file, Preprocessing.CAFFE))
                .listener(events::add).run())
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("conv2_1")
                .hasMessageContaining("features.5.weight")
                .hasMessageContaining("relu1_2");
        assertThat(events).isEmpty();

        // The layers the file has do work.
        StylizedImage ok = small().featureExtractor(Vgg19.fromFile(file, Preprocessing.CAFFE))
                .contentLayers("relu1_2").styleLayers("relu1_1", "relu1_2").iterations(3).run();
        assertThat(ok.iterations()).isEqualTo(3);
    }

    @Test
    void theNetworkIsBuiltOnlyUpToTheDeepestLayerInUse() {
        assertThat(DjlStyleTransferEngine.deepestLayer(small().build())).isEqualTo("relu2_1");
        assertThat(DjlStyleTransferEngine.deepestLayer(small().contentLayers("relu4_2").build())).isEqualTo("relu4_2");
        // A layer whose terms weigh nothing is not evaluated.
        assertThat(DjlStyleTransferEngine.deepestLayer(small().contentLayers("relu5_1")
                .weights(Weights.of(0, 1, 0)).build())).isEqualTo("relu2_1");
        assertThat(DjlStyleTransferEngine.deepestLayer(small()
                .styleLayers(java.util.Map.of("relu1_1", 1.0, "relu5_1", 0.0)).build())).isEqualTo("relu2_1");
        try (ai.djl.ndarray.NDManager m = PyTorchRuntime.engine().newBaseManager();
             Vgg19Network net = Vgg19Network.load(VGG, "relu3_2", m)) {
            assertThat(net.depth()).isEqualTo(Vgg19.layerIndex("relu3_2") + 1);
        }
    }

    @Test
    void aGpuThatIsNotThereIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PyTorchRuntime.engine().getGpuCount() == 0);
        assertThatThrownBy(() -> small().device(Device.gpu(0)).run())
                .isInstanceOf(EngineException.class).hasMessageContaining("GPU 0");
        assertThat(small().device(Device.auto()).iterations(1).run().device()).isEqualTo("cpu");
    }

    @Test
    void torchvisionPreprocessingRunsToo() {
        StylizedImage out = small().featureExtractor(Vgg19.random(11, Preprocessing.TORCHVISION))
                .weights(Weights.of(1e2, 1e8, 1e-4)).iterations(10).run();
        assertThat(out.losses().total()).isLessThan(out.initialLosses().total());
    }
}
