// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.AtomicFile;
import io.brushwork.InvalidOptionException;
import io.brushwork.ModelException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Finds model files on disk and downloads the missing ones, checked, into a cache.
 *
 * <p>{@link #resolve(ModelEntry)} looks in turn at:
 * <ol>
 *   <li>the local models folder ({@link Builder#localModelsDir}), which people fill by hand:
 *       a file there named as the entry's {@link ModelEntry#fileName() fileName} is checked and
 *       used, and never written to;</li>
 *   <li>the cache: {@code <cacheDir>/<id>/<fileName>}, checked cheaply against the SHA-256
 *       recorded next to it ({@code <fileName>.sha256}, with the size and modification time it
 *       was recorded for); a file whose size or time changed is hashed again;</li>
 *   <li>in offline mode, nothing more: a {@link ModelException} says where to put the file,
 *       and no connection is attempted;</li>
 *   <li>otherwise the entry's URL: the file is streamed to a temporary file in the cache folder
 *       while it is hashed, its size and SHA-256 are checked, and only then is it moved, in one
 *       atomic step, to its final name. A failed, dropped or interrupted download leaves nothing
 *       behind, and the next call starts again from scratch.</li>
 * </ol>
 *
 * <p>Entries without a published checksum are trusted on first use: the SHA-256 of the first
 * download is recorded, and a cached file that no longer matches the record is refused (delete
 * it to download it again). This detects a file changing later, not a wrong first download.
 *
 * <p>Threads and processes that resolve the same file at once download it once: a lock per file
 * within the JVM, and a {@link java.nio.channels.FileLock} on {@code <fileName>.lock} in the
 * cache folder across processes. Instances are immutable and safe to share.
 */
public final class ModelZoo {
    /** System property naming the cache folder. */
    public static final String CACHE_PROPERTY = "brushwork.cache";
    /** Environment variable naming the cache folder, when the property is not set. */
    public static final String CACHE_ENV = "BRUSHWORK_CACHE";
    /** System property: {@code true} forbids downloads. */
    public static final String OFFLINE_PROPERTY = "brushwork.offline";
    /** Environment variable: {@code true} forbids downloads, when the property is not set. */
    public static final String OFFLINE_ENV = "BRUSHWORK_OFFLINE";
    /** System property naming the local models folder. */
    public static final String MODELS_PROPERTY = "brushwork.models";
    /** Environment variable naming the local models folder, when the property is not set. */
    public static final String MODELS_ENV = "BRUSHWORK_MODELS";
    /** System property naming a catalogue file whose entries are added to (and override) the built-in ones. */
    public static final String CATALOG_PROPERTY = "brushwork.catalog";
    /** Environment variable naming such a catalogue file, when the property is not set. */
    public static final String CATALOG_ENV = "BRUSHWORK_CATALOG";

    private static final String RECORD_SUFFIX = ".sha256";
    private static final String LOCK_SUFFIX = ".lock";
    private static final String PART_SUFFIX = ".part";
    private static final int HASH_BUFFER = 1 << 20;
    private static final int MAX_RECORD_BYTES = 4096;

    /**
     * One lock per cached file for the whole JVM: a FileLock is held per process, so threads (and
     * ModelZoo instances) of one JVM must take turns before one of them takes the file lock.
     */
    private static final Map<Path, ReentrantLock> FILE_LOCKS = new ConcurrentHashMap<>();
    /** Local-folder files hashed in this JVM, so a large file is hashed once, not at every resolve. */
    private static final Map<Path, Recorded> LOCAL_HASHES = new ConcurrentHashMap<>();

    private final Path cacheDir;
    private final boolean offline;
    private final @Nullable Path localModelsDir;
    private final ModelCatalog catalog;
    private final DownloadListener listener;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient injectedClient;
    private final UnaryOperator<URI> urlRewriter;
    private volatile HttpClient client;

    private ModelZoo(Builder b) {
        this.cacheDir = b.cacheDir;
        this.offline = b.offline;
        this.localModelsDir = b.localModelsDir;
        this.catalog = b.catalog;
        this.listener = b.listener;
        this.maxAttempts = b.maxAttempts;
        this.retryBackoff = b.retryBackoff;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.injectedClient = b.httpClient;
        this.urlRewriter = b.urlRewriter;
    }

    /**
     * A zoo configured from the system properties and environment variables named above: the
     * built-in catalogue, plus the user catalogue file when one is named.
     *
     * @return a new zoo
     * @throws ModelException if the named user catalogue file cannot be read or is malformed
     * @throws InvalidOptionException if the offline setting is not a boolean such as {@code true} or {@code 0}
     */
    public static ModelZoo defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the configuration {@link #defaults()} has.
     *
     * @return a new builder
     * @throws ModelException if the named user catalogue file cannot be read or is malformed
     * @throws InvalidOptionException if the offline setting is not a boolean such as {@code true} or {@code 0}
     */
    public static Builder builder() {
        return new Builder(System::getProperty, System::getenv);
    }

    /** A builder whose defaults come from the given property and environment lookups (for tests). */
    static Builder builder(Function<String, String> properties, Function<String, String> environment) {
        return new Builder(properties, environment);
    }

    /**
     * A builder holding this zoo's configuration.
     *
     * @return a new builder; changing it leaves this zoo as it is
     */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /**
     * The cache folder.
     *
     * @return the folder downloads are kept in, one subfolder per entry id
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * Whether downloads are forbidden.
     *
     * @return true in offline mode
     */
    public boolean offline() {
        return offline;
    }

    /**
     * The folder people fill by hand, consulted before the cache, if one is set.
     *
     * @return the local models folder, or empty for none
     */
    public Optional<Path> localModelsDir() {
        return Optional.ofNullable(localModelsDir);
    }

    /**
     * The catalogue ids are looked up in.
     *
     * @return the catalogue
     */
    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * Where the cache keeps an entry's file: {@code <cacheDir>/<id>/<fileName>}.
     *
     * @param entry the catalogue entry
     * @return the cached file's path, whether or not the file exists
     */
    public Path cachePath(ModelEntry entry) {
        return cacheDir.resolve(entry.id()).resolve(entry.fileName());
    }

    /**
     * The file of the catalogue entry with this id, downloading it if needed.
     *
     * @param id the entry's id in {@link #catalog()}
     * @return the checked file, in the local models folder or the cache
     * @throws ModelException if the id is unknown, or as {@link #resolve(ModelEntry)}
     */
    public Path resolve(String id) {
        return resolve(catalog.require(id));
    }

    /**
     * The file of this entry: from the local models folder, the cache, or a download, as the
     * class documentation describes.
     *
     * @param entry the entry to resolve; it need not be in {@link #catalog()}
     * @return the checked file, in the local models folder or the cache
     * @throws ModelChecksumException if a file's size or SHA-256 does not match
     * @throws ModelFormatException if the file is a graph (TorchScript, ONNX) but the entry
     *     declares weights or the other graph format
     * @throws ModelDownloadException if the download fails (after retries, for transient failures)
     * @throws ModelException if the file is missing in offline mode, the cache cannot be written,
     *     or the calling thread is interrupted
     */
    public Path resolve(ModelEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Path file = obtain(entry);
        GraphTrust.requireAsDeclared(file, entry.id(), entry.format());
        return file;
    }

    private Path obtain(ModelEntry entry) {
        Optional<Path> local = localFile(entry);
        if (local.isPresent()) {
            checkLocal(local.get(), entry);
            return local.get();
        }
        Path target = cachePath(entry);
        CacheState state = cacheState(target, entry);
        if (state == CacheState.VALID) {
            return target;
        }
        if (offline) {
            if (state == CacheState.MISSING) {
                throw notAvailableOffline(entry, target);
            }
            throw cachedMismatch(target, entry);
        }
        return lockAndDownload(entry, target);
    }

    /**
     * Whether the entry's file is in the local models folder or the cache, so that
     * {@link #resolve(String)} would not download it. A cheap check: a cached file is only
     * compared with its record, not hashed again.
     *
     * @param id the entry's id in {@link #catalog()}
     * @return true when the file is present and not known to mismatch
     * @throws ModelException if the id is unknown
     */
    public boolean isCached(String id) {
        ModelEntry entry = catalog.require(id);
        if (localFile(entry).isPresent()) {
            return true;
        }
        Path target = cachePath(entry);
        if (!Files.isRegularFile(target)) {
            return false;
        }
        Recorded record = readRecord(target);
        return record == null || !record.isFor(target) || entry.checksum().matches(record.sha256);
    }

    /**
     * Checks a file against an entry: its size, when published, and its SHA-256 against the
     * published checksum. For an entry without one, the file is compared with the SHA-256
     * recorded next to it ({@code <file>.sha256}) if there is such a record.
     *
     * @param file the file to check
     * @param entry the entry whose size and checksum it must have
     * @throws ModelChecksumException on a mismatch, naming the file, expected and actual value
     * @throws ModelException if the file cannot be read
     */
    public void verify(Path file, ModelEntry entry) {
        checkSize(file.toString(), entry, size(file));
        String actual = sha256(file);
        if (entry.checksum() instanceof Checksum.None) {
            Recorded record = readRecord(file);
            if (record != null && !record.sha256.equals(actual)) {
                throw new ModelChecksumException(file.toString(), "SHA-256 (recorded on first use)", record.sha256, actual);
            }
        } else {
            checkSha256(file.toString(), entry, actual);
        }
    }

    /**
     * The SHA-256 of a file, as 64 lower-case hex digits.
     *
     * @param file the file to hash
     * @return the SHA-256, as 64 lower-case hex digits
     * @throws ModelException if the file is missing, not a regular file (a directory, FIFO or
     *     device, which could block or never end), or cannot be read
     */
    public static String sha256(Path file) {
        ModelFiles.requireRegularFile(file, "model file");
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[HASH_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new ModelException("model file not found: " + file);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Optional<Path> localFile(ModelEntry entry) {
        if (localModelsDir == null) {
            return Optional.empty();
        }
        Path file = localModelsDir.resolve(entry.fileName());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Checks a hand-placed file; its hash is remembered for this JVM while its size and time stay the same. */
    private void checkLocal(Path file, ModelEntry entry) {
        checkSize(file.toString(), entry, size(file));
        if (entry.checksum() instanceof Checksum.None) {
            return;
        }
        Path key = file.toAbsolutePath().normalize();
        Recorded known = LOCAL_HASHES.get(key);
        String actual;
        if (known != null && known.isFor(file)) {
            actual = known.sha256;
        } else {
            actual = sha256(file);
            LOCAL_HASHES.put(key, Recorded.of(file, actual));
        }
        checkSha256(file.toString(), entry, actual);
    }

    private enum CacheState { MISSING, VALID, MISMATCH }

    /**
     * Whether the cached file is usable. A record that still matches the file's size and time
     * stands for its hash; otherwise the file is hashed and, if it passes, the record rewritten.
     */
    private CacheState cacheState(Path target, ModelEntry entry) {
        if (!Files.isRegularFile(target)) {
            return CacheState.MISSING;
        }
        long size = size(target);
        if (entry.size().isPresent() && entry.size().getAsLong() != size) {
            return CacheState.MISMATCH;
        }
        Recorded record = readRecord(target);
        if (record != null && record.isFor(target)) {
            return entry.checksum().matches(record.sha256) ? CacheState.VALID : CacheState.MISMATCH;
        }
        String actual = sha256(target);
        boolean trustedOnFirstUse = entry.checksum() instanceof Checksum.None;
        // A stale record of a trust-on-first-use file is still the first-use hash: the file must match it.
        boolean ok = trustedOnFirstUse ? record == null || record.sha256.equals(actual) : entry.checksum().matches(actual);
        if (!ok) {
            return CacheState.MISMATCH;
        }
        writeRecord(target, actual);
        return CacheState.VALID;
    }

    private ModelException cachedMismatch(Path target, ModelEntry entry) {
        long size = size(target);
        if (entry.size().isPresent() && entry.size().getAsLong() != size) {
            return new ModelChecksumException(target.toString(), "size", entry.size().getAsLong() + " bytes",
                    size + " bytes");
        }
        String actual = sha256(target);
        Recorded record = readRecord(target);
        String expected = entry.checksum() instanceof Checksum.None && record != null
                ? record.sha256 + " (recorded on first use; delete the file to download it again)"
                : entry.checksum().describe();
        return new ModelChecksumException(target.toString(), "SHA-256", expected, actual);
    }

    private ModelException notAvailableOffline(ModelEntry entry, Path target) {
        String places = localModelsDir != null
                ? localModelsDir.resolve(entry.fileName()) + " (local models folder) or " + target + " (cache)"
                : target + " (cache), or into a folder named by " + MODELS_PROPERTY + " / " + MODELS_ENV;
        return new ModelException("model '" + entry.id() + "' is not available offline: " + entry.fileName()
                + " is not on disk and downloads are off; download it from " + entry.url() + " and save it as "
                + places);
    }

    private Path lockAndDownload(ModelEntry entry, Path target) {
        Path dir = target.getParent();
        Path real;
        try {
            Files.createDirectories(dir);
            real = dir.toRealPath().resolve(entry.fileName());
        } catch (IOException e) {
            throw new ModelException("cannot create cache folder " + dir + ": " + e.getMessage(), e);
        }
        ReentrantLock jvmLock = FILE_LOCKS.computeIfAbsent(real, k -> new ReentrantLock());
        try {
            jvmLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(entry);
        }
        Path lockFile = dir.resolve(entry.fileName() + LOCK_SUFFIX);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Held until the channel closes.
            channel.lock();
            // Another thread or process may have finished the download while this one waited.
            CacheState state = cacheState(target, entry);
            if (state == CacheState.VALID) {
                return target;
            }
            if (state == CacheState.MISMATCH) {
                if (entry.checksum() instanceof Checksum.None && readRecord(target) != null) {
                    throw cachedMismatch(target, entry);
                }
                // The published checksum vouches for a new download, so a damaged copy can go.
                Files.delete(target);
                Files.deleteIfExists(recordPath(target));
            }
            deleteStaleParts(dir, entry.fileName());
            return downloadWithRetries(entry, target);
        } catch (ClosedByInterruptException e) {
            throw interrupted(entry);
        } catch (IOException e) {
            throw new ModelException("cannot lock or write the cache for " + target + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Removes temporary files a killed process left; safe because this process holds the file's lock. */
    private static void deleteStaleParts(Path dir, String fileName) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith("." + fileName + ".") && (name.endsWith(PART_SUFFIX) || name.endsWith(".tmp"))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path downloadWithRetries(ModelEntry entry, Path target) {
        URI url = Objects.requireNonNull(urlRewriter.apply(entry.url()), "urlRewriter returned null");
        RetryableFailure last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(entry, retryBackoff.multipliedBy(1L << Math.min(attempt - 2, 16)));
            }
            try {
                return downloadOnce(entry, url, target, attempt);
            } catch (RetryableFailure e) {
                last = e;
            }
        }
        String tries = maxAttempts == 1 ? "" : " (" + maxAttempts + " attempts)";
        throw new ModelDownloadException(url, last.status, last.getMessage() + tries, last.getCause());
    }

    private void pause(ModelEntry entry, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(entry);
        }
    }

    /**
     * One attempt: the body goes straight to a temporary file, hashed on the way, and becomes the
     * cached file only once its size and SHA-256 are right.
     */
    private Path downloadOnce(ModelEntry entry, URI url, Path target, int attempt) throws RetryableFailure {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("User-Agent", "brushwork-model-zoo").GET().build();
        Attempt current = new Attempt(entry, url, target, attempt);
        CompletableFuture<HttpResponse<Long>> pending = client().sendAsync(request, current::handle);
        try {
            HttpResponse<Long> response = await(pending, current);
            int status = response.statusCode();
            if (status != 200) {
                String where = response.uri().equals(url) ? url.toString()
                        : response.uri() + " (redirected from " + url + ")";
                String message = "cannot download model '" + entry.id() + "': HTTP " + status + " from " + where;
                if (status == 408 || status == 429 || status >= 500) {
                    throw new RetryableFailure(message, status, null);
                }
                throw new ModelDownloadException(url, status, message, null);
            }
            return current.body().finish();
        } finally {
            current.close();
        }
    }

    /**
     * Waits for the response while data keeps coming; a transfer silent for longer than the read
     * timeout is cancelled, as the HTTP client only times out the wait for the headers.
     */
    private HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> pending, Attempt current)
            throws RetryableFailure {
        long idleLimit = readTimeout.toNanos();
        long tick = Math.max(1, Math.min(readTimeout.toMillis() / 4, 250));
        while (true) {
            try {
                return pending.get(tick, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - current.lastActivity() > idleLimit) {
                    current.close();
                    pending.cancel(true);
                    throw new RetryableFailure("cannot download model '" + current.entry.id() + "' from "
                            + current.url + ": no data for " + readTimeout.toMillis() + " ms", -1, null);
                }
            } catch (InterruptedException e) {
                current.close();
                pending.cancel(true);
                Thread.currentThread().interrupt();
                throw interrupted(current.entry);
            } catch (ExecutionException e) {
                throw failure(e.getCause(), current.url, current.entry);
            }
        }
    }

    /**
     * One request's state, shared by the caller and the HTTP client's threads: once closed, a
     * late response is discarded instead of starting a temporary file nobody would delete.
     */
    private final class Attempt {
        final ModelEntry entry;
        final URI url;
        final Path target;
        final int number;
        final long started = System.nanoTime();
        private BodyToFile body;
        private boolean closed;

        Attempt(ModelEntry entry, URI url, Path target, int number) {
            this.entry = entry;
            this.url = url;
            this.target = target;
            this.number = number;
        }

        HttpResponse.BodySubscriber<Long> handle(HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            OptionalLong announced = info.headers().firstValueAsLong("Content-Length");
            if (entry.size().isPresent() && announced.isPresent() && announced.getAsLong() != entry.size().getAsLong()) {
                throw new ModelChecksumException(url.toString(), "size", entry.size().getAsLong() + " bytes",
                        announced.getAsLong() + " bytes (Content-Length)");
            }
            synchronized (this) {
                if (closed) {
                    return HttpResponse.BodySubscribers.replacing(-1L);
                }
                body = new BodyToFile(this, entry.size().isPresent() ? entry.size() : announced);
                return body;
            }
        }

        synchronized BodyToFile body() {
            return body;
        }

        long lastActivity() {
            BodyToFile b = body();
            return b == null ? started : b.lastActivity();
        }

        /** Stops the transfer if it still runs and deletes the temporary file; idempotent. */
        void close() {
            BodyToFile b;
            synchronized (this) {
                closed = true;
                b = body;
            }
            if (b != null) {
                b.discard();
            }
        }
    }

    /** Sorts the cause of a failed exchange into our own errors, local disk trouble and retryable network trouble. */
    private static RuntimeException failure(Throwable cause, URI url, ModelEntry entry) throws RetryableFailure {
        while (cause instanceof ExecutionException || cause instanceof CompletionException) {
            cause = cause.getCause();
        }
        if (cause instanceof ModelException) {
            return (ModelException) cause;
        }
        if (cause instanceof UncheckedIOException) {
            IOException io = ((UncheckedIOException) cause).getCause();
            return new ModelException("cannot write the download of model '" + entry.id() + "' to the cache: "
                    + io.getMessage(), io);
        }
        if (cause instanceof IOException) {
            String problem = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new RetryableFailure("cannot download model '" + entry.id() + "' from " + url + ": " + problem, -1, cause);
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        return new ModelException("cannot download model '" + entry.id() + "' from " + url + ": " + cause, cause);
    }

    private static ModelException interrupted(ModelEntry entry) {
        return new ModelException("download of model '" + entry.id() + "' interrupted; nothing was cached");
    }

    private HttpClient client() {
        if (injectedClient != null) {
            return injectedClient;
        }
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(connectTimeout).build();
                    client = c;
                }
            }
        }
        return c;
    }

    private static void checkSize(String source, ModelEntry entry, long actual) {
        if (entry.size().isPresent() && entry.size().getAsLong() != actual) {
            throw new ModelChecksumException(source, "size", entry.size().getAsLong() + " bytes", actual + " bytes");
        }
    }

    private static void checkSha256(String source, ModelEntry entry, String actual) {
        if (!entry.checksum().matches(actual)) {
            throw new ModelChecksumException(source, "SHA-256", entry.checksum().describe(), actual);
        }
    }

    private static long size(Path file) {
        return ModelFiles.requireRegularFile(file, "model file");
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Path recordPath(Path file) {
        return file.resolveSibling(file.getFileName() + RECORD_SUFFIX);
    }

    /** The record next to a file, or null if there is none or it cannot be read. */
    private static @Nullable Recorded readRecord(Path file) {
        Path path = recordPath(file);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            // A record is about 150 bytes; a larger file is not one, and is never read in full.
            byte[] bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
            if (bytes.length > MAX_RECORD_BYTES) {
                return null;
            }
            p.load(new ByteArrayInputStream(bytes));
            String sha = p.getProperty("sha256", "");
            if (!sha.matches("[0-9a-f]{64}")) {
                return null;
            }
            return new Recorded(sha, Long.parseLong(p.getProperty("size", "-1")),
                    Long.parseLong(p.getProperty("modified", "-1")));
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable record is no record: the file is hashed again.
            return null;
        }
    }

    /** Writes the record atomically, so a reader sees the old one or the new one. */
    private static void writeRecord(Path file, String sha256) {
        Recorded record = Recorded.of(file, sha256);
        Properties p = new Properties();
        p.setProperty("sha256", record.sha256);
        p.setProperty("size", Long.toString(record.size));
        p.setProperty("modified", Long.toString(record.modified));
        Path path = recordPath(file);
        try {
            // Its temporary file, .<fileName>.sha256.<random>.tmp, is one that deleteStaleParts removes.
            AtomicFile.write(path, channel -> p.store(Channels.newOutputStream(channel),
                    "SHA-256 of " + file.getFileName() + ", for the size and modification time below"));
        } catch (IOException e) {
            throw new ModelException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new empty file {@code .<name>.<random><suffix>} beside {@code file}, named as
     * {@link AtomicFile} names its temporary files. Unlike Files.createTempFile it gets the usual
     * permissions (the umask's), so a cache can be shared.
     */
    private static Path newHiddenFile(Path file, String suffix) throws IOException {
        while (true) {
            Path candidate = file.resolveSibling("." + file.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // Try another name.
            }
        }
    }

    /** A file's SHA-256 together with the size and modification time it was computed for. */
    private static final class Recorded {
        final String sha256;
        final long size;
        final long modified;

        Recorded(String sha256, long size, long modified) {
            this.sha256 = sha256;
            this.size = size;
            this.modified = modified;
        }

        static Recorded of(Path file, String sha256) {
            try {
                return new Recorded(sha256, Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
            }
        }

        boolean isFor(Path file) {
            try {
                return Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modified;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** A network failure worth another attempt: a dropped or refused connection, a stall, a 5xx. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        RetryableFailure(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }
    }

    /**
     * Receives a response body into a temporary file next to the target, hashing and counting
     * it, and reporting progress. Callbacks come one at a time from the HTTP client.
     */
    private final class BodyToFile implements HttpResponse.BodySubscriber<Long> {
        private final Attempt attempt;
        private final ModelEntry entry;
        private final OptionalLong total;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private final MessageDigest digest = newDigest();
        private final Path part;
        private final FileChannel out;
        private volatile Flow.Subscription subscription;
        private volatile long lastActivity = System.nanoTime();
        private long bytes;

        BodyToFile(Attempt attempt, OptionalLong total) {
            this.attempt = attempt;
            this.entry = attempt.entry;
            this.total = total;
            Path target = attempt.target;
            try {
                part = newHiddenFile(target, PART_SUFFIX);
                out = FileChannel.open(part, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long lastActivity() {
            return lastActivity;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                listener.onProgress(new DownloadProgress(entry.id(), attempt.number, 0, total));
                s.request(1);
            } catch (RuntimeException e) {
                abort(e);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    digest.update(buffer.duplicate());
                    bytes += buffer.remaining();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                if (entry.size().isPresent() && bytes > entry.size().getAsLong()) {
                    // Stop at once rather than fill the disk with a file that cannot be right.
                    throw new ModelChecksumException(attempt.url.toString(), "size",
                            entry.size().getAsLong() + " bytes", "more than that");
                }
                lastActivity = System.nanoTime();
                listener.onProgress(new DownloadProgress(entry.id(), attempt.number, bytes, total));
                subscription.request(1);
            } catch (IOException e) {
                abort(new UncheckedIOException(e));
            } catch (RuntimeException e) {
                abort(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes);
        }

        @Override
        public CompletableFuture<Long> getBody() {
            return result;
        }

        private void abort(Throwable why) {
            subscription.cancel();
            result.completeExceptionally(why);
        }

        /** Checks the complete body and moves it into place. */
        Path finish() throws RetryableFailure {
            try {
                out.force(true);
                out.close();
            } catch (IOException e) {
                throw new ModelException("cannot write " + part + ": " + e.getMessage(), e);
            }
            String source = attempt.url.toString();
            if (total.isPresent() && bytes < total.getAsLong()) {
                // A body without a length that ended early: the connection dropped.
                throw new RetryableFailure("cannot download model '" + entry.id() + "' from " + source
                        + ": connection closed after " + bytes + " of " + total.getAsLong() + " bytes", -1, null);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            checkSize(source, entry, bytes);
            checkSha256(source, entry, actual);
            try {
                AtomicFile.move(part, attempt.target);
            } catch (IOException e) {
                throw new ModelException("cannot move the download to " + attempt.target + ": " + e.getMessage(), e);
            }
            writeRecord(attempt.target, actual);
            return attempt.target;
        }

        /** Stops the transfer and deletes the temporary file; a no-op for a file already moved. */
        void discard() {
            Flow.Subscription s = subscription;
            if (s != null && !result.isDone()) {
                s.cancel();
            }
            try {
                out.close();
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // Left for deleteStaleParts on the next download of this file.
            }
        }
    }

    /**
     * Configuration of a {@link ModelZoo}. Unset values come from system properties, then
     * environment variables, then the defaults described on each method.
     */
    public static final class Builder {
        private Path cacheDir;
        private boolean offline;
        private @Nullable Path localModelsDir;
        private ModelCatalog catalog = ModelCatalog.builtIn();
        private DownloadListener listener = p -> { };
        private int maxAttempts = 3;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(60);
        private HttpClient httpClient;
        private UnaryOperator<URI> urlRewriter = UnaryOperator.identity();

        private Builder(Function<String, String> properties, Function<String, String> environment) {
            String cache = setting(properties, environment, CACHE_PROPERTY, CACHE_ENV);
            cacheDir = cache != null ? Path.of(cache) : Path.of(properties.apply("user.home"), ".cache", "brushwork");
            String off = setting(properties, environment, OFFLINE_PROPERTY, OFFLINE_ENV);
            String offProperty = properties.apply(OFFLINE_PROPERTY);
            String source = offProperty != null && !offProperty.isBlank() ? OFFLINE_PROPERTY : OFFLINE_ENV;
            offline = off != null && parseBoolean(off, source);
            String models = setting(properties, environment, MODELS_PROPERTY, MODELS_ENV);
            localModelsDir = models != null ? Path.of(models) : null;
            String userCatalog = setting(properties, environment, CATALOG_PROPERTY, CATALOG_ENV);
            if (userCatalog != null) {
                catalog = ModelCatalog.builtIn().plus(ModelCatalog.load(Path.of(userCatalog)));
            }
        }

        private Builder(ModelZoo zoo) {
            cacheDir = zoo.cacheDir;
            offline = zoo.offline;
            localModelsDir = zoo.localModelsDir;
            catalog = zoo.catalog;
            listener = zoo.listener;
            maxAttempts = zoo.maxAttempts;
            retryBackoff = zoo.retryBackoff;
            connectTimeout = zoo.connectTimeout;
            readTimeout = zoo.readTimeout;
            httpClient = zoo.injectedClient;
            urlRewriter = zoo.urlRewriter;
        }

        private static String setting(Function<String, String> properties, Function<String, String> environment,
                String property, String env) {
            String value = properties.apply(property);
            if (value == null || value.isBlank()) {
                value = environment.apply(env);
            }
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static boolean parseBoolean(String text, String name) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true": case "1": case "yes": case "on":
                    return true;
                case "false": case "0": case "no": case "off":
                    return false;
                default:
                    throw new InvalidOptionException(name, "expected true or false, got '" + text + "'");
            }
        }

        /**
         * The cache folder. Default: property {@value #CACHE_PROPERTY}, else environment variable
         * {@value #CACHE_ENV}, else {@code ~/.cache/brushwork}.
         *
         * @param dir the cache folder; created when first needed
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            cacheDir = Objects.requireNonNull(dir, "cacheDir");
            return this;
        }

        /**
         * Whether downloads are forbidden. Default: property {@value #OFFLINE_PROPERTY}, else
         * environment variable {@value #OFFLINE_ENV}, else false.
         *
         * @param offline true to forbid downloads
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * A folder of hand-placed model files, consulted first; null for none. Default: property
         * {@value #MODELS_PROPERTY}, else environment variable {@value #MODELS_ENV}, else none.
         *
         * @param dir the local models folder, or null for none
         * @return this builder
         */
        public Builder localModelsDir(@Nullable Path dir) {
            localModelsDir = dir;
            return this;
        }

        /**
         * The catalogue ids are looked up in. Default: the built-in one, plus the file named by {@value #CATALOG_PROPERTY} / {@value #CATALOG_ENV}.
         *
         * @param catalog the catalogue, used as it is
         * @return this builder
         */
        public Builder catalog(ModelCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Receives download progress. Default: none.
         *
         * @param listener the listener for every download of the zoo
         * @return this builder
         */
        public Builder listener(DownloadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How many times a download is tried when it fails for a reason that may pass (a refused,
         * dropped or stalled connection, HTTP 408, 429 or 5xx). Default 3.
         *
         * @param attempts the number of tries, 1 to 100; 1 means no retries
         * @return this builder
         * @throws InvalidOptionException if {@code attempts} is outside 1 to 100
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new InvalidOptionException("maxAttempts", "must be in 1..100, got " + attempts);
            }
            maxAttempts = attempts;
            return this;
        }

        /**
         * The pause before the first retry, doubled for each later one. Default 1 second.
         *
         * @param pause the first pause; zero for none
         * @return this builder
         * @throws InvalidOptionException if {@code pause} is negative
         */
        public Builder retryBackoff(Duration pause) {
            if (pause.isNegative()) {
                throw new InvalidOptionException("retryBackoff", "must be >= 0, got " + pause);
            }
            retryBackoff = pause;
            return this;
        }

        /**
         * How long connecting may take (ignored with {@link #httpClient}, which has its own). Default 30 seconds.
         *
         * @param timeout the connect timeout
         * @return this builder
         * @throws InvalidOptionException if {@code timeout} is zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long the server may stay silent, before the headers or between parts of the body. Default 60 seconds.
         *
         * @param timeout the read timeout
         * @return this builder
         * @throws InvalidOptionException if {@code timeout} is zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * The HTTP client to download with, for proxies, TLS settings or tests; it should follow
         * redirects. Default: a client of its own that follows redirects (but not from https to http).
         *
         * @param client the client to use for every download
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Maps each entry's URL to the one actually requested, for a mirror or a test server. Default: none.
         *
         * @param rewriter the function from an entry's URL to the URL requested
         * @return this builder
         */
        public Builder urlRewriter(UnaryOperator<URI> rewriter) {
            urlRewriter = Objects.requireNonNull(rewriter, "urlRewriter");
            return this;
        }

        /**
         * The configured zoo.
         *
         * @return a new zoo with this builder's settings
         */
        public ModelZoo build() {
            return new ModelZoo(this);
        }

        private static Duration positive(String option, Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new InvalidOptionException(option, "must be positive, got " + d);
            }
            return d;
        }
    }
}
