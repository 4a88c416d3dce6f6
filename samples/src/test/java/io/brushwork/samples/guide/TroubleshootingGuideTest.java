// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Device;
import io.brushwork.EngineException;
import io.brushwork.Images;
import io.brushwork.ModelException;
import io.brushwork.Optimizer;
import io.brushwork.Preprocessing;
import io.brushwork.RgbImage;
import io.brushwork.StyleTransfer;
import io.brushwork.Vgg19;
import io.brushwork.Weights;
import io.brushwork.samples.StandardStreams;
import io.brushwork.samples.cli.BrushworkCli;
import io.brushwork.samples.cli.NetworkFixtures;
import io.brushwork.zoo.ModelCatalog;
import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.testing.LocalHttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Feeds every snippet of docs/troubleshooting.md the problem it is about (a run too large for
 * memory, bomb and broken pictures, a hostile checkpoint, a wrong file, no network, a failed
 * download), and checks the guide's claims about errors and exit codes.
 */
class TroubleshootingGuideTest {
    @TempDir
    static Path dir;
    static Path content;
    static Path style;
    static Path vgg;

    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @BeforeAll
    static void fixtures() {
        NetworkFixtures.StyleInputs inputs = NetworkFixtures.styleInputs(dir, 64, 48);
        content = inputs.content();
        style = inputs.style();
        vgg = inputs.vgg();
    }

    /** A request on a full-depth random network with neural-style's layers; built, not run. */
    private static StyleTransfer fullDepth(int size) {
        return StyleTransfer.builder()
                .content(NetworkFixtures.picture(64, 48, 1)).style(NetworkFixtures.picture(40, 40, 9))
                .featureExtractor(Vgg19.random(1, Preprocessing.CAFFE))
                .size(size).device(Device.cpu()).build();
    }

    /** What {@code action} printed on standard error, and its result. */
    private static <T> T withStderr(Supplier<T> action, AtomicReference<String> printed) {
        StandardStreams.Captured<T> run = StandardStreams.capture(action);
        printed.set(run.err());
        return run.value();
    }

    @Test
    void aRunTooLargeForMemoryIsTiledAndAFittingOneLeftAlone() {
        StyleTransfer large = fullDepth(2048);
        long budget = 3_000_000_000L;
        assertThat(large.estimatePeakBytes()).isGreaterThan(budget);
        StyleTransfer fitted = TroubleshootingGuide.fitToMemory(large, budget);
        assertThat(fitted.tileSize()).hasValue(512);
        assertThat(fitted.optimizer()).isEqualTo(Optimizer.lbfgs().withHistorySize(20));
        assertThat(fitted.estimatePeakBytes()).isLessThan(budget);
        assertThat(fitted.outputSize()).containsExactly(2048, 1536);

        StyleTransfer small = fullDepth(256);
        assertThat(TroubleshootingGuide.fitToMemory(small, budget)).isSameAs(small);
    }

