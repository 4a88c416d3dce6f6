// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import static io.brushwork.samples.cli.StylizeCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.brushwork.Device;
import io.brushwork.Generator;
import io.brushwork.Images;
import io.brushwork.Interpolation;
import io.brushwork.Latent;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.samples.cli.StylizeCommandTest.Run;
import io.brushwork.testing.PictureDifference;
import io.brushwork.zoo.NpyWriter;
import io.brushwork.zoo.NpyArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    static final int NZ = 16;

    @TempDir
    static Path dir;
    static Path network;
    static Generator generator;

    @BeforeAll
    static void fixtures() {
        network = NetworkFixtures.dcgan(dir.resolve("dcgan.safetensors"), NZ, 4, 3);
        generator = Generator.fromFile(network, NetworkOptions.builder().device(Device.cpu()).build());
    }

    @AfterAll
    static void close() {
        generator.close();
    }

    static List<String> base(Path out, String... source) {
        List<String> args = new ArrayList<>(List.of("generate", "--model", network.toString(), "--out", out.toString(),
                "--device", "cpu"));
        args.addAll(List.of(source));
        return args;
    }

    static Run run(List<String> args) {
        return cli(args.toArray(String[]::new));
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static RgbImage picture(Path folder, int i) {
        return Images.read(folder.resolve(String.format("%04d.png", i)));
    }

    @Test
    void samplesSeededLatents() throws IOException {
        Path out = dir.resolve("sampled");
        Run run = run(base(out, "--count", "5", "--seed", "7"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(names(out)).containsExactly("0000.png", "0001.png", "0002.png", "0003.png", "0004.png");
        List<RgbImage> expected = generator.sample(5, 7);
        for (int i = 0; i < 5; i++) {
            assertThat(picture(out, i)).isEqualTo(expected.get(i).quantized());
        }
        assertThat(PictureDifference.mean(picture(out, 0), picture(out, 1))).isGreaterThan(1);
        assertThat(run.out()).containsPattern("generated 5 pictures \\(64x64\\) into " + out
                + " in \\d+ ms on PyTorch, cpu \\(model loaded in \\d+ ms\\)");

        Path again = dir.resolve("sampled-again");
        assertThat(run(base(again, "--seed", "7", "--count", "5", "--quiet")).out()).isEmpty();
        assertThat(picture(again, 4)).isEqualTo(picture(out, 4));
    }

    @Test
    void generatesOnePicturePerRowOfANpyFile() throws IOException {
        List<Latent> latents = Latent.random(NZ, 3, 99);
        float[][] rows = latents.stream().map(Latent::values).toArray(float[][]::new);
        Path z = dir.resolve("z.npy");
        NpyWriter.writeMatrix(z, rows);
        Path out = dir.resolve("from-file");

        Run run = run(base(out, "--latent", z.toString(), "--quiet"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(names(out)).hasSize(3);
        List<RgbImage> expected = generator.generate(latents);
        for (int i = 0; i < 3; i++) {
            assertThat(picture(out, i)).isEqualTo(expected.get(i).quantized());
        }

        // PyTorch's latent shape, (N, nz, 1, 1), reads as (N, nz).
        float[] flat = new float[3 * NZ];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(rows[r], 0, flat, r * NZ, NZ);
        }
        Path torch = dir.resolve("z-torch.npy");
        NpyWriter.write(torch, NpyArray.of(new long[] {3, NZ, 1, 1}, flat));
        Path torchOut = dir.resolve("from-torch-file");
        assertThat(run(base(torchOut, "--latent", torch.toString(), "--quiet")).code()).isZero();
        assertThat(picture(torchOut, 2)).isEqualTo(picture(out, 2));
    }

    @Test
    void interpolatesBetweenTheFirstTwoLatentsWithAContactSheet() throws IOException {
        Path linear = dir.resolve("linear");
        Path sheet = dir.resolve("sheets/linear.png");
        Run run = run(base(linear, "--count", "2", "--seed", "1", "--interpolate", "5", "--sheet", sheet.toString()));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(names(linear)).hasSize(5);
        List<Latent> ends = Latent.random(NZ, 2, 1);
        List<RgbImage> expected = generator.interpolate(ends.get(0), ends.get(1), 5, Interpolation.LINEAR);
        for (int i = 0; i < 5; i++) {
            assertThat(picture(linear, i)).isEqualTo(expected.get(i).quantized());
        }
        // Five 64x64 pictures on a 3-column grid with 2-pixel gaps.
        RgbImage contact = Images.read(sheet);
        assertThat(contact.width()).isEqualTo(3 * 64 + 4 * 2);
        assertThat(contact.height()).isEqualTo(2 * 64 + 3 * 2);
        assertThat(contact.sample(0, 2 + 64 + 2 + 10, 2 + 10)).isEqualTo(picture(linear, 1).sample(0, 10, 10));
        assertThat(run.out()).contains("contact sheet " + sheet);

        Path spherical = dir.resolve("spherical");
        assertThat(run(base(spherical, "--count", "2", "--seed", "1", "--interpolate", "5", "--spherical", "--quiet"))
                .code()).isZero();
        List<RgbImage> slerp = generator.interpolate(ends.get(0), ends.get(1), 5, Interpolation.SPHERICAL);
        assertThat(picture(spherical, 2)).isEqualTo(slerp.get(2).quantized());
        assertThat(picture(spherical, 2)).isNotEqualTo(picture(linear, 2));
        assertThat(picture(spherical, 0)).isEqualTo(picture(linear, 0));
        assertThat(picture(spherical, 4)).isEqualTo(picture(linear, 4));
    }

    @Test
    void interpolatesBetweenLatentsFromAFile() throws IOException {
        List<Latent> latents = Latent.random(NZ, 2, 5);
        Path z = dir.resolve("ends.npy");
        NpyWriter.writeMatrix(z, latents.stream().map(Latent::values).toArray(float[][]::new));
        Path out = dir.resolve("file-walk");
        assertThat(run(base(out, "--latent", z.toString(), "--interpolate", "3", "--quiet")).code()).isZero();
        assertThat(picture(out, 1))
                .isEqualTo(generator.generate(latents.get(0).add(latents.get(1)).scale(0.5)).quantized());
    }

    @Test
    void aLatentSizeMismatchNamesBothSizes() {
        Path z = dir.resolve("small-z.npy");
        NpyWriter.writeMatrix(z, new float[][] {{1, 2, 3, 4, 5, 6, 7, 8}});
        Path out = dir.resolve("mismatch");
        Run run = run(base(out, "--latent", z.toString()));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("brushwork:").contains("small-z.npy")
                .contains("latents of size 8 (read as shape (1, 8))").contains("latents of size 16");
        assertThat(out).doesNotExist();
    }

    @Test
    void badLatentFilesExitWithOne() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.npy"), "not numpy");
        Run run = run(base(dir.resolve("junk-out"), "--latent", junk.toString()));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("malformed .npy file").contains("junk.npy");

        Path nan = dir.resolve("nan.npy");
        float[][] rows = {new float[NZ], new float[NZ]};
        rows[1][3] = Float.NaN;
        NpyWriter.writeMatrix(nan, rows);
        run = run(base(dir.resolve("nan-out"), "--latent", nan.toString()));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("row 1 holds NaN");

        Path one = dir.resolve("one.npy");
        NpyWriter.writeMatrix(one, new float[][] {new float[NZ]});
        run = run(base(dir.resolve("one-out"), "--latent", one.toString(), "--interpolate", "4"));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("holds 1 latent; --interpolate needs two");

        run = run(base(dir.resolve("absent-out"), "--latent", dir.resolve("absent.npy").toString()));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("absent.npy");
    }

    @Test
    void latentFilesOfAnotherRankAreRefusedNamingTheirShape() throws IOException {
        long[][] shapes = {{NZ}, {2, NZ, 3}, {1, 2, NZ}, {}};
        for (long[] shape : shapes) {
            int size = 1;
            for (long d : shape) {
                size *= (int) d;
            }
            Path z = dir.resolve("rank-" + shape.length + ".npy");
            NpyWriter.write(z, NpyArray.of(shape, new float[size]));
            Path out = dir.resolve("rank-" + shape.length + "-out");
            Run run = run(base(out, "--latent", z.toString()));
            String described = shape.length == 1 ? "(" + NZ + ",)"
                    : "(" + String.join(", ", java.util.Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
            assertThat(run.code()).as(described).isEqualTo(1);
            assertThat(run.err()).contains(z.toString()).contains("got shape " + described);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void anOutputThatIsAnInputIsRefused() throws IOException {
        // A latent file may be called anything; the outputs must still not replace it.
        Path z = dir.resolve("latents.png");
        NpyWriter.writeMatrix(z, new float[][] {new float[NZ], new float[NZ]});
        byte[] latents = Files.readAllBytes(z);
        Run run = run(base(dir.resolve("sheet-case"), "--latent", z.toString(), "--sheet", z.toString()));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("brushwork: --sheet: " + z + ": this is the input " + z);

        Path out = Files.createDirectories(dir.resolve("numbered-case"));
        Path inside = Files.createLink(out.resolve("0001.png"), z);
        run = run(base(out, "--latent", z.toString()));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("brushwork: --out: " + inside + ": this is the input " + z);
        assertThat(Files.readAllBytes(z)).isEqualTo(latents);
        assertThat(out.resolve("0000.png")).doesNotExist();
    }

    @Test
    void badUsageExitsWithTwo() throws IOException {
        Path out = dir.resolve("never");
        Path z = dir.resolve("usage-z.npy");
        NpyWriter.writeMatrix(z, new float[][] {new float[NZ], new float[NZ]});
        Path file = Files.writeString(dir.resolve("a-file"), "");
        String[][] cases = {
                {},
                {"--count", "3"},
                {"--seed", "3"},
                {"--count", "3", "--seed", "1", "--latent", z.toString()},
                {"--seed", "1", "--latent", z.toString()},
                {"--count", "0", "--seed", "1"},
                {"--count", "1", "--seed", "1", "--interpolate", "4"},
                {"--count", "2", "--seed", "1", "--interpolate", "1"},
                {"--count", "2", "--seed", "1", "--spherical"},
                {"--count", "2", "--seed", "1", "--arch", "engstrom"},
                {"--count", "2", "--seed", "1", "--sheet", "sheet.webp"},
                {"--count", "2", "--seed", "1", "--device", "gpu:-1"},
        };
        for (String[] c : cases) {
            Run run = run(base(out, c));
            assertThat(run.code()).as(String.join(" ", c) + "\n" + run.err()).isEqualTo(2);
        }
        assertThat(run(base(file, "--count", "2", "--seed", "1")).err()).contains("is a file, not a folder");
        assertThat(run(base(out, "--count", "1", "--seed", "1", "--interpolate", "4")).err())
                .contains("--count must be at least 2 with --interpolate");
        assertThat(run(base(out, "--count", "2", "--seed", "1", "--spherical")).err())
                .contains("--spherical applies to --interpolate only");
        assertThat(run(base(out, "--count", "3")).err()).contains("--seed");
        assertThat(run(base(out, "--count", "3", "--seed", "1", "--latent", z.toString())).err())
                .contains("expected only one match");

        List<String> zoo = base(out, "--count", "2", "--seed", "1");
        zoo.set(zoo.indexOf(network.toString()), "cyclegan-horse2zebra");
        Run run = run(zoo);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not a generator; use 'brushwork translate'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTranslatorFileIsRefused() {
        Path engstrom = NetworkFixtures.engstrom(dir.resolve("style.safetensors"), 4, 1);
        List<String> args = base(dir.resolve("style-out"), "--count", "2", "--seed", "1");
        args.set(args.indexOf(network.toString()), engstrom.toString());
        Run run = run(args);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("translator").contains("style.safetensors");
    }
}
