// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Device;
import io.brushwork.ImageReadException;
import io.brushwork.Images;
import io.brushwork.Losses;
import io.brushwork.ModelException;
import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import io.brushwork.samples.cli.NetworkFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Runs every snippet of docs/concepts.md on tiny pictures and seeded random VGG-19 blocks 1-3. */
class ConceptsGuideTest {
    @TempDir
    static Path dir;
    static Path content;
    static Path style;
    static Path vgg;
    /** The guide's request, shrunk to 32 px and 3 iterations on the CPU so that a run takes a moment. */
    static StyleTransfer tiny;

    @BeforeAll
    static void fixtures() {
        NetworkFixtures.StyleInputs inputs = NetworkFixtures.styleInputs(dir, 48, 36);
        content = inputs.content();
        style = inputs.style();
        vgg = inputs.vgg();
        tiny = ConceptsGuide.request(content, style, vgg).toBuilder()
                .size(32).iterations(3).device(Device.cpu()).build();
    }

    @Test
    void theRequestReadsItsPicturesAtOnceAndKeepsItsOptions() {
        StyleTransfer request = ConceptsGuide.request(content, style, vgg);
        assertThat(request.outputSize()).containsExactly(256, 192);
        assertThat(request.iterations()).isEqualTo(150);
        assertThat(request.weights()).isEqualTo(Weights.of(5, 1e3, 1e-3));
        assertThat(request.contentLayers()).containsExactly("relu3_2");
        assertThat(request.styleLayers()).containsOnlyKeys("relu1_1", "relu2_1", "relu3_1");
        assertThat(request.featureExtractor().file()).contains(vgg);
        assertThat(request.featureExtractor().preprocessing()).contains(Preprocessing.CAFFE);

        assertThatThrownBy(() -> ConceptsGuide.request(dir.resolve("missing.jpg"), style, vgg))
                .isInstanceOf(ImageReadException.class).hasMessageContaining("missing.jpg");
    }

    @Test
    void theProbeReportsAllThreeWeightedTerms() {
        Losses losses = ConceptsGuide.probe(tiny);
        assertThat(losses.content()).isPositive();
        assertThat(losses.style()).isPositive();
        assertThat(losses.totalVariation()).isPositive();
        assertThat(losses.total()).isCloseTo(losses.content() + losses.style() + losses.totalVariation(),
                org.assertj.core.api.Assertions.within(1e-6 * losses.total()));
    }

    @Test
    void perLayerStyleWeightsAreKeptInOrderAndRun() {
        StyleTransfer strokes = ConceptsGuide.weightedLayers(tiny);
        assertThat(strokes.styleLayers()).containsExactly(entry("relu1_1", 0.5), entry("relu2_1", 1.0),
                entry("relu3_1", 2.0));
        StylizedImage out = strokes.run();
        assertThat(out.losses().style()).isLessThan(out.initialLosses().style());
    }

    @Test
    void featureNetworksComeFromAFileTheZooOrASeed() {
        List<Vgg19> networks = ConceptsGuide.featureNetworks(vgg);
        assertThat(networks.get(0).file()).contains(vgg);
        assertThat(networks.get(0).preprocessing()).contains(Preprocessing.CAFFE);
        // Nothing is resolved or downloaded until a run starts; the catalogue decides the preprocessing.
        assertThat(networks.get(1).zooId()).contains("vgg19");
        assertThat(networks.get(1).preprocessing()).isEmpty();
        assertThat(networks.get(2).seed()).hasValue(42);
        assertThat(networks.get(2).preprocessing()).contains(Preprocessing.TORCHVISION);

        assertThatThrownBy(() -> ConceptsGuide.featureNetworks(dir.resolve("no-such-weights.pth")))
                .isInstanceOf(ModelException.class).hasMessageContaining("no-such-weights.pth");
    }

