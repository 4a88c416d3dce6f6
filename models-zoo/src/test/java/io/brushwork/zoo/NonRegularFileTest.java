// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.RawTorchFile.floats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brushwork.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader of a file the user names refuses a directory, a FIFO or a device before opening
 * it: opening a FIFO blocks until something writes to it, and {@code /dev/zero} never ends. A
 * symbolic link to a good file still reads. The refusals run under a timeout, so a regression
 * fails instead of hanging the build.
 */
class NonRegularFileTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** A public entry point that reads a file, and how to make a good file for it. */
    enum Reader {
        WEIGHT_FILE(file -> WeightFile.open(file).close(), NonRegularFileTest::safetensors),
        DETECT(ModelFormat::detect, NonRegularFileTest::safetensors),
        SAFETENSORS(file -> SafetensorsFile.open(file).close(), NonRegularFileTest::safetensors),
        TORCH_CHECKPOINT(file -> TorchCheckpoint.open(file).close(), NonRegularFileTest::checkpoint),
        SHA256(ModelZoo::sha256, NonRegularFileTest::safetensors),
        CATALOGUE(ModelCatalog::load, file -> write(file, "# no models yet\n")),
        NPY(Npy::read, file -> {
            NpyWriter.write(file, NpyArray.of(new long[] {2}, new float[] {1, 2}));
            return file;
        });

        final Consumer<Path> read;
        final UnaryOperator<Path> good;

        Reader(Consumer<Path> read, UnaryOperator<Path> good) {
            this.read = read;
            this.good = good;
        }
    }

    private static Path safetensors(Path file) {
        return RawSafetensors.write(file, "{" + RawSafetensors.entry("a", "F32", "[2]", 0, 8) + "}", floats(1, 2));
    }

    private static Path checkpoint(Path file) {
        byte[] pickle = RawPickle.proto2().orderedDict().str("a").tensor("0", false, 2).op('s').stop().bytes();
        return RawTorchFile.checkpoint(file, pickle, Map.of("0", floats(1, 2)));
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Reader> readers() {
        return Stream.of(Reader.values());
    }

    private static void assertRefused(Reader reader, Path file, String kind) {
        assertTimeoutPreemptively(TIMEOUT, () -> assertThatThrownBy(() -> reader.read.accept(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a regular file: it is " + kind));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void directoryIsRefused(Reader reader) throws IOException {
        assertRefused(reader, Files.createDirectory(dir.resolve("weights.pth")), "a directory");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void fifoIsRefusedWithoutBlocking(Reader reader) throws Exception {
        Path fifo = dir.resolve("weights.fifo");
        boolean made;
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            made = mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        assertRefused(reader, fifo, "a FIFO");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void endlessDeviceIsRefused(Reader reader) {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertRefused(reader, zero, "a character device");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void symbolicLinkToAGoodFileStillReads(Reader reader) {
        Path good = reader.good.apply(dir.resolve("good"));
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, good);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        reader.read.accept(link);
        assertThat(link).isSymbolicLink();
    }

    @ParameterizedTest
    @MethodSource("readers")
    void missingFileIsNamed(Reader reader) {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> reader.read.accept(missing))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not found: " + missing);
    }
}
