// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushwork.zoo.testing.LocalHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs resolving the same file into one cache: the FileLock makes the second wait and reuse the download. */
class ModelZooProcessTest {
    @RegisterExtension
    final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    @Test
    void aSecondProcessWaitsForTheFirstDownload() throws Exception {
        byte[] body = ModelZooTest.bytes(200_000, 3);
        String sha = ModelZooTest.sha(body);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.serve("/m/p.bin", exchange -> {
            arrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttpServer.ok(body).answer(exchange);
        });
        ModelEntry entry = new ModelEntry("p", "test model", server.uri("/m/p.bin"), "p.bin", Checksum.sha256(sha),
                OptionalLong.empty(), ModelFormat.SAFETENSORS, "test", Optional.empty(), "test");
        Path cache = dir.resolve("cache");
        ModelZoo zoo = ModelZoo.builder(Map.of("user.home", "/nonexistent")::get, k -> null).cacheDir(cache).build();

        // This JVM starts the download and holds the file lock while the server waits.
        CompletableFuture<Path> here = CompletableFuture.supplyAsync(() -> zoo.resolve(entry));
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResolveInAnotherProcess.class.getName(), cache.toString(), "p", entry.url().toString(), sha)
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            lines.add(first);
            // The child is now in resolve, waiting for the lock; give it time to queue up, then let the download finish.
            Thread.sleep(500);
            release.countDown();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            release.countDown();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path file = here.get(30, TimeUnit.SECONDS);
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).first().isEqualTo("ready");
        assertThat(Path.of(lines.get(lines.size() - 1))).isEqualTo(file);
        assertThat(file).hasBinaryContent(body);
        assertThat(server.requests()).as("one download for both processes").isEqualTo(1);
    }
}