    @Test
    void adamNeedsLessMemoryThanLbfgsAndOneEvaluationAnIteration() {
        List<StyleTransfer> variants = ConceptsGuide.optimizers(ConceptsGuide.request(content, style, vgg));
        StyleTransfer lbfgs = variants.get(0);
        StyleTransfer adam = variants.get(1);
        assertThat(lbfgs.optimizer()).isEqualTo(Optimizer.lbfgs().withHistorySize(20));
        assertThat(adam.optimizer()).isEqualTo(Optimizer.adam(10));
        long defaultLbfgs = ConceptsGuide.request(content, style, vgg).estimatePeakBytes();
        assertThat(lbfgs.estimatePeakBytes()).isLessThan(defaultLbfgs);
        assertThat(adam.estimatePeakBytes()).isLessThan(lbfgs.estimatePeakBytes());

        for (StyleTransfer variant : ConceptsGuide.optimizers(tiny)) {
            StylizedImage out = variant.run();
            assertThat(out.losses().total()).as(variant.optimizer().name()).isLessThan(out.initialLosses().total());
            if (variant.optimizer() instanceof Optimizer.Adam) {
                assertThat(out.evaluations()).isEqualTo(out.iterations());
            } else {
                assertThat(out.evaluations()).isGreaterThanOrEqualTo(out.iterations());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherPicture() {
        StylizedImage first = ConceptsGuide.fromNoise(tiny, 7);
        StylizedImage again = ConceptsGuide.fromNoise(tiny, 7);
        StylizedImage other = ConceptsGuide.fromNoise(tiny, 8);
        assertThat(Images.encode(again.image(), "png")).isEqualTo(Images.encode(first.image(), "png"));
        assertThat(other.image()).isNotEqualTo(first.image());
        // Noise is far from the content; starting from the content, the content loss starts at 0.
        assertThat(first.initialLosses().content()).isPositive();
        assertThat(tiny.run().initialLosses().content()).isZero();
    }

    @Test
    void theListenerHearsEveryIterationAndTheLastEventCarriesAPreview() throws IOException {
        Path previews = Files.createDirectories(dir.resolve("previews"));
        StylizedImage out = ConceptsGuide.withProgress(tiny, previews);
        try (Stream<Path> files = Files.list(previews)) {
            // 3 iterations, previews every 10: only the last event has one.
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("3.png");
        }
        RgbImage preview = Images.read(previews.resolve("3.png"));
        assertThat(preview.width()).isEqualTo(out.image().width());
    }

    @Test
    void aRunPastItsDeadlineIsCancelledAndAQuickOneReturnsItsResult() {
        StyleTransfer endless = tiny.toBuilder().iterations(1_000_000).build();
        long started = System.nanoTime();
        Optional<StylizedImage> none = ConceptsGuide.runWithDeadline(endless, Duration.ofMillis(500));
        assertThat(none).isEmpty();
        // The method returns only once the cancelled run has ended, long before a million iterations.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));

        Optional<StylizedImage> done = ConceptsGuide.runWithDeadline(tiny, Duration.ofMinutes(2));
        assertThat(done).hasValueSatisfying(out -> assertThat(out.iterations()).isEqualTo(3));
    }

    @Test
    void theResultSaysHowItWasObtained() {
        Path file = dir.resolve("out/result.png");
        StylizedImage out = ConceptsGuide.runAndReport(tiny, file);
        RgbImage saved = Images.read(file);
        assertThat(saved.width()).isEqualTo(32);
        assertThat(saved.height()).isEqualTo(24);
        assertThat(out.device()).isEqualTo("cpu");
        assertThat(out.engine()).startsWith("PyTorch 2.7.1 (DJL 0.35.1");
        assertThat(out.iterations()).isBetween(1, 3);
        assertThat(out.losses().style()).isLessThan(out.initialLosses().style());
        assertThat(out.optimization()).isLessThanOrEqualTo(out.elapsed());
    }
}