    @Test
    void aRunThatCannotFitFailsBeforeAnyWork() {
        StyleTransfer huge = fullDepth(10_000);
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), huge::run))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("this run needs about")
                .hasMessageContaining("--tile-size 512");
    }

    @Test
    void theFasterVariantStopsAtBlockThreeAndWorksMostlyAtHalfSize() {
        StyleTransfer full = fullDepth(512).toBuilder().iterations(200).build();
        StyleTransfer faster = TroubleshootingGuide.faster(full);
        assertThat(faster.stages()).containsExactly(256, 512);
        assertThat(faster.stageIterations()).containsExactly(150, 50);
        assertThat(faster.contentLayers()).containsExactly("relu3_2");
        assertThat(faster.estimatePeakBytes()).isLessThan(full.estimatePeakBytes());
    }

    @Test
    void picturesThatCannotBeReadAreReportedNotThrown() throws IOException {
        AtomicReference<String> err = new AtomicReference<>();
        assertThat(withStderr(() -> TroubleshootingGuide.readPicture(content, 10_000), err))
                .hasValueSatisfying(p -> assertThat(p.width()).isEqualTo(64));

        assertThat(withStderr(() -> TroubleshootingGuide.readPicture(content, 1000), err)).isEmpty();
        assertThat(err.get()).contains("64x48 is more than 1000 pixels");

        // A 69-byte PNG declaring 100000 x 100000 pixels (from the api module's bad inputs).
        Path bomb = dir.resolve("bomb.png");
        try (InputStream in = getClass().getResourceAsStream("/bad-inputs/bomb.png")) {
            Files.copy(in, bomb);
        }
        Optional<RgbImage> none = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> withStderr(() -> TroubleshootingGuide.readPicture(bomb, Images.DEFAULT_MAX_PIXELS), err));
        assertThat(none).isEmpty();
        assertThat(err.get()).contains("100000x100000 is more than 100000000 pixels");

        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture");
        assertThat(withStderr(() -> TroubleshootingGuide.readPicture(text, 10_000), err)).isEmpty();
        assertThat(err.get()).contains("notes.jpg");
        assertThat(withStderr(() -> TroubleshootingGuide.readPicture(dir.resolve("gone.png"), 10_000), err)).isEmpty();
        assertThat(err.get()).contains("gone.png: file not found");
    }

    @Test
    void weightsAreDescribedAndAHostilePickleIsRefusedWithoutRunningIt() throws IOException {
        assertThat(TroubleshootingGuide.describeWeights(vgg)).isEqualTo("a safetensors file with 12 tensors");

        // What a malicious torch.save file looks like: data.pkl asks for posix.system("touch MARKER").
        Path marker = dir.resolve("pwned");
        String command = "touch " + marker;
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2});
        pickle.writeBytes("cposix\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        byte[] text = command.getBytes(StandardCharsets.UTF_8);
        pickle.write('X');
        pickle.writeBytes(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(text.length).array());
        pickle.writeBytes(text);
        pickle.write(new byte[] {(byte) 0x85, 'R', '.'});
        Path hostile = dir.resolve("hostile.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(hostile))) {
            zip.putNextEntry(new ZipEntry("hostile/data.pkl"));
            zip.write(pickle.toByteArray());
            zip.closeEntry();
        }
        assertThat(TroubleshootingGuide.describeWeights(hostile))
                .startsWith("refused: unsafe PyTorch checkpoint")
                .contains("posix.system")
                .contains("never code");
        assertThat(marker).doesNotExist();

        Path notAModel = Files.writeString(dir.resolve("readme.pth"), "hello");
        assertThat(TroubleshootingGuide.describeWeights(notAModel))
                .startsWith("refused: ").contains("is not a model file Brushwork reads");
    }

    @Test
    void aFileThatIsNotThePublishedOneFailsItsCheck() throws IOException {
        Path impostor = Files.writeString(dir.resolve("vgg19-dcbb9e9d.pth"), "short");
        AtomicReference<String> err = new AtomicReference<>();
        assertThat(withStderr(() -> TroubleshootingGuide.matchesCatalogue(impostor, "vgg19"), err)).isFalse();
        assertThat(err.get()).contains("expected 574673361 bytes, got 5 bytes");
        // No checksum is published for the DCGAN: any file passes until its hash is recorded.
        assertThat(TroubleshootingGuide.matchesCatalogue(impostor, "dcgan-fashiongen")).isTrue();
    }

    @Test
    void offlineAMissingModelSaysWhereToPutItAndAPlacedFileIsUsed() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path cache = dir.resolve("cache");
        assertThatThrownBy(() -> TroubleshootingGuide.resolveOffline("dcgan-fashiongen", models, cache))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model 'dcgan-fashiongen' is not available offline")
                .hasMessageContaining("https://dl.fbaipublicfiles.com/gan_zoo/DCGAN_fashionGen-1d67302.pth")
                .hasMessageContaining(models.resolve("DCGAN_fashionGen-1d67302.pth") + " (local models folder)");
        assertThat(cache).doesNotExist();

        Path placed = NetworkFixtures.dcgan(models.resolve("DCGAN_fashionGen-1d67302.pth"), 8, 4, 6);
        assertThat(TroubleshootingGuide.resolveOffline("dcgan-fashiongen", models, cache)).isEqualTo(placed);
    }

    @Test
    void aFailedDownloadNamesTheUrlAndStatus() throws IOException {
        Path catalogue = Files.writeString(dir.resolve("mine.ini"), "[mine]\n"
                + "url = " + server.uri("/models/mine.safetensors") + "\n"
                + "architecture = vgg19\n");
        ModelZoo zoo = ModelZoo.builder()
                .catalog(ModelCatalog.load(catalogue))
                .cacheDir(dir.resolve("download-cache"))
                .maxAttempts(1)
                .build();
        AtomicReference<String> err = new AtomicReference<>();
        assertThat(withStderr(() -> TroubleshootingGuide.fetch(zoo, "mine"), err)).isEmpty();
        assertThat(err.get()).contains("/models/mine.safetensors: HTTP 404");
    }

    @Test
    void weightsWithoutTheDefaultLayersFailNamingTheLayersTheyLack() {
        StyleTransfer defaults = StyleTransfer.builder().content(content).style(style)
                .featureExtractor(Vgg19.fromFile(vgg, Preprocessing.CAFFE))
                .size(32).iterations(1).device(Device.cpu()).build();
        assertThatThrownBy(defaults::run).isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot serve layers up to relu5_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgs", "adam"})
    void anOverflowingLossStopsEitherOptimizer(String optimizer) {
        StyleTransfer overflow = StyleTransfer.builder().content(content).style(style)
                .featureExtractor(Vgg19.fromFile(vgg, Preprocessing.CAFFE))
                .contentLayers("relu2_1").styleLayers("relu1_1")
                .weights(Weights.of(5, 1e300, 1e-3))
                .optimizer(optimizer.equals("adam") ? Optimizer.adam(10) : Optimizer.lbfgs())
                .size(32).iterations(2).device(Device.cpu()).build();
        assertThatThrownBy(overflow::run).isInstanceOf(EngineException.class)
                .hasMessageContaining("the loss became");
    }

    @Test
    void theCommandLineExitsWithZeroOneOrTwo() {
        String out = dir.resolve("cli.png").toString();
        String[] common = {"--style", style.toString(), "--out", out, "--vgg", vgg.toString(),
                "--content-layers", "relu2_1", "--style-layers", "relu1_1", "--size", "32", "--quiet"};
        assertThat(BrushworkCli.execute(concat(new String[] {"stylize", "--content", content.toString(),
                "--iterations", "2"}, common))).isEqualTo(0);
        assertThat(BrushworkCli.execute(concat(new String[] {"stylize", "--content", dir.resolve("gone.jpg").toString(),
                "--iterations", "2"}, common))).isEqualTo(1);
        assertThat(BrushworkCli.execute(concat(new String[] {"stylize", "--content", content.toString(),
                "--iterations", "0"}, common))).isEqualTo(2);
        assertThat(BrushworkCli.execute("stylize", "--no-such-option")).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
