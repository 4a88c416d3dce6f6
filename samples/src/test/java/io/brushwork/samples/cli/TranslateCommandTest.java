// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import static io.brushwork.samples.cli.StylizeCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brushwork.Device;
import io.brushwork.Images;
import io.brushwork.NetworkOptions;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.samples.cli.StylizeCommandTest.Run;
import io.brushwork.testing.PictureDifference;
import io.brushwork.testing.SharedData;
import io.brushwork.zoo.testing.GraphFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {
    @TempDir
    static Path dir;
    static Path network;
    static Path photo;
    static RgbImage expected;

    @BeforeAll
    static void fixtures() {
        network = NetworkFixtures.engstrom(dir.resolve("engstrom-4.safetensors"), 4, 11);
        photo = dir.resolve("photo.png");
        Images.write(NetworkFixtures.picture(37, 23, 1), photo);
        try (Translator t = Translator.fromFile(network, NetworkOptions.builder().device(Device.cpu()).build())) {
            expected = t.translate(Images.read(photo)).quantized();
        }
    }

    List<String> base(Path in, Path out) {
        return new ArrayList<>(List.of("translate", "--model", network.toString(), "--in", in.toString(),
                "--out", out.toString(), "--device", "cpu"));
    }

    static Run run(List<String> args) {
        return cli(args.toArray(String[]::new));
    }

    @Test
    void translatesAPictureAtItsOwnSizeAndSaysHowLongItTook() {
        Path out = dir.resolve("one.png");
        Run run = run(base(photo, out));

        assertThat(run.code()).as(run.err()).isZero();
        RgbImage result = Images.read(out);
        assertThat(result).isEqualTo(expected);
        assertThat(PictureDifference.mean(result, Images.read(photo))).isGreaterThan(5);
        assertThat(run.out().strip()).hasLineCount(1)
                .contains("translated " + photo + " (37x23) into " + out)
                .containsPattern(" in \\d+ ms on PyTorch, cpu \\(model loaded in \\d+ ms\\)");
    }

    @Test
    void sizeAndArchitectureOptionsAndAReport() {
        Path out = dir.resolve("sized.jpg");
        Path report = dir.resolve("reports/translate.json");
        List<String> args = base(photo, out);
        args.addAll(List.of("--size", "16", "--arch", "engstrom", "--engine", "pytorch", "--report", report.toString(),
                "--quiet"));
        Run run = run(args);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        RgbImage result = Images.read(out);
        assertThat(result.width()).isEqualTo(37);
        assertThat(result.height()).isEqualTo(23);
        JsonObject json = parse(report);
        assertThat(json.get("architecture").getAsString()).isEqualTo("engstrom");
        assertThat(json.get("engine").getAsString()).isEqualTo("PyTorch");
        assertThat(json.get("device").getAsString()).isEqualTo("cpu");
        assertThat(json.get("model").getAsString()).isEqualTo(network.toString());
        assertThat(json.has("millis")).isTrue();
        assertThat(json.has("loadMillis")).isTrue();
        JsonObject picture = json.getAsJsonArray("pictures").get(0).getAsJsonObject();
        assertThat(picture.get("output").getAsString()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(picture.get("width").getAsInt()).isEqualTo(37);
    }

    @Test
    void anExistingFolderAsOutGetsThePictureUnderItsOwnName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("into"));
        Run run = run(base(photo, folder));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Images.read(folder.resolve("photo.png"))).isEqualTo(expected);
    }

    @Test
    void translatesAFolderIntoAFolderOfPngs() throws IOException {
        Path in = Files.createDirectories(dir.resolve("folder-in"));
        Images.write(Images.read(photo), in.resolve("a.png"));
        Images.write(NetworkFixtures.picture(37, 23, 2), in.resolve("b.png"));
        Images.write(NetworkFixtures.picture(20, 28, 3), in.resolve("c.jpg"));
        Images.write(NetworkFixtures.picture(37, 23, 4), in.resolve(".hidden.png"));
        Files.writeString(in.resolve("notes.txt"), "not a picture");
        Files.createDirectories(in.resolve("sub.png"));
        Path out = dir.resolve("folder-out");
        Path report = dir.resolve("folder.json");
        List<String> args = base(in, out);
        args.addAll(List.of("--report", report.toString()));

        Run run = run(args);

        assertThat(run.code()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.png", "b.png", "c.png");
        }
        // Batched results equal pictures translated one at a time.
        assertThat(Images.read(out.resolve("a.png"))).isEqualTo(expected);
        for (String name : List.of("b.png", "c.jpg")) {
            Path single = dir.resolve("single-" + name.replace(".jpg", ".png"));
            assertThat(run(base(in.resolve(name), single)).code()).isZero();
            RgbImage batched = Images.read(out.resolve(name.replace(".jpg", ".png")));
            assertThat(PictureDifference.max(batched, Images.read(single))).as(name).isLessThanOrEqualTo(1f);
        }
        assertThat(Images.read(out.resolve("c.png")).width()).isEqualTo(20);
        assertThat(run.out()).containsPattern("translated 3 pictures from " + in + " into " + out
                + " in \\d+ ms \\(\\d+ ms each\\) on PyTorch, cpu");
        assertThat(parse(report).getAsJsonArray("pictures")).hasSize(3);
    }

    @Test
    void folderProblems() throws IOException {
        Path clash = Files.createDirectories(dir.resolve("clash"));
        Images.write(Images.read(photo), clash.resolve("x.png"));
        Images.write(Images.read(photo), clash.resolve("x.jpg"));
        Run run = run(base(clash, dir.resolve("clash-out")));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("x.jpg and x.png").contains("would both be written to");
        assertThat(dir.resolve("clash-out")).doesNotExist();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.md"), "#");
        run = run(base(empty, dir.resolve("empty-out")));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no pictures");

        run = run(base(clash, clash));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--out must differ from --in");

        run = run(base(clash, photo));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--out must be a folder");
    }

    @Test
    void badUsageExitsWithTwo() {
        Path out = dir.resolve("never.png");
        assertThat(cli("translate", "--model", network.toString(), "--out", out.toString()).code()).isEqualTo(2);
        assertUsage(with("--engine", "tensorflow"), "--engine must be auto, pytorch or onnxruntime");
        assertUsage(with("--arch", "dcgan"), "dcgan is a generator, not a translator");
        assertUsage(with("--arch", "unet"), "unknown architecture 'unet'");
        assertUsage(with("--device", "tpu"), "device");
        assertUsage(with("--size", "8"), "--size must be in 16..");
        List<String> args = base(photo, dir.resolve("never.gif"));
        Run run = run(args);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("must end in .png, .jpg or .jpeg");

        for (String[] model : new String[][] {
                {"no-such-model", "neither a file nor a model zoo id"},
                {"dcgan-fashiongen", "is a dcgan model, not a translator; use 'brushwork generate'"},
                {"vgg19", "is a vgg19 model, not a translator"}}) {
            args = base(photo, out);
            args.set(args.indexOf(network.toString()), model[0]);
            run = run(args);
            assertThat(run.code()).as(model[0]).isEqualTo(2);
            assertThat(run.err()).contains(model[1]);
        }
        assertThat(out).doesNotExist();
    }

    private List<String> with(String option, String value) {
        List<String> args = base(photo, dir.resolve("never.png"));
        args.addAll(List.of(option, value));
        return args;
    }

    private static void assertUsage(List<String> args, String message) {
        Run run = run(args);
        assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void failuresExitWithOneAndAOneLineMessage() throws IOException {
        Path out = dir.resolve("failed.png");
        Path junk = Files.write(dir.resolve("junk.png"), new byte[] {1, 2, 3, 4, 5});
        Run run = run(base(junk, out));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("brushwork:").contains("junk.png").doesNotContain("\n");

        Path notAModel = Files.writeString(dir.resolve("model.safetensors"), "not a model");
        List<String> args = base(photo, out);
        args.set(args.indexOf(network.toString()), notAModel.toString());
        run = run(args);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("brushwork:").contains("model.safetensors");

        args = base(photo, out);
        args.addAll(List.of("--engine", "onnxruntime"));
        run = run(args);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("ONNX");

        Path dcgan = NetworkFixtures.dcgan(dir.resolve("dcgan.safetensors"), 16, 4, 1);
        args = base(photo, out);
        args.set(args.indexOf(network.toString()), dcgan.toString());
        args.add("--verbose");
        run = run(args);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("generator").contains("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeTheModelIsLoaded() throws IOException {
        Path originals = Files.createDirectories(dir.resolve("originals"));
        Path picture = Files.copy(photo, originals.resolve("picture.png"));
        byte[] bytes = Files.readAllBytes(picture);
        Path link = Files.createSymbolicLink(dir.resolve("picture-link.png"), picture);
        Path hard = Files.createLink(dir.resolve("picture-hard.png"), picture);
        List<Path> sameFile = List.of(picture, originals.resolve("../originals/picture.png"), link, hard);
        for (Path out : sameFile) {
            List<String> args = base(picture, out);
            // A model that cannot load: the refusal must come first.
            args.set(args.indexOf(network.toString()), Files.writeString(dir.resolve("broken.safetensors"), "x")
                    .toString());
            Run run = run(args);
            assertThat(run.code()).as(out.toString()).isEqualTo(2);
            assertThat(run.err()).contains("--out: " + out + ": this is the input " + picture);
        }
        List<String> args = base(link, dir.resolve("fine.png"));
        args.addAll(List.of("--report", picture.toString()));
        Run run = run(args);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--report: " + picture + ": this is the input " + link);
        assertThat(Files.readAllBytes(picture)).isEqualTo(bytes);
        assertThat(dir.resolve("fine.png")).doesNotExist();

        // The folder holding the picture may take the result, unless the result is the picture itself.
        Path jpeg = originals.resolve("picture.jpg");
        Images.write(Images.read(photo), jpeg);
        run = run(base(jpeg, originals));
        assertThat(run.code()).as(run.err()).isZero();
        Files.write(picture, bytes);
        run = run(base(picture, originals));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("this is the input " + picture);
        assertThat(Files.readAllBytes(picture)).isEqualTo(bytes);

        // Nor may a folder's result be one of its pictures, here through a hard link.
        Path in = Files.createDirectories(dir.resolve("linked-in"));
        Files.copy(photo, in.resolve("a.png"));
        Path out = Files.createDirectories(dir.resolve("linked-out"));
        Files.createLink(out.resolve("a.png"), in.resolve("a.png"));
        run = run(base(in, out));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--out: " + out.resolve("a.png") + ": this is the input " + in.resolve("a.png"));
        assertThat(Images.read(in.resolve("a.png"))).isEqualTo(Images.read(photo));
    }

    @Test
    void aFolderWithBadPicturesWritesEveryGoodOneReportsEachBadOneAndExitsWithOne() throws IOException {
        Path in = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(photo, in.resolve("a-good.png"));
        Images.write(NetworkFixtures.picture(20, 28, 3), in.resolve("d-good.jpg"));
        Images.write(NetworkFixtures.picture(37, 23, 2), in.resolve("f-good.png"));
        byte[] png = Files.readAllBytes(photo);
        Path corrupt = Files.write(in.resolve("b-corrupt.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Path empty = Files.write(in.resolve("c-empty.png"), new byte[0]);
        Path text = Files.writeString(in.resolve("e-text.jpg"), "not a picture at all");
        Path out = dir.resolve("mixed-out");
        Path report = dir.resolve("mixed.json");
        List<String> args = base(in, out);
        args.addAll(List.of("--report", report.toString()));

        Run run = run(args);

        assertThat(run.code()).isEqualTo(1);
        assertThat(names(out)).containsExactly("a-good.png", "d-good.png", "f-good.png");
        assertThat(Images.read(out.resolve("a-good.png"))).isEqualTo(expected);
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        for (Path bad : List.of(corrupt, empty, text)) {
            assertThat(lines).as(run.err()).filteredOn(l -> l.contains(bad.getFileName().toString()))
                    .singleElement().asString().startsWith(bad + ": ");
        }
        assertThat(lines).last().isEqualTo("brushwork: 3 of 6 pictures in " + in + " could not be translated");
        assertThat(run.out()).contains("translated 3 of 6 pictures from " + in);
        JsonObject json = parse(report);
        assertThat(json.getAsJsonArray("pictures")).hasSize(3);
        assertThat(json.getAsJsonArray("failures")).hasSize(3);
    }

    @Test
    void aGraphThatRaisesPrintsOneLineAndItsTracebackOnlyWithVerbose() {
        Path graph = GraphFixtures.copy("raises.pt", dir.resolve("raises.pt"));
        List<String> args = base(photo, dir.resolve("raised.png"));
        args.set(args.indexOf(network.toString()), graph.toString());
        args.add("--trust-graph");
        Run run = run(args);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("brushwork: the graph raises.pt failed on a (1, 3, 24, 40) input:")
                .endsWith("ValueError: raises.pt expects pictures on -1..1");

        args.add("--verbose");
        run = run(args);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Traceback of TorchScript").contains("\tat ");
        assertThat(dir.resolve("raised.png")).doesNotExist();
    }

    @Test
    void usageErrorsPrintOneLineAndWhereTheHelpIs() {
        List<String> args = base(photo, dir.resolve("never.png"));
        args.addAll(List.of("--sise", "16"));
        Run run = run(args);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "brushwork: Unknown options: '--sise', '16' (did you mean --size?)",
                "Try 'brushwork translate --help' for more information.");

        run = run(base(photo, dir.resolve("never.webp")));
        assertThat(run.err().lines().toList()).containsExactly(
                "brushwork: --out: " + dir.resolve("never.webp") + " must end in .png, .jpg or .jpeg",
                "Try 'brushwork translate --help' for more information.");
        assertThat(cli().err().lines().toList()).containsExactly("brushwork: a subcommand is required",
                "Try 'brushwork --help' for more information.");
        assertThat(cli("models").err()).endsWith("Try 'brushwork models --help' for more information.\n");
    }

    @Test
    void zooIdsResolveThroughTheCacheAndSayWhereAMissingFileGoes() {
        List<String> args = base(photo, dir.resolve("zoo.png"));
        args.set(args.indexOf(network.toString()), "fast-neural-style-udnie-9");
        System.setProperty("brushwork.offline", "true");
        System.setProperty("brushwork.cache", dir.resolve("empty-cache").toString());
        Run run;
        try {
            run = run(args);
        } finally {
            System.clearProperty("brushwork.offline");
            System.clearProperty("brushwork.cache");
        }
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("udnie-9.onnx").contains("empty-cache");
    }

    /** The real Udnie network as weights on PyTorch blocks, as TorchScript, and as ONNX on ONNX Runtime. */
    @Test
    @Tag("shared")
    void theThreeEnginesPaintTheSameUdnie() {
        Path safetensors = SharedData.require("models/fast-style/udnie.safetensors");
        Path torchscript = SharedData.require("models/fast-style/udnie.pt");
        Path onnx = SharedData.require("models/fast-style/udnie.onnx");
        Path small = dir.resolve("small.png");
        Images.write(NetworkFixtures.picture(64, 48, 5), small);
        String[][] runs = {{safetensors.toString(), "auto"}, {torchscript.toString(), "pytorch"},
                {onnx.toString(), "onnxruntime"}};
        List<RgbImage> results = new ArrayList<>();
        for (String[] r : runs) {
            Path out = dir.resolve("udnie-" + r[1] + ".png");
            Run run = cli("translate", "--model", r[0], "--engine", r[1], "--in", small.toString(), "--out",
                    out.toString(), "--device", "cpu", "--trust-graph");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains(r[1].equals("onnxruntime") ? "ONNX Runtime" : "PyTorch");
            results.add(Images.read(out));
        }
        assertThat(PictureDifference.max(results.get(0), results.get(1))).isLessThanOrEqualTo(1f);
        assertThat(PictureDifference.max(results.get(0), results.get(2))).isLessThanOrEqualTo(1f);
        assertThat(PictureDifference.mean(results.get(0), Images.read(small))).isGreaterThan(20);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonObject parse(Path report) {
        try {
            return JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
