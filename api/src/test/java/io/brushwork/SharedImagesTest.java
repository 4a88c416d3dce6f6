// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Reads the real pictures of the shared data directory; skipped where it is absent. */
class SharedImagesTest {
    private static final Map<String, int[]> SIZES = Map.ofEntries(
            Map.entry("content/astronaut.png", new int[] {512, 512}),
            Map.entry("content/chelsea.png", new int[] {451, 300}),
            Map.entry("content/coffee.png", new int[] {600, 400}),
            Map.entry("content/rocket.jpg", new int[] {640, 427}),
            Map.entry("content/tubingen.jpg", new int[] {1024, 768}),
            Map.entry("style/brick.png", new int[] {512, 512}),
            Map.entry("style/gravel.png", new int[] {512, 512}),
            Map.entry("style/shipwreck.jpg", new int[] {960, 662}),
            Map.entry("style/starry_night.jpg", new int[] {1024, 640}),
            Map.entry("style/the_scream.jpg", new int[] {1200, 1528}),
            Map.entry("style/woman-with-hat-matisse.jpg", new int[] {591, 800}));
    private static final Set<String> GREY = Set.of("style/brick.png", "style/gravel.png");

    /** The {@code brushwork.shared} property, else {@code shared} beside the module or beside the repository. */
    private static Optional<Path> imagesDir() {
        Stream<String> candidates = Stream.of(System.getProperty("brushwork.shared"), "../shared", "../../shared");
        return candidates.filter(c -> c != null && !c.isBlank())
                .map(c -> Path.of(c, "images"))
                .filter(Files::isDirectory)
                .findFirst();
    }

    @TestFactory
    Stream<DynamicTest> everySharedPictureReads() throws IOException {
        Optional<Path> images = imagesDir();
        assumeTrue(images.isPresent(), "no shared images directory");
        Path root = images.get();
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (String group : new String[] {"content", "style"}) {
            Path folder = root.resolve(group);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String key = group + "/" + file.getFileName();
                    tests.add(DynamicTest.dynamicTest(key, () -> check(key, file)));
                });
            }
        }
        return tests.build();
    }

    private static void check(String key, Path file) throws IOException {
        RgbImage image = Images.read(file);

        assertThat(image.width()).isPositive();
        assertThat(image.height()).isPositive();
        int[] size = SIZES.get(key);
        if (size != null) {
            assertThat(new int[] {image.width(), image.height()}).as(key).containsExactly(size);
        }
        if (GREY.contains(key)) {
            assertGreyMatchesFileSamples(file, image);
        }
    }

    /** Three equal channels holding the levels stored in the file, not Java's "linear grey" reading of them. */
    private static void assertGreyMatchesFileSamples(Path file, RgbImage image) throws IOException {
        BufferedImage raw = ImageIO.read(file.toFile());
        assertThat(raw.getRaster().getNumBands()).isEqualTo(1);
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 5) {
                float level = raw.getRaster().getSample(x, y, 0);
                assertThat(image.sample(0, x, y)).isEqualTo(level);
                assertThat(image.sample(1, x, y)).isEqualTo(level);
                assertThat(image.sample(2, x, y)).isEqualTo(level);
            }
        }
    }
}
