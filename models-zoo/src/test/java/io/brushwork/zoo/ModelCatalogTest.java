// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.InvalidOptionException;
import io.brushwork.ModelException;
import io.brushwork.Preprocessing;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelCatalogTest {
    @TempDir
    Path dir;

    final ModelCatalog builtIn = ModelCatalog.builtIn();

    @Test
    void builtInIdsAreUniqueAndCoverTheDocumentedModels() {
        List<ModelEntry> entries = builtIn.entries();
        Set<String> ids = entries.stream().map(ModelEntry::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(entries.size()).hasSize(2 + 18 + 10 + 1);
        assertThat(ids).contains("vgg19", "vgg19-caffe", "cyclegan-horse2zebra", "cyclegan-style_vangogh",
                "cyclegan-iphone2dslr_flower", "fast-neural-style-candy-9", "fast-neural-style-rain-princess-8",
                "dcgan-fashiongen");
        assertThat(entries.stream().filter(e -> e.architecture().equals("cyclegan-resnet9"))).hasSize(18);
        assertThat(entries.stream().filter(e -> e.architecture().equals("graph"))).hasSize(10);
    }

    @Test
    void everyBuiltInUrlIsHttpAndEndsWithTheFileName() {
        for (ModelEntry e : builtIn.entries()) {
            assertThat(e.url().getScheme()).as(e.id()).isIn("http", "https");
            assertThat(e.url().getHost()).as(e.id()).isNotBlank();
            assertThat(e.url().getPath()).as(e.id()).endsWith("/" + e.fileName());
            assertThat(e.description()).as(e.id()).isNotBlank();
            assertThat(e.licence()).as(e.id()).isNotBlank();
        }
    }

    @Test
    void torchHubNamesCarryTheCataloguedPrefix() {
        int named = 0;
        for (ModelEntry e : builtIn.entries()) {
            Optional<Checksum.Prefix> fromName = Checksum.fromTorchHubFileName(e.fileName());
            if (e.checksum() instanceof Checksum.Prefix) {
                assertThat(fromName).as(e.id()).contains((Checksum.Prefix) e.checksum());
            }
            if (fromName.isPresent()) {
                named++;
                assertThat(e.checksum()).as(e.id()).isEqualTo(fromName.get());
            }
        }
        assertThat(named).isEqualTo(2);
        assertThat(builtIn.require("vgg19").checksum()).isEqualTo(Checksum.prefix("dcbb9e9d"));
        assertThat(builtIn.require("vgg19-caffe").checksum()).isEqualTo(Checksum.prefix("d01eb7cb"));
    }

    @Test
    void builtInChecksumsAreWhatTheSourcesPublish() {
        assertThat(builtIn.require("vgg19").preprocessing()).contains(Preprocessing.TORCHVISION);
        assertThat(builtIn.require("vgg19-caffe").preprocessing()).contains(Preprocessing.CAFFE);
        for (ModelEntry e : builtIn.entries()) {
            if (e.format() == ModelFormat.ONNX) {
                assertThat(e.checksum()).as(e.id()).isInstanceOf(Checksum.Full.class);
                assertThat(e.size()).as(e.id()).hasValue(e.id().endsWith("-9") ? 6_728_029L : 6_726_529L);
                assertThat(e.url().toString()).startsWith("https://media.githubusercontent.com/media/onnx/models/");
            }
            if (e.architecture().equals("cyclegan-resnet9") || e.architecture().equals("dcgan")) {
                assertThat(e.checksum()).as(e.id()).isInstanceOf(Checksum.None.class);
                assertThat(e.description()).as(e.id()).contains("trusted on first use");
            }
        }
        assertThat(builtIn.require("fast-neural-style-udnie-9").checksum())
                .isEqualTo(Checksum.sha256("8656b6ce7dec8f22ee13c2d557d6b67bd6f550dde88d0f2e7c9972aeb765cc0d"));
    }

    @Test
    void requireListsCloseIds() {
        assertThat(builtIn.find("vgg19")).isPresent();
        assertThat(builtIn.find("vgg")).isEmpty();
        assertThatThrownBy(() -> builtIn.require("vgg"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("'vgg'")
                .hasMessageContaining("vgg19, vgg19-caffe");
        assertThatThrownBy(() -> builtIn.require("cyclegan-hors2zebra")).hasMessageContaining("cyclegan-horse2zebra");
        assertThatThrownBy(() -> builtIn.require("qqqqqqqqqqqqqqqq")).hasMessageContaining("31 entries");
    }

    @Test
    void findsEntriesByHashAndFileName() {
        String udnie = "8656b6ce7dec8f22ee13c2d557d6b67bd6f550dde88d0f2e7c9972aeb765cc0d";
        assertThat(builtIn.findBySha256(udnie)).extracting(ModelEntry::id).containsExactly("fast-neural-style-udnie-9");
        assertThat(builtIn.findBySha256("dcbb9e9d" + "0".repeat(56))).extracting(ModelEntry::id).containsExactly("vgg19");
        assertThat(builtIn.findBySha256("f".repeat(64))).isEmpty();
        assertThat(builtIn.findByFileName("horse2zebra.pth")).extracting(ModelEntry::id)
                .containsExactly("cyclegan-horse2zebra");
    }

    @Test
    void aUserCatalogueAddsAndReplacesEntries() throws IOException {
        Path file = Files.writeString(dir.resolve("models.ini"), String.join("\n",
                "# my models",
                "[my-vgg]",
                "url = https://example.org/w/vgg19.safetensors   # a mirror",
                "sha256 = " + "AB".repeat(32),
                "size = 1234",
                "architecture = vgg19",
                "preprocessing = Caffe",
                "description = converted by me",
                "license = CC-BY-4.0",
                "",
                "[vgg19]",
                "url = http://127.0.0.1:9/vgg19-dcbb9e9d.pth",
                "sha256-prefix = dcbb9e9d",
                "format = pytorch-legacy",
                "architecture = vgg19",
                "",
                "[tofu]",
                "url = https://example.org/get?id=3#frag",
                "file = net.onnx",
                "architecture = custom"));

        ModelCatalog user = ModelCatalog.load(file);
        ModelEntry mine = user.require("my-vgg");
        assertThat(mine.fileName()).isEqualTo("vgg19.safetensors");
        assertThat(mine.checksum()).isEqualTo(Checksum.sha256("ab".repeat(32)));
        assertThat(mine.size()).hasValue(1234);
        assertThat(mine.format()).isEqualTo(ModelFormat.SAFETENSORS);
        assertThat(mine.preprocessing()).contains(Preprocessing.CAFFE);
        assertThat(mine.licence()).isEqualTo("CC-BY-4.0");
        assertThat(mine.description()).isEqualTo("converted by me");
        ModelEntry tofu = user.require("tofu");
        assertThat(tofu.checksum()).isInstanceOf(Checksum.None.class);
        assertThat(tofu.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(tofu.licence()).isEqualTo("unknown");
        assertThat(tofu.url()).isEqualTo(URI.create("https://example.org/get?id=3#frag"));

        ModelCatalog merged = builtIn.plus(user);
        assertThat(merged.entries()).hasSize(builtIn.entries().size() + 2);
        assertThat(merged.require("vgg19").url().getHost()).isEqualTo("127.0.0.1");
        assertThat(merged.entries().get(0).id()).isEqualTo("vgg19");
        assertThat(builtIn.require("vgg19").url().getHost()).isEqualTo("download.pytorch.org");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[a]\\nurl = https://x.org/a.onnx\\nsha = 00\\narchitecture = t | :3: unknown key 'sha'",
        "[a]\\narchitecture = t | :1: model 'a' has no url",
        "[a]\\nurl = https://x.org/a.onnx | :1: model 'a' has no architecture",
        "url = https://x.org/a.onnx | :1: 'url = https://x.org/a.onnx' comes before the first [id] section",
        "[a]\\njust words | :2: expected 'key = value' or '[id]'",
        "[a\\nurl = x | :1: a section header must be [id]",
        "[a]\\nurl = https://x.org/a.onnx\\narchitecture = t\\n[a]\\nurl = https://x.org/b.onnx | :4: model 'a' is already defined on line 1",
        "[a]\\nurl = https://x.org/a.onnx\\nsha256 = 12ab\\narchitecture = t | :3: a SHA-256 must be 64 hex digits, got '12ab'",
        "[a]\\nurl = https://x.org/a.onnx\\nsha256-prefix = xyz12345\\narchitecture = t | :3: a SHA-256 prefix must be 6 to 63 hex digits",
        "[a]\\nurl = https://x.org/a.onnx\\nsha256 = " + "0000000000000000000000000000000000000000000000000000000000000000"
                + "\\nsha256-prefix = 00000000\\narchitecture = t | :4: give sha256 or sha256-prefix, not both",
        "[a]\\nurl = https://x.org/a.onnx\\nsize = -1\\narchitecture = t | :3: size must be a number of bytes",
        "[a]\\nurl = https://x.org/a.onnx\\nsize = 1\\nsize = 2\\narchitecture = t | :4: 'size' is given twice",
        "[a]\\nurl = https://x.org/a.pth\\narchitecture = t | :1: cannot tell the format of 'a.pth'",
        "[a]\\nurl = https://x.org/a.pth\\nformat = pickle\\narchitecture = t | :3: format must be one of",
        "[a]\\nurl = https://x.org/a.onnx\\npreprocessing = bgr\\narchitecture = t | :3: preprocessing must be caffe or torchvision",
        "[a]\\nurl = ftp://x.org/a.onnx\\narchitecture = t | :1: expected an http or https URL",
        "[a]\\nurl = https://x.org/\\narchitecture = t | :2: cannot take a file name",
        "[a]\\nurl = https://x.org/a b.onnx\\narchitecture = t | :2: bad url",
        "[A b]\\nurl = https://x.org/a.onnx\\narchitecture = t | :1: 'A b' must be",
        "[a]\\nurl = https://x.org/a.onnx\\nfile = ../evil.onnx\\narchitecture = t | :1: is not a plain file name",
        "[a]\\nurl = https://x.org/a.onnx\\narchitecture = | :3: 'architecture' has no value",
    })
    void badLinesAreReportedWithTheirNumber(String text, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.ini"), text.replace("\\n", "\n"));
        String line = expected.substring(0, expected.indexOf(':', 1) + 1);
        assertThatThrownBy(() -> ModelCatalog.load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file + line)
                .hasMessageContaining(expected.substring(line.length()).strip());
    }

    @Test
    void aMissingCatalogueFileIsNamed() {
        Path missing = dir.resolve("none.ini");
        assertThatThrownBy(() -> ModelCatalog.load(missing)).isInstanceOf(ModelException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void checksumsValidateAndCompareCaseInsensitively() {
        String sha = "ab".repeat(32);
        assertThat(Checksum.sha256(sha.toUpperCase()).matches(sha)).isTrue();
        assertThat(Checksum.sha256(sha).matches(sha.toUpperCase())).isTrue();
        assertThat(Checksum.sha256(sha).matches("cd".repeat(32))).isFalse();
        assertThat(Checksum.prefix("ABABAB").matches(sha)).isTrue();
        assertThat(Checksum.none().matches("anything")).isTrue();
        assertThat(Checksum.prefix("dcbb9e9d").describe()).isEqualTo("sha256 prefix dcbb9e9d");
        assertThatThrownBy(() -> Checksum.sha256("ab")).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Checksum.prefix("abc")).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Checksum.prefix("g".repeat(8))).isInstanceOf(InvalidOptionException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "vgg19-dcbb9e9d.pth, dcbb9e9d",
        "alexnet-owt-7be5be79.pth, 7be5be79",
        "celebaHQ16_december_s7_i96000-9c72988c.pth, 9c72988c",
        "DCGAN_fashionGen-1d67302.pth, ''",
        "rain-princess-9.onnx, ''",
        "horse2zebra.pth, ''",
        "vgg19-DCBB9E9D.pth, ''",
    })
    void torchHubFileNames(String name, String prefix) {
        assertThat(Checksum.fromTorchHubFileName(name).map(Checksum.Prefix::hex).orElse("")).isEqualTo(prefix);
    }

    @Test
    void entriesRejectUnsafeNamesAndUrls() {
        URI url = URI.create("https://example.org/a.onnx");
        assertThatThrownBy(() -> entry("Upper", url, "a.onnx")).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> entry("../up", url, "a.onnx")).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> entry("a", url, "sub/a.onnx")).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("sub/a.onnx");
        assertThatThrownBy(() -> entry("a", url, "..")).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> entry("a", url, "")).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> entry("a", URI.create("file:///etc/passwd"), "a.onnx"))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("file:///etc/passwd");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(entry("a", url, "a.onnx"), entry("a", url, "b.onnx"))))
                .isInstanceOf(ModelException.class).hasMessageContaining("'a'");
    }

    private static ModelEntry entry(String id, URI url, String fileName) {
        return new ModelEntry(id, "", url, fileName, Checksum.none(), OptionalLong.empty(), ModelFormat.ONNX, "t",
                Optional.empty(), "");
    }
}
