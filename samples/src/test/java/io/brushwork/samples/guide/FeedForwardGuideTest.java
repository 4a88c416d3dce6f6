// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import io.brushwork.Generator;
import io.brushwork.Images;
import io.brushwork.Latent;
import io.brushwork.RgbImage;
import io.brushwork.samples.StandardStreams;
import io.brushwork.samples.TranslateSample;
import io.brushwork.samples.cli.NetworkFixtures;
import io.brushwork.zoo.testing.LocalHttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the code of docs/feed-forward.md on small seeded networks, zoo ids served from a local catalogue. */
class FeedForwardGuideTest {
    @TempDir
    static Path dir;
    static Path engstrom;
    static Path dcgan;

    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @BeforeAll
    static void networks() {
        engstrom = NetworkFixtures.engstrom(dir.resolve("engstrom.safetensors"), 4, 5);
        dcgan = NetworkFixtures.dcgan(dir.resolve("dcgan.safetensors"), 8, 4, 6);
    }

    @Test
    void translateSampleTakesAZooIdToo() throws IOException {
        Path photo = dir.resolve("photo.png");
        Images.write(NetworkFixtures.picture(37, 29, 2), photo);
        Path out = dir.resolve("photo-zoo.png");

        String printed = ZooFixtures.withDefaultZoo(server, dir, "tiny-style", engstrom, "engstrom",
                () -> StandardStreams.out(() -> TranslateSample.main(
                        new String[] {"tiny-style", photo.toString(), out.toString()})));

        assertThat(printed).contains("ENGSTROM on PYTORCH, cpu");
        RgbImage painted = Images.read(out);
        assertThat(painted.width()).isEqualTo(37);
        assertThat(painted.height()).isEqualTo(29);
        assertThat(painted).isNotEqualTo(Images.read(photo));
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void translateAllKeepsOrderAndEachPicturesSize() throws IOException {
        List<RgbImage> pictures = List.of(NetworkFixtures.picture(48, 36, 1), NetworkFixtures.picture(37, 29, 2),
                NetworkFixtures.picture(48, 36, 3));

        List<RgbImage> out = ZooFixtures.withDefaultZoo(server, dir, "tiny-cycle", engstrom, "engstrom",
                () -> FeedForwardGuide.translateAll("tiny-cycle", pictures));

        assertThat(out).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(out.get(i).width()).isEqualTo(pictures.get(i).width());
            assertThat(out.get(i).height()).isEqualTo(pictures.get(i).height());
            assertThat(out.get(i).quantized()).isNotEqualTo(pictures.get(i).quantized());
        }
        // The two same-size pictures went through one batch and still got their own results.
        assertThat(out.get(0).quantized()).isNotEqualTo(out.get(2).quantized());
    }

    @Test
    void sampleSheetTilesSixteenPicturesAndRepeatsWithItsSeed() throws IOException {
        Path first = dir.resolve("samples-1.png");
        Path second = dir.resolve("samples-2.png");

        String printed = StandardStreams.out(() -> FeedForwardGuide.sampleSheet(dcgan, first));
        FeedForwardGuide.sampleSheet(dcgan, second);

        assertThat(printed).contains("8-component latents");
        RgbImage sheet = Images.read(first);
        assertThat(sheet.width()).isEqualTo(4 * 64 + 5 * 2);
        assertThat(sheet.height()).isEqualTo(4 * 64 + 5 * 2);
        assertThat(cell(sheet, 0, 0)).isNotEqualTo(cell(sheet, 0, 1));
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void linearAndSphericalWalksShareTheirEndsOnly() {
        try (Generator gan = Generator.fromFile(dcgan)) {
            RgbImage sheet = FeedForwardGuide.linearAndSpherical(gan, 7);

            assertThat(sheet.width()).isEqualTo(9 * 64 + 10 * 2);
            assertThat(sheet.height()).isEqualTo(2 * 64 + 3 * 2);
            for (int column : new int[] {0, 8}) {
                assertThat(cell(sheet, 0, column)).as("column %d", column).isEqualTo(cell(sheet, 1, column));
            }
            assertThat(cell(sheet, 0, 4)).isNotEqualTo(cell(sheet, 1, 4));
            assertThat(cell(sheet, 0, 0)).isNotEqualTo(cell(sheet, 0, 8));
        }
    }

    @Test
    void latentArithmeticMakesAPictureOfItsOwn() {
        try (Generator gan = Generator.fromFile(dcgan)) {
            List<Latent> women = Latent.random(8, 3, 1);
            List<Latent> neutral = Latent.random(8, 3, 2);
            List<Latent> men = Latent.random(8, 3, 3);

            RgbImage picture = FeedForwardGuide.smilingMan(gan, women, neutral, men);

            assertThat(picture.width()).isEqualTo(64);
            assertThat(picture.height()).isEqualTo(64);
            for (List<Latent> concept : List.of(women, neutral, men)) {
                assertThat(picture.quantized()).isNotEqualTo(gan.generate(Latent.mean(concept)).quantized());
            }
        }
    }

    /** One 64-pixel picture of a sheet with 2-pixel gaps between and around them. */
    private static RgbImage cell(RgbImage sheet, int row, int column) {
        return sheet.crop(2 + column * 66, 2 + row * 66, 64, 64).quantized();
    }
}
