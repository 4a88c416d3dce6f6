// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brushwork.Images;
import io.brushwork.RgbImage;
import io.brushwork.samples.StandardStreams;
import io.brushwork.zoo.testing.VggFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StylizeCommandTest {
    @TempDir
    static Path dir;
    static Path content;
    static Path style;
    static Path vgg;

    @BeforeAll
    static void fixtures() {
        float[] p = new float[3 * 48 * 36];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i * 37) % 256;
        }
        content = dir.resolve("content.png");
        Images.write(RgbImage.of(48, 36, p), content);
        style = dir.resolve("style.png");
        Images.write(RgbImage.filled(40, 40, 200, 40, 90), style);
        vgg = VggFixture.write(dir.resolve("vgg.safetensors"), "conv2_1", 1);
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StandardStreams.Captured<Integer> run = StandardStreams.capture(() -> BrushworkCli.execute(args));
        return new Run(run.value(), run.out(), run.err());
    }

    List<String> base(Path out) {
        return new ArrayList<>(List.of("stylize", "--content", content.toString(), "--style", style.toString(),
                "--vgg", vgg.toString(), "--content-layers", "relu2_1", "--style-layers", "relu1_1,relu2_1:0.5",
                "--size", "32", "--iterations", "4", "--device", "cpu", "--out", out.toString()));
    }

    @Test
    void stylizesAndWritesAReport() throws Exception {
        Path out = dir.resolve("out.png");
        Path report = dir.resolve("reports/run.json");
        List<String> args = base(out);
        args.addAll(List.of("--report", report.toString(), "--save-every", "2", "--quiet"));
        Run run = cli(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        RgbImage picture = Images.read(out);
        assertThat(picture.width()).isEqualTo(32);
        assertThat(picture.height()).isEqualTo(24);
        assertThat(dir.resolve("out-0002.png")).exists();
        assertThat(dir.resolve("out-0004.png")).exists();
        JsonObject json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        for (String key : List.of("iterations", "seconds", "secondsPerIteration", "contentLoss", "styleLoss",
                "tvLoss", "device", "engine")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("iterations").getAsInt()).isEqualTo(4);
        assertThat(json.get("device").getAsString()).isEqualTo("cpu");
        assertThat(json.get("engine").getAsString()).contains("PyTorch");
    }

    @Test
    void showsProgressAndASummary() {
        Run run = cli(base(dir.resolve("progress.png")).toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote").contains("s/iteration");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(cli("stylize", "--content", content.toString()).code()).isEqualTo(2);
        List<String> args = base(dir.resolve("x.png"));
        args.addAll(List.of("--optimizer", "sgd"));
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--optimizer");
        args = base(dir.resolve("x.png"));
        args.addAll(List.of("--style-layers", "relu7_1"));
        run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("relu7_1");
        args = base(dir.resolve("x.png"));
        args.addAll(List.of("--style-blend", "0.5,0.5"));
        assertThat(cli(args.toArray(String[]::new)).code()).isEqualTo(2);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void failuresExitWithOneAndAOneLineMessage() throws Exception {
        Path junk = dir.resolve("junk.png");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        List<String> args = base(dir.resolve("y.png"));
        args.set(args.indexOf(content.toString()), junk.toString());
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("brushwork:").contains("junk.png").doesNotContain("\n\tat ");

        args = base(dir.resolve("y.png"));
        args.set(args.indexOf("relu2_1"), "relu3_1");
        run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("conv3_1");
        assertThat(dir.resolve("y.png")).doesNotExist();

        args.add("--verbose");
        assertThat(cli(args.toArray(String[]::new)).err()).contains("\tat ");
    }

    /** Arguments whose run would fail (relu3_1 is beyond the weights): a usage error must come first. */
    List<String> unrunnable(Path out) {
        List<String> args = base(out);
        args.set(args.indexOf("relu2_1"), "relu3_1");
        return args;
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeTheOptimisation() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path photo = Files.copy(content, inputs.resolve("photo.png"));
        Path painting = Files.copy(style, inputs.resolve("painting.png"));
        Path mask = Files.copy(style, inputs.resolve("mask.png"));
        Path start = Files.copy(content, inputs.resolve("start.png"));
        Path numbered = Files.copy(content, inputs.resolve("result-0002.png"));
        byte[] photoBytes = Files.readAllBytes(photo);
        for (Path input : List.of(photo, painting, mask, start, Files.createSymbolicLink(dir.resolve("alias.png"), photo))) {
            List<String> args = unrunnable(input);
            args.set(args.indexOf(content.toString()), photo.toString());
            args.set(args.indexOf(style.toString()), painting.toString());
            args.addAll(List.of("--mask", mask.toString(), "--init", start.toString()));
            Run run = cli(args.toArray(String[]::new));
            assertThat(run.code()).as(input + "\n" + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("brushwork: --out: " + input + ": this is the input ");
        }
        assertThat(Files.readAllBytes(photo)).isEqualTo(photoBytes);

        List<String> args = unrunnable(dir.resolve("report-case.png"));
        args.addAll(List.of("--report", content.toString()));
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--report: " + content + ": this is the input " + content);

        args = unrunnable(inputs.resolve("result.png"));
        args.set(args.indexOf(content.toString()), numbered.toString());
        args.addAll(List.of("--save-every", "2"));
        run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--save-every: " + numbered + ": this is the input " + numbered);
        assertThat(inputs.resolve("result.png")).doesNotExist();
    }

    @Test
    void aBadOutputExtensionIsAUsageErrorBeforeAnything() throws Exception {
        Path junk = Files.write(dir.resolve("unreadable.png"), new byte[] {1, 2, 3});
        List<String> args = unrunnable(dir.resolve("result.webp"));
        args.set(args.indexOf(content.toString()), junk.toString());
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "brushwork: --out: " + dir.resolve("result.webp") + " must end in .png, .jpg or .jpeg",
                "Try 'brushwork stylize --help' for more information.");
    }

    @Test
    void usageErrorsAreOneLineAndTheWayToTheHelp() {
        List<String> args = base(dir.resolve("never.png"));
        args.addAll(List.of("--style-layers", "relu7_1"));
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "brushwork: invalid option styleLayers: unknown VGG-19 layer 'relu7_1'; use names like relu1_1,"
                        + " conv4_2, pool3",
                "Try 'brushwork stylize --help' for more information.");

        run = cli("stylize", "--content", content.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("Usage:").startsWith("brushwork: Missing required options")
                .endsWith("Try 'brushwork stylize --help' for more information.\n");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void vggMayBeAZooIdAndOfflineMissingWeightsSayWhereToPutThem() {
        List<String> args = base(dir.resolve("z.png"));
        args.set(args.indexOf(vgg.toString()), "no-such-model");
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("neither a file nor a model zoo id");

        args.set(args.indexOf("no-such-model"), "vgg19");
        System.setProperty("brushwork.offline", "true");
        System.setProperty("brushwork.cache", dir.resolve("empty-cache").toString());
        try {
            run = cli(args.toArray(String[]::new));
        } finally {
            System.clearProperty("brushwork.offline");
            System.clearProperty("brushwork.cache");
        }
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("vgg19-dcbb9e9d.pth").contains("empty-cache");
        assertThat(dir.resolve("z.png")).doesNotExist();
    }

    @Test
    void refinementFlagsReachTheRun() {
        Path out = dir.resolve("refined.png");
        Path mask = dir.resolve("mask.png");
        float[] m = new float[3 * 48 * 36];
        java.util.Arrays.fill(m, 0, 48 * 36 / 2, 255f);
        Images.write(RgbImage.of(48, 36, m), mask);
        List<String> args = base(out);
        args.set(args.indexOf("--iterations") + 1, "2,2");
        args.remove(args.indexOf("--size") + 1);
        args.remove("--size");
        args.addAll(List.of("--scales", "24,32", "--style-scale", "0.5", "--preserve-colors", "luminance",
                "--tile-size", "64", "--mask", mask.toString(), "--histogram-weight", "10", "--histogram-layers", "relu1_1",
                "--pooling", "average", "--normalize-gradients", "--style-cache", dir.resolve("styles").toString(), "--quiet"));
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Images.read(out).width()).isEqualTo(32);
        assertThat(dir.resolve("styles")).isDirectoryContaining(p -> p.toString().endsWith(".safetensors"));
        args.set(args.indexOf("luminance"), "sepia");
        Run bad = cli(args.toArray(String[]::new));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--preserve-colors");
    }
}
