// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 (a free port) for download tests, started before and stopped after
 * each test. Register it on an instance field with {@code @RegisterExtension}. Paths answer with
 * the responses given to {@link #serve}, one per request in turn (the last one repeats); other
 * paths answer 404. Every request is counted and logged.
 */
public final class LocalHttpServer implements BeforeEachCallback, AfterEachCallback {

    /** One way of answering a request. */
    @FunctionalInterface
    public interface Response {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final Map<String, List<Response>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        server.stop(0);
        // Interrupts handlers that are still sleeping in a stall.
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The server's URL for a path such as {@code /models/a.pth}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers requests for {@code path} with these responses in turn, the last one for every later request. */
    public void serve(String path, Response... responses) {
        routes.put(path, new ArrayList<>(Arrays.asList(responses)));
    }

    /** Requests received for one path. */
    public int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests received in all. */
    public int requests() {
        return log.size();
    }

    /** Request lines received so far, such as {@code GET /models/a.pth}. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        log.add(exchange.getRequestMethod() + " " + path);
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        List<Response> responses = routes.get(path);
        // An exception thrown from here makes the server drop the connection, as dropsHalfway wants.
        try (exchange) {
            if (responses == null) {
                status(404).answer(exchange);
            } else {
                responses.get(Math.min(n, responses.size() - 1)).answer(exchange);
            }
        }
    }

    /** 200 with the whole body and its Content-Length. */
    public static Response ok(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** 200 with the whole body sent in chunks, without a Content-Length. */
    public static Response chunked(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** 200 announcing the whole length, then half the body, then a closed connection. */
    public static Response dropsHalfway(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            // Closing short of the announced length throws, and the server then drops the connection.
            out.close();
        };
    }

    /** Headers and nothing more for {@code millis}, then the whole body. */
    public static Response stalls(byte[] body, long millis) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.flush();
            sleep(millis);
            out.write(body);
            out.close();
        };
    }

    /** Waits {@code millis} before answering with {@code then}. */
    public static Response delayed(long millis, Response then) {
        return exchange -> {
            sleep(millis);
            then.answer(exchange);
        };
    }

    /** An empty answer with this status. */
    public static Response status(int code) {
        return exchange -> exchange.sendResponseHeaders(code, -1);
    }

    /** 302 to another path of this server. */
    public static Response redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("server stopped", e);
        }
    }
}
