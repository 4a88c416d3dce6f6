// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static io.brushwork.zoo.testing.LocalHttpServer.chunked;
import static io.brushwork.zoo.testing.LocalHttpServer.delayed;
import static io.brushwork.zoo.testing.LocalHttpServer.dropsHalfway;
import static io.brushwork.zoo.testing.LocalHttpServer.ok;
import static io.brushwork.zoo.testing.LocalHttpServer.redirect;
import static io.brushwork.zoo.testing.LocalHttpServer.stalls;
import static io.brushwork.zoo.testing.LocalHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushwork.InvalidOptionException;
import io.brushwork.ModelException;
import io.brushwork.zoo.testing.LocalHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelZooTest {
    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    static final byte[] BODY = bytes(300_000, 7);
    static final String SHA = sha(BODY);

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha(byte[] data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static ModelEntry entry(String id, URI url, Checksum checksum, OptionalLong size) {
        String path = url.getPath();
        return new ModelEntry(id, "test model", url, path.substring(path.lastIndexOf('/') + 1), checksum, size,
                ModelFormat.SAFETENSORS, "test", Optional.empty(), "test");
    }

    ModelEntry served(String id, Checksum checksum) {
        server.serve("/m/" + id + ".bin", ok(BODY));
        return entry(id, server.uri("/m/" + id + ".bin"), checksum, OptionalLong.of(BODY.length));
    }

    ModelZoo.Builder zoo() {
        // Explicit settings, so the machine's properties and environment play no part.
        return ModelZoo.builder(Map.of("user.home", "/nonexistent")::get, k -> null)
                .cacheDir(dir.resolve("cache")).retryBackoff(Duration.ofMillis(1));
    }

    /** Nothing under the cache folder but lock files and empty folders. */
    void assertNothingCached() throws IOException {
        Path cache = dir.resolve("cache");
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".lock")))
                    .as("files left in the cache").isEmpty();
        }
    }

    @Test
    void downloadsOnceAndVerifiesTheFullChecksum() throws IOException {
        ModelEntry e = served("full", Checksum.sha256(SHA));
        ModelZoo zoo = zoo().build();

        Path file = zoo.resolve(e);

        assertThat(file).isEqualTo(dir.resolve("cache/full/full.bin"));
        assertThat(Files.readAllBytes(file)).isEqualTo(BODY);
        assertThat(file.resolveSibling("full.bin.sha256")).content().contains(SHA);
        assertThat(zoo.resolve(e)).isEqualTo(file);
        assertThat(server.requests()).isEqualTo(1);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("full.bin", "full.bin.sha256", "full.bin.lock");
        }
    }

    @Test
    void acceptsAPublishedPrefix() {
        ModelEntry e = served("prefix", Checksum.prefix(SHA.substring(0, 8).toUpperCase()));
        assertThat(zoo().build().resolve(e)).hasBinaryContent(BODY);
    }

    @Test
    void checksumMismatchCachesNothingAndNamesBothHashes() throws IOException {
        String wrong = "0".repeat(64);
        ModelEntry e = served("bad", Checksum.sha256(wrong));
        ModelZoo zoo = zoo().build();

        assertThatThrownBy(() -> zoo.resolve(e))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining(e.url().toString())
                .hasMessageContaining(wrong)
                .hasMessageContaining(SHA)
                .satisfies(t -> assertThat(((ModelChecksumException) t).actual()).isEqualTo(SHA));
        assertNothingCached();
        assertThat(server.requests()).as("a checksum mismatch is not retried").isEqualTo(1);

        String otherPrefix = (SHA.charAt(0) == '0' ? "1" : "0") + SHA.substring(1, 8);
        ModelEntry badPrefix = served("badprefix", Checksum.prefix(otherPrefix));
        assertThatThrownBy(() -> zoo.resolve(badPrefix)).isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("prefix");
        assertNothingCached();
    }

    @Test
    void sizeMismatchIsRejectedFromTheHeaders() throws IOException {
        server.serve("/m/size.bin", ok(BODY));
        ModelEntry e = entry("size", server.uri("/m/size.bin"), Checksum.none(), OptionalLong.of(BODY.length + 1));

        assertThatThrownBy(() -> zoo().build().resolve(e))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("size")
                .hasMessageContaining((BODY.length + 1) + " bytes")
                .hasMessageContaining("Content-Length");
        assertNothingCached();
    }

    @Test
    void aBodyLongerThanTheCatalogueSizeIsCutShort() throws IOException {
        server.serve("/m/long.bin", chunked(BODY));
        ModelEntry e = entry("long", server.uri("/m/long.bin"), Checksum.none(), OptionalLong.of(1000));

        assertThatThrownBy(() -> zoo().build().resolve(e))
                .isInstanceOf(ModelChecksumException.class).hasMessageContaining("1000 bytes");
        assertNothingCached();
    }

    @Test
    void aDroppedConnectionLeavesNothingAndTheNextResolveStartsAfresh() throws IOException {
        server.serve("/m/drop.bin", dropsHalfway(BODY), ok(BODY));
        ModelEntry e = entry("drop", server.uri("/m/drop.bin"), Checksum.sha256(SHA), OptionalLong.empty());
        ModelZoo zoo = zoo().maxAttempts(1).catalog(ModelCatalog.of(List.of(e))).build();

        assertThatThrownBy(() -> zoo.resolve(e))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining(e.url().toString());
        assertNothingCached();
        assertThat(zoo.isCached("drop")).isFalse();

        assertThat(zoo.resolve(e)).hasBinaryContent(BODY);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void transientFailuresAreRetriedWithinOneResolve() {
        server.serve("/m/flaky.bin", status(503), dropsHalfway(BODY), ok(BODY));
        ModelEntry e = entry("flaky", server.uri("/m/flaky.bin"), Checksum.sha256(SHA), OptionalLong.of(BODY.length));
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();

        Path file = zoo().maxAttempts(3).listener(events::add).build().resolve(e);

        assertThat(file).hasBinaryContent(BODY);
        assertThat(server.requests()).isEqualTo(3);
        assertThat(events.get(events.size() - 1).attempt()).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        server.serve("/m/down.bin", status(502));
        ModelEntry e = entry("down", server.uri("/m/down.bin"), Checksum.none(), OptionalLong.empty());

        assertThatThrownBy(() -> zoo().maxAttempts(3).build().resolve(e))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("3 attempts")
                .satisfies(t -> assertThat(((ModelDownloadException) t).status()).hasValue(502));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void notFoundNamesTheUrlAndStatusAndIsNotRetried() throws IOException {
        ModelEntry e = entry("missing", server.uri("/m/missing.bin"), Checksum.none(), OptionalLong.empty());

        assertThatThrownBy(() -> zoo().build().resolve(e))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(e.url().toString())
                .satisfies(t -> assertThat(((ModelDownloadException) t).url()).isEqualTo(e.url()));
        assertThat(server.requests()).isEqualTo(1);
        assertNothingCached();
    }

    @Test
    void followsRedirects() {
        server.serve("/old/r.bin", redirect("/new/r.bin"));
        server.serve("/new/r.bin", ok(BODY));
        ModelEntry e = entry("r", server.uri("/old/r.bin"), Checksum.sha256(SHA), OptionalLong.of(BODY.length));

        assertThat(zoo().build().resolve(e)).hasBinaryContent(BODY).hasFileName("r.bin");
        assertThat(server.log()).containsExactly("GET /old/r.bin", "GET /new/r.bin");
    }

    @Test
    void aStalledTransferTimesOut() throws IOException {
        server.serve("/m/stall.bin", stalls(BODY, 3_000));
        ModelEntry e = entry("stall", server.uri("/m/stall.bin"), Checksum.none(), OptionalLong.empty());

        assertThatThrownBy(() -> zoo().maxAttempts(1).readTimeout(Duration.ofMillis(300)).build().resolve(e))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining(e.url().toString());
        assertNothingCached();
    }

    @Test
    void anInterruptedDownloadLeavesNothing() throws Exception {
        server.serve("/m/slow.bin", stalls(BODY, 10_000));
        ModelEntry e = entry("slow", server.uri("/m/slow.bin"), Checksum.none(), OptionalLong.empty());
        ModelZoo zoo = zoo().build();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                zoo.resolve(e);
                failure.complete(null);
            } catch (RuntimeException t) {
                failure.complete(Thread.currentThread().isInterrupted() ? t : new AssertionError("flag cleared", t));
            }
        });
        worker.start();
        while (server.requests() == 0) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        worker.interrupt();

        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(ModelException.class)
                .hasMessageContaining("interrupted");
        assertNothingCached();
    }

    @Test
    void progressIsMonotonicAndEndsAtTheTotal() {
        byte[] big = bytes(3_000_000, 11);
        server.serve("/m/big.bin", ok(big));
        ModelEntry e = entry("big", server.uri("/m/big.bin"), Checksum.sha256(sha(big)), OptionalLong.empty());
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();

        zoo().listener(events::add).build().resolve(e);

        assertThat(events.size()).isGreaterThan(2);
        assertThat(events.get(0).bytes()).isZero();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).bytes()).isGreaterThanOrEqualTo(events.get(i - 1).bytes());
        }
        DownloadProgress last = events.get(events.size() - 1);
        assertThat(last.bytes()).isEqualTo(big.length);
        assertThat(events).allSatisfy(p -> {
            assertThat(p.id()).isEqualTo("big");
            assertThat(p.attempt()).isEqualTo(1);
            assertThat(p.total()).hasValue(big.length);
        });
    }

    @Test
    void eightThreadsDownloadOnce() throws Exception {
        server.serve("/m/shared.bin", delayed(300, ok(BODY)));
        ModelEntry e = entry("shared", server.uri("/m/shared.bin"), Checksum.sha256(SHA), OptionalLong.of(BODY.length));
        ModelZoo zoo = zoo().catalog(ModelCatalog.of(List.of(e))).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return zoo.resolve("shared");
                }));
            }
            start.countDown();
            for (Future<Path> f : results) {
                assertThat(f.get()).hasBinaryContent(BODY);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void twoZoosSharingACacheDownloadOnce() throws Exception {
        server.serve("/m/two.bin", delayed(300, ok(BODY)));
        ModelEntry e = entry("two", server.uri("/m/two.bin"), Checksum.sha256(SHA), OptionalLong.of(BODY.length));
        ModelZoo first = zoo().build();
        ModelZoo second = zoo().build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Path> a = pool.submit(() -> first.resolve(e));
            Future<Path> b = pool.submit(() -> second.resolve(e));
            assertThat(a.get()).isEqualTo(b.get()).hasBinaryContent(BODY);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void offlineNamesTheFileAndWhereToPutItWithoutAnyRequest() {
        ModelEntry e = served("off", Checksum.sha256(SHA));
        Path local = dir.resolve("local");
        ModelZoo zoo = zoo().offline(true).localModelsDir(local).build();

        assertThatThrownBy(() -> zoo.resolve(e))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("off.bin")
                .hasMessageContaining(local.resolve("off.bin").toString())
                .hasMessageContaining(dir.resolve("cache/off/off.bin").toString())
                .hasMessageContaining(e.url().toString());
        assertThat(server.requests()).isZero();

        ModelZoo noLocal = zoo().offline(true).build();
        assertThatThrownBy(() -> noLocal.resolve(e)).hasMessageContaining(ModelZoo.MODELS_ENV);
        assertThat(server.requests()).isZero();
    }

    @Test
    void offlineUsesTheCache() {
        ModelEntry e = served("cached", Checksum.sha256(SHA));
        Path file = zoo().build().resolve(e);

        assertThat(zoo().offline(true).build().resolve(e)).isEqualTo(file);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void theLocalModelsFolderComesBeforeTheCacheAndTheNetwork() throws IOException {
        ModelEntry cached = served("loc", Checksum.sha256(SHA));
        ModelEntry fresh = served("fresh", Checksum.sha256(SHA));
        zoo().build().resolve(cached);
        Path local = Files.createDirectories(dir.resolve("local"));
        Files.write(local.resolve("loc.bin"), BODY);
        Files.write(local.resolve("fresh.bin"), BODY);

        ModelZoo zoo = zoo().localModelsDir(local).catalog(ModelCatalog.of(List.of(cached, fresh))).build();
        assertThat(zoo.resolve(cached)).isEqualTo(local.resolve("loc.bin"));
        assertThat(zoo.resolve("fresh")).isEqualTo(local.resolve("fresh.bin"));
        assertThat(zoo.isCached("fresh")).isTrue();
        assertThat(server.requests()).isEqualTo(1);
        assertThat(local.resolve("fresh.bin.sha256")).as("the local folder is never written to").doesNotExist();
    }

    @Test
    void aGraphIsNeverHandedOutForAnEntryDeclaredAsWeightsOrAnotherGraph() throws Exception {
        Path local = Files.createDirectories(dir.resolve("local"));
        Path script = Path.of(ModelZooTest.class.getResource("/fixtures/conv_torchscript.pt").toURI());
        for (ModelFormat declared : new ModelFormat[] {ModelFormat.SAFETENSORS, ModelFormat.PYTORCH_ZIP, ModelFormat.ONNX}) {
            Path placed = Files.copy(script, local.resolve("weights.bin"), StandardCopyOption.REPLACE_EXISTING);
            ModelEntry e = new ModelEntry("disguised", "test model", server.uri("/m/weights.bin"), "weights.bin",
                    Checksum.none(), OptionalLong.empty(), declared, "test", Optional.empty(), "test");
            assertThatThrownBy(() -> zoo().localModelsDir(local).build().resolve(e))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining(placed + " ")
                    .hasMessageContaining("is a TorchScript module");
        }
        ModelEntry graph = new ModelEntry("graph", "test model", server.uri("/m/weights.bin"), "weights.bin",
                Checksum.none(), OptionalLong.empty(), ModelFormat.TORCHSCRIPT, "graph", Optional.empty(), "test");
        assertThat(zoo().localModelsDir(local).build().resolve(graph)).isEqualTo(local.resolve("weights.bin"));
        assertThat(server.requests()).isZero();
    }

    @Test
    void aWrongFileInTheLocalFolderIsRefusedNotReplaced() throws IOException {
        ModelEntry e = served("wrong", Checksum.sha256(SHA));
        Path local = Files.createDirectories(dir.resolve("local"));
        Path placed = Files.write(local.resolve("wrong.bin"), bytes(BODY.length, 99));

        assertThatThrownBy(() -> zoo().localModelsDir(local).build().resolve(e))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining(placed.toString());
        assertThat(server.requests()).isZero();
    }

    @Test
    void aDamagedCachedFileWithAPublishedChecksumIsDownloadedAgain() throws IOException {
        ModelEntry e = served("damaged", Checksum.sha256(SHA));
        ModelZoo zoo = zoo().build();
        Path file = zoo.resolve(e);
        byte[] damaged = BODY.clone();
        damaged[10] ^= 1;
        Files.write(file, damaged);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));

        assertThat(zoo.resolve(e)).hasBinaryContent(BODY);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void trustOnFirstUseRecordsTheHashAndRefusesLaterChanges() throws IOException {
        server.serve("/m/tofu.bin", ok(BODY));
        ModelEntry e = entry("tofu", server.uri("/m/tofu.bin"), Checksum.none(), OptionalLong.empty());
        ModelZoo zoo = zoo().build();
        Path file = zoo.resolve(e);
        assertThat(file.resolveSibling("tofu.bin.sha256")).content().contains(SHA);

        Files.write(file, "tampered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> zoo.resolve(e))
                .isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(SHA)
                .hasMessageContaining("first use");
        assertThatThrownBy(() -> zoo.verify(file, e)).isInstanceOf(ModelChecksumException.class);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void isCachedFollowsResolve() {
        ModelEntry e = served("c", Checksum.prefix(SHA.substring(0, 10)));
        ModelZoo zoo = zoo().catalog(ModelCatalog.of(List.of(e))).build();

        assertThat(zoo.isCached("c")).isFalse();
        zoo.resolve("c");
        assertThat(zoo.isCached("c")).isTrue();
        assertThatThrownBy(() -> zoo.isCached("d")).isInstanceOf(ModelException.class).hasMessageContaining("'d'");
    }

    @Test
    void verifyChecksSizeAndHash() throws IOException {
        Path file = Files.write(dir.resolve("v.bin"), BODY);
        ModelZoo zoo = zoo().build();
        URI url = URI.create("https://example.invalid/v.bin");

        zoo.verify(file, entry("v", url, Checksum.sha256(SHA), OptionalLong.of(BODY.length)));
        zoo.verify(file, entry("v", url, Checksum.prefix(SHA.substring(0, 8)), OptionalLong.empty()));
        zoo.verify(file, entry("v", url, Checksum.none(), OptionalLong.empty()));
        assertThatThrownBy(() -> zoo.verify(file, entry("v", url, Checksum.none(), OptionalLong.of(3))))
                .isInstanceOf(ModelChecksumException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> zoo.verify(file, entry("v", url, Checksum.sha256("1".repeat(64)), OptionalLong.empty())))
                .isInstanceOf(ModelChecksumException.class).hasMessageContaining(SHA);
    }

    @Test
    void sha256OfAKnownInput() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc"), "abc");
        assertThat(ModelZoo.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> ModelZoo.sha256(dir.resolve("nope")))
                .isInstanceOf(ModelException.class).hasMessageContaining("nope");
    }

    @Test
    void theUrlRewriterPointsBuiltInEntriesAtAMirror() {
        ModelEntry vgg = ModelCatalog.builtIn().require("vgg19");
        server.serve("/mirror/vgg19-dcbb9e9d.pth", ok(BODY));
        ModelZoo zoo = zoo().urlRewriter(u -> server.uri("/mirror" + u.getPath().substring(u.getPath().lastIndexOf('/'))))
                .build();

        // The test body is not the real file, so the published size rejects it.
        assertThatThrownBy(() -> zoo.resolve(vgg)).isInstanceOf(ModelChecksumException.class)
                .hasMessageContaining("574673361 bytes");
        assertThat(server.log()).containsExactly("GET /mirror/vgg19-dcbb9e9d.pth");
    }

    @Test
    void settingsComeFromPropertiesThenEnvironment() {
        Map<String, String> props = Map.of("user.home", "/home/u", "brushwork.cache", "/p/cache",
                "brushwork.offline", "true");
        Map<String, String> env = Map.of("BRUSHWORK_CACHE", "/e/cache", "BRUSHWORK_OFFLINE", "false",
                "BRUSHWORK_MODELS", "/e/models");
        ModelZoo zoo = ModelZoo.builder(props::get, env::get).build();
        assertThat(zoo.cacheDir()).isEqualTo(Path.of("/p/cache"));
        assertThat(zoo.offline()).isTrue();
        assertThat(zoo.localModelsDir()).contains(Path.of("/e/models"));

        ModelZoo fromEnv = ModelZoo.builder(Map.of("user.home", "/home/u")::get, env::get).build();
        assertThat(fromEnv.cacheDir()).isEqualTo(Path.of("/e/cache"));
        assertThat(fromEnv.offline()).isFalse();

        ModelZoo bare = ModelZoo.builder(Map.of("user.home", "/home/u")::get, k -> null).build();
        assertThat(bare.cacheDir()).isEqualTo(Path.of("/home/u/.cache/brushwork"));
        assertThat(bare.offline()).isFalse();
        assertThat(bare.localModelsDir()).isEmpty();
        assertThat(bare.catalog()).isSameAs(ModelCatalog.builtIn());
        assertThat(bare.newBuilder().offline(true).build().cacheDir()).isEqualTo(bare.cacheDir());

        assertThatThrownBy(() -> ModelZoo.builder(Map.of("user.home", "/h")::get, Map.of("BRUSHWORK_OFFLINE", "maybe")::get))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("BRUSHWORK_OFFLINE");
        assertThatThrownBy(() -> zoo().maxAttempts(0)).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> zoo().readTimeout(Duration.ZERO)).isInstanceOf(InvalidOptionException.class);
    }
}
