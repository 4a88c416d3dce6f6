// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import static io.brushwork.samples.cli.StylizeCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.brushwork.samples.cli.StylizeCommandTest.Run;
import io.brushwork.testing.SharedData;
import io.brushwork.zoo.ModelZoo;
import io.brushwork.zoo.testing.GraphFixtures;
import io.brushwork.zoo.testing.LocalHttpServer;
import io.brushwork.zoo.testing.VggFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    Path cache;
    Path weights;
    String sha;

    @BeforeEach
    void fixtures() {
        cache = dir.resolve("cache");
        weights = VggFixture.write(dir.resolve("weights.safetensors"), "conv1_2", 5);
        sha = ModelZoo.sha256(weights);
    }

    /** A user catalogue with one entry served by the local server. */
    Path catalogue(String id, String checksum) throws IOException {
        return Files.writeString(dir.resolve("models.ini"), String.join("\n",
                "[" + id + "]",
                "url = " + server.uri("/w/" + id + ".safetensors"),
                checksum,
                "architecture = vgg19",
                "preprocessing = caffe"));
    }

    @Test
    void listShowsTheCatalogueAndWhatIsOnDisk() throws IOException {
        Run run = cli("models", "list", "--cache", cache.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("ID", "ARCHITECTURE", "FORMAT", "SIZE", "CACHED")
                .containsPattern("vgg19 +vgg19 +pytorch-legacy +574\\.7 MB +no")
                .containsPattern("cyclegan-horse2zebra +cyclegan-resnet9 +pytorch-legacy +\\? +no")
                .containsPattern("fast-neural-style-candy-9 +graph +onnx +6\\.7 MB +no")
                .contains("cache: " + cache);
        assertThat(server.requests()).isZero();

        Path catalog = catalogue("mine", "sha256 = " + sha);
        server.serve("/w/mine.safetensors", LocalHttpServer.ok(Files.readAllBytes(weights)));
        assertThat(cli("models", "fetch", "mine", "--quiet", "--cache", cache.toString(), "--catalog", catalog.toString())
                .code()).isZero();
        run = cli("models", "list", "--cache", cache.toString(), "--catalog", catalog.toString());
        assertThat(run.out()).containsPattern("mine +vgg19 +safetensors +\\? +yes");
    }

    @Test
    void fetchDownloadsOnceAndPrintsThePath() throws IOException {
        Path catalog = catalogue("mine", "sha256 = " + sha);
        server.serve("/w/mine.safetensors", LocalHttpServer.ok(Files.readAllBytes(weights)));
        String[] args = {"models", "fetch", "mine", "--cache", cache.toString(), "--catalog", catalog.toString()};

        Run run = cli(args);
        assertThat(run.code()).as(run.err()).isZero();
        Path file = cache.resolve("mine/mine.safetensors");
        assertThat(lastLine(run.out())).isEqualTo(file.toString());
        assertThat(file).hasSameBinaryContentAs(weights);

        run = cli(args);
        assertThat(run.code()).isZero();
        assertThat(lastLine(run.out())).isEqualTo(file.toString());
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void fetchFailuresExitWithOneAndAMessage() throws IOException {
        Path catalog = catalogue("mine", "sha256-prefix = " + (sha.startsWith("0") ? "11111111" : "00000000"));
        server.serve("/w/mine.safetensors", LocalHttpServer.ok(Files.readAllBytes(weights)));

        Run run = cli("models", "fetch", "mine", "--quiet", "--cache", cache.toString(), "--catalog", catalog.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("brushwork:").contains("SHA-256 mismatch").contains(sha);
        assertThat(cache.resolve("mine/mine.safetensors")).doesNotExist();

        run = cli("models", "fetch", "vgg", "--cache", cache.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("did you mean vgg19");

        Files.writeString(catalog, "[x]\nurl = https://example.invalid/x.pth\narchitecture = t\n");
        run = cli("models", "list", "--cache", cache.toString(), "--catalog", catalog.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(catalog + ":1:").contains("format");
    }

    @Test
    void fetchOfflineSaysWhereToPutTheFileAndSendsNothing() throws IOException {
        Path catalog = catalogue("mine", "sha256 = " + sha);

        Run run = cli("models", "fetch", "mine", "--offline", "--cache", cache.toString(), "--catalog", catalog.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("mine.safetensors").contains("offline")
                .contains(cache.resolve("mine/mine.safetensors").toString());
        assertThat(server.requests()).isZero();
    }

    @Test
    void verifyReportsFormatTensorsAndHash() {
        Run run = cli("models", "verify", weights.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("a safetensors file", "tensors:   4", "sha256:    " + sha,
                "no entry for this file");
        assertThat(lastLine(run.out())).isEqualTo("ok");
    }

    @Test
    void verifyChecksAFileTheCatalogueKnows() throws IOException {
        Path catalog = catalogue("mine", "sha256 = " + sha);
        Run run = cli("models", "verify", weights.toString(), "--catalog", catalog.toString());
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("catalogue: mine, checksum ok (sha256 " + sha + ")");

        // Named like torchvision's VGG-19 but not that file.
        Path impostor = Files.copy(weights, dir.resolve("vgg19-dcbb9e9d.pth"));
        run = cli("models", "verify", impostor.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("not the file of catalogue entry vgg19", "sha256 prefix dcbb9e9d");
        assertThat(lastLine(run.out())).isEqualTo("BAD");

        Path named = Files.copy(weights, dir.resolve("weights-" + sha.substring(0, 8) + ".safetensors"));
        run = cli("models", "verify", named.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("matches the sha256 prefix " + sha.substring(0, 8));
    }

    @Test
    void verifyFailsOnAFileThatIsNoModel() throws IOException {
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        Run run = cli("models", "verify", junk.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("problem:", "not a model file");

        run = cli("models", "verify", dir.resolve("absent.pth").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("brushwork:").contains("absent.pth");
    }

    @Test
    void verifyDescribesGraphFormats() throws IOException {
        // The first bytes of an ONNX ModelProto: ir_version 7, then a producer name.
        Path onnx = Files.write(dir.resolve("tiny.onnx"), new byte[] {0x08, 0x07, 0x12, 0x04, 't', 'e', 's', 't'});
        Run run = cli("models", "verify", onnx.toString());
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("an ONNX model", "0 nodes, operator domains [], external data none",
                "--trust-graph");
        assertThat(lastLine(run.out())).isEqualTo("ok");
    }

    @Test
    void verifyNeverCallsTorchScriptOk() throws IOException {
        Path script = GraphFixtures.copy("writes_file.pt", dir.resolve("innocent.pth"));
        Run run = cli("models", "verify", script.toString());
        assertThat(run.code()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("a TorchScript program, run when loaded");
        assertThat(lastLine(run.out())).isEqualTo("contains executable TorchScript");
    }

    @Test
    void verifyRefusesAnOnnxGraphThatReachesOutsideItsFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("onnx-outside"));
        Path model = GraphFixtures.copy("external_outside.onnx", folder.resolve("model.onnx"));
        Run run = cli("models", "verify", model.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("problem:", "outside the model's folder");
        assertThat(lastLine(run.out())).isEqualTo("BAD");
    }

    @Test
    void verifyReadsTheSharedRealModels() {
        for (String file : List.of("models/fast-style/udnie.onnx", "models/vgg19/vgg19-caffe-blocks1to3.safetensors")) {
            Path path = SharedData.require(file);
            Run run = cli("models", "verify", path.toString());
            assertThat(run.code()).as(run.out()).isZero();
            assertThat(lastLine(run.out())).isEqualTo("ok");
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(cli("models").code()).isEqualTo(2);
        assertThat(cli("models", "fetch").code()).isEqualTo(2);
        assertThat(cli("models", "verify").code()).isEqualTo(2);
        assertThat(cli("models", "list", "--frobnicate").code()).isEqualTo(2);
    }

    private static String lastLine(String text) {
        List<String> lines = Arrays.asList(text.strip().split("\\R"));
        return lines.get(lines.size() - 1).strip();
    }
}
