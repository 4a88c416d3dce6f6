// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size limit and the caller's exceptions; {@code ImagesTest} covers directories, FIFOs, devices and links. */
class RegularFilesTest {
    @TempDir
    Path dir;

    /** A caller's own exception type, to show that it is the one thrown. */
    static final class CallerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private Path file(int size) throws IOException {
        return Files.write(dir.resolve(size + ".bin"), new byte[size]);
    }

    @Test
    void readsAFileUpToTheLimit() throws IOException {
        Path file = Files.write(dir.resolve("ten.bin"), "0123456789".getBytes());

        assertThat(RegularFiles.read(file, 10, CallerException::new)).asString().isEqualTo("0123456789");
        assertThat(RegularFiles.read(file(0), 0, CallerException::new)).isEmpty();
    }

    @Test
    void refusesAFileOverTheLimit() throws IOException {
        Path file = file(11);

        assertThatThrownBy(() -> RegularFiles.read(file, 10, CallerException::new))
                .isExactlyInstanceOf(CallerException.class)
                .hasMessage(file + ": file is larger than 10 bytes")
                .hasNoCause();
    }

    @Test
    void readLimitHoldsWhenTheReportedSizeIsWrong() {
        // Linux reports the size of /proc files as 0, whatever they hold.
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status), "no /proc here");

        assertThat(RegularFiles.read(status, 1 << 20, CallerException::new)).asString().contains("Pid:");
        assertThatThrownBy(() -> RegularFiles.read(status, 10, CallerException::new))
                .isExactlyInstanceOf(CallerException.class)
                .hasMessageContaining("larger than 10 bytes");
    }

    @Test
    void missingFileGivesTheCallersExceptionWithTheCause() {
        Path missing = dir.resolve("missing.bin");

        assertThatThrownBy(() -> RegularFiles.read(missing, 10, CallerException::new))
                .isExactlyInstanceOf(CallerException.class)
                .hasMessage(missing + ": file not found")
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void directoryIsNamedAsSuch() {
        assertThatThrownBy(() -> RegularFiles.read(dir, 10, CallerException::new))
                .isExactlyInstanceOf(CallerException.class)
                .hasMessage(dir + ": is a directory, not a regular file");
    }

    @Test
    void limitMustBeAnArraySize() throws IOException {
        Path file = file(1);

        assertThatThrownBy(() -> RegularFiles.read(file, -1, CallerException::new))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegularFiles.read(file, Integer.MAX_VALUE, CallerException::new))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
