// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.spi;

import io.brushwork.Architecture;
import io.brushwork.EngineException;
import io.brushwork.ModelException;
import io.brushwork.NetworkOptions;
import io.brushwork.StyleTransfer;
import io.brushwork.StylizedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Providers are found once per context class loader. Each test registers its providers in a
 * loader of its own, so that the service files never reach other modules through the test jar.
 */
public class EnginesTest {
    static final AtomicInteger LOW = new AtomicInteger();
    static final AtomicInteger HIGH = new AtomicInteger();
    static final AtomicInteger RESOLVERS = new AtomicInteger();

    @TempDir
    Path services;

    @Test
    void theEngineOfHighestPriorityIsFoundOncePerLoader() throws Exception {
        register(StyleTransferEngine.class, LowEngine.class, HighEngine.class);
        int low = LOW.get();
        int high = HIGH.get();
        StyleTransferEngine first;
        try (URLClassLoader loader = loader()) {
            first = in(loader, Engines::styleTransfer);
            assertThat(first).isInstanceOf(HighEngine.class);
            assertThat(in(loader, Engines::styleTransfer)).isSameAs(first);
            assertThat(in(loader, Engines::styleTransfer)).isSameAs(first);
            assertThat(LOW.get() - low).isEqualTo(1);
            assertThat(HIGH.get() - high).isEqualTo(1);
        }
        try (URLClassLoader other = loader()) {
            StyleTransferEngine second = in(other, Engines::styleTransfer);
            assertThat(second).isInstanceOf(HighEngine.class).isNotSameAs(first);
            assertThat(HIGH.get() - high).isEqualTo(2);
        }
    }

    @Test
    void concurrentCallersShareOneDiscovery() throws Exception {
        register(StyleTransferEngine.class, HighEngine.class);
        int high = HIGH.get();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (URLClassLoader loader = loader()) {
            List<Future<StyleTransferEngine>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(() -> in(loader, Engines::styleTransfer)));
            }
            StyleTransferEngine first = calls.get(0).get();
            for (Future<StyleTransferEngine> call : calls) {
                assertThat(call.get()).isSameAs(first);
            }
            assertThat(HIGH.get() - high).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void zooIdsResolveThroughResolversFoundOnce() throws Exception {
        register(ModelResolver.class, KnowsOne.class);
        int resolvers = RESOLVERS.get();
        try (URLClassLoader loader = loader()) {
            assertThat(in(loader, () -> Engines.resolveZooModel("one")).file()).isEqualTo(Path.of("one.pth"));
            assertThat(in(loader, () -> Engines.resolveZooModel("one")).declaredGraph()).isFalse();
            assertThatThrownBy(() -> in(loader, () -> Engines.resolveZooModel("two")))
                    .isInstanceOf(ModelException.class).hasMessageContaining("'two'");
            assertThat(RESOLVERS.get() - resolvers).isEqualTo(1);
        }
    }

    @Test
    void withoutEnginesTheErrorsAreUnchanged() throws Exception {
        try (URLClassLoader loader = loader()) {
            assertThatThrownBy(() -> in(loader, Engines::styleTransfer))
                    .isInstanceOf(EngineException.class).hasMessageContaining("no style-transfer engine");
            assertThatThrownBy(() -> in(loader, () -> Engines.network(Path.of("x.pth"), NetworkOptions.defaults())))
                    .isInstanceOf(EngineException.class).hasMessageContaining("no network engine");
        }
    }

    private void register(Class<?> service, Class<?>... providers) throws IOException {
        Path file = services.resolve("META-INF/services/" + service.getName());
        Files.createDirectories(file.getParent());
        List<String> names = new ArrayList<>();
        for (Class<?> p : providers) {
            names.add(p.getName());
        }
        Files.write(file, names);
    }

    /** A loader that sees this test's service files and, through its parent, the test classes. */
    private URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {services.toUri().toURL()}, EnginesTest.class.getClassLoader());
    }

    private static <T> T in(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    abstract static class CountedEngine implements StyleTransferEngine {
        @Override
        public StylizedImage run(StyleTransfer request, RunControl control) {
            throw new UnsupportedOperationException();
        }
    }

    public static class LowEngine extends CountedEngine {
        public LowEngine() {
            LOW.incrementAndGet();
        }

        @Override
        public String name() {
            return "low";
        }

        @Override
        public int priority() {
            return 1;
        }
    }

    public static class HighEngine extends CountedEngine {
        public HighEngine() {
            HIGH.incrementAndGet();
        }

        @Override
        public String name() {
            return "high";
        }

        @Override
        public int priority() {
            return 5;
        }
    }

    public static class KnowsOne implements ModelResolver {
        public KnowsOne() {
            RESOLVERS.incrementAndGet();
        }

        @Override
        public boolean knows(String id) {
            return id.equals("one");
        }

        @Override
        public Path resolve(String id) {
            return Path.of(id + ".pth");
        }

        @Override
        public Optional<Architecture> architecture(String id) {
            return Optional.empty();
        }
    }
}
