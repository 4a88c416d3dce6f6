// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFilesTest {
    @TempDir
    Path dir;
    Path photo;
    byte[] original;

    @BeforeEach
    void photo() throws IOException {
        photo = dir.resolve("photo.png");
        Images.write(RgbImage.filled(8, 6, 10, 200, 30), photo);
        original = Files.readAllBytes(photo);
    }

    private void refused(Path output) {
        assertThatThrownBy(() -> OutputFiles.requireNotAnInput(output, List.of(dir.resolve("other.png"), photo)))
                .isInstanceOf(ImageWriteException.class)
                .hasMessageStartingWith(output + ": ")
                .hasMessageContaining("the input " + photo);
    }

    @Test
    void theInputThroughAnyPathIsRefused() throws IOException {
        refused(photo);
        refused(dir.resolve("sub/../photo.png"));
        refused(Files.createSymbolicLink(dir.resolve("link.png"), photo));
        refused(Files.createLink(dir.resolve("hard.png"), photo));
        Path folderLink = Files.createSymbolicLink(dir.resolve("folder-link"), dir);
        refused(folderLink.resolve("photo.png"));
    }

    @Test
    void otherFilesPass() throws IOException {
        Path copy = Files.copy(photo, dir.resolve("copy.png"));
        assertThatCode(() -> OutputFiles.requireNotAnInput(copy, List.of(photo))).doesNotThrowAnyException();
        assertThatCode(() -> OutputFiles.requireNotAnInput(dir.resolve("new.png"), List.of(photo)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OutputFiles.requireNotAnInput(photo, List.of())).doesNotThrowAnyException();
    }

    @Test
    void filesNotThereYetCompareByTheirResolvedPaths() throws IOException {
        Path gone = dir.resolve("gone/picture.png");
        Path folderLink = Files.createSymbolicLink(dir.resolve("alias"), dir);
        assertThatThrownBy(() -> OutputFiles.requireNotAnInput(folderLink.resolve("gone/../gone/picture.png"),
                List.of(gone))).isInstanceOf(ImageWriteException.class);
        assertThatCode(() -> OutputFiles.requireNotAnInput(dir.resolve("gone/other.png"), List.of(gone)))
                .doesNotThrowAnyException();
    }

    @Test
    void writingWithInputsRefusesBeforeTouchingTheFile() throws IOException {
        RgbImage result = RgbImage.filled(8, 6, 0, 0, 0);
        Path link = Files.createSymbolicLink(dir.resolve("result.png"), photo);
        assertThatThrownBy(() -> Images.write(result, link, List.of(photo)))
                .isInstanceOf(ImageWriteException.class).hasMessageContaining(photo.toString());
        assertThat(Files.readAllBytes(photo)).isEqualTo(original);
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path out = dir.resolve("out/result.png");
        Images.write(result, out, List.of(photo));
        assertThat(Images.read(out)).isEqualTo(result);
    }
}
