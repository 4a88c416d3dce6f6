// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("new.bin");

        AtomicFile.write(target, new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(namesIn(dir)).containsExactly("new.bin");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old content, longer than the new");

        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(namesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void writesAnEmptyFile() throws IOException {
        Path target = dir.resolve("empty");

        AtomicFile.write(target, new byte[0]);

        assertThat(target).isRegularFile().isEmptyFile();
    }

    @Test
    void theBodyStreamsIntoAHiddenTemporaryFileBesideTheTarget() throws IOException {
        Path target = dir.resolve("model.bin");
        List<String> seen = new ArrayList<>();

        AtomicFile.write(target, channel -> {
            seen.addAll(namesIn(dir));
            for (int i = 0; i < 1000; i++) {
                ByteBuffer chunk = ByteBuffer.allocate(4).putInt(0, i);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
        });

        assertThat(seen).singleElement().satisfies(name -> assertThat(name).startsWith(".model.bin.").endsWith(".tmp"));
        ByteBuffer written = ByteBuffer.wrap(Files.readAllBytes(target));
        assertThat(written.remaining()).isEqualTo(4000);
        for (int i = 0; i < 1000; i++) {
            assertThat(written.getInt()).isEqualTo(i);
        }
        assertThat(namesIn(dir)).containsExactly("model.bin");
    }

    @Test
    void relativePathInWorkingDirectoryWorks() throws IOException {
        Path target = Path.of("target", "atomic-file-test-" + System.nanoTime() + ".txt");
        try {
            AtomicFile.write(target, "relative".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(target)).isEqualTo("relative");
        } finally {
            Files.deleteIfExists(target);
        }
    }

    @Test
    void failedMoveLeavesTheDestinationAndNoTemporaryFile() throws IOException {
        // A non-empty directory cannot be replaced by a file, so the final move fails.
        Path target = Files.createDirectory(dir.resolve("out.bin"));
        Files.writeString(target.resolve("keep.txt"), "precious");

        assertThatThrownBy(() -> AtomicFile.write(target, new byte[] {1}))
                .isInstanceOf(IOException.class);

        assertThat(namesIn(dir)).containsExactly("out.bin");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("precious");
    }

    @Test
    void aBodyThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> AtomicFile.write(target, channel -> {
            channel.write(ByteBuffer.wrap("partial".getBytes(StandardCharsets.UTF_8)));
            throw failure;
        })).isSameAs(failure);

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(namesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void anUncheckedFailureOfTheBodyIsThrownAsItIsAndCleanedUpAfter() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        IllegalStateException failure = new IllegalStateException("bad tensor");

        assertThatThrownBy(() -> AtomicFile.write(target, channel -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(namesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void aBodyThatClosesTheChannelFailsAndLeavesNothing() {
        Path target = dir.resolve("out.txt");

        assertThatThrownBy(() -> AtomicFile.write(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[] {1}));
            channel.close();
        })).isInstanceOf(ClosedChannelException.class);

        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void aMissingFolderIsNotCreated() {
        Path target = dir.resolve("missing").resolve("out.txt");

        assertThatThrownBy(() -> AtomicFile.write(target, new byte[] {1}))
                .isInstanceOf(NoSuchFileException.class);

        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void aPathWithoutAFileNameIsRefused() {
        Path root = dir.getRoot();

        assertThatThrownBy(() -> AtomicFile.write(root, new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a file name");
    }

    @Test
    void theFileGetsTheUmasksPermissionsNotOwnerOnlyOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path target = dir.resolve("atomic");

        AtomicFile.write(target, new byte[] {1});

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(usual);
    }

    @Test
    void moveReplacesTheTarget() throws IOException {
        Path source = Files.writeString(dir.resolve(".part"), "new");
        Path target = Files.writeString(dir.resolve("file"), "old");

        AtomicFile.move(source, target);

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(namesIn(dir)).containsExactly("file");
    }

    private static List<String> namesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
