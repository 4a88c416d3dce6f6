// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.Optimizer;
import io.brushwork.StyleTransfer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every per-iteration array lives in a scoped manager: resident memory must not grow with the
 * number of iterations, only with the (bounded) L-BFGS history.
 */
@EnabledOnOs(OS.LINUX)
class NativeMemoryTest {
    /** Resident set size of this process in kB, from the kernel. */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** The first run in a JVM grows allocator pools and caches once; measure after that. */
    @BeforeAll
    static void warmUp() {
        StyleTransferRunTest.small().optimizer(Optimizer.adam(2)).iterations(100).run();
        StyleTransferRunTest.small().iterations(100).run();
    }

    @Test
    void residentMemoryStaysFlatOver500Iterations() {
        flat(Optimizer.lbfgs().withHistorySize(10).withTolerances(0, 0));
    }

    @Test
    void residentMemoryStaysFlatOver500AdamIterations() {
        flat(Optimizer.adam(2));
    }

    /**
     * Compares the lowest RSS seen over iterations 30-50 with the lowest over 480-500: the minimum
     * of a window ignores transient peaks (allocator arenas) that say nothing about leaks, while a
     * leak of even one small array per iteration would add up to megabytes. The build gives these
     * tests a fixed, pre-touched Java heap, so RSS changes are native memory.
     */
    private static void flat(Optimizer optimizer) {
        long[] lowest = {Long.MAX_VALUE, Long.MAX_VALUE};
        StyleTransfer request = StyleTransferRunTest.small()
                .optimizer(optimizer)
                .iterations(500)
                .listener(e -> {
                    if (e.iteration() % 5 != 0) {
                        return;
                    }
                    if (e.iteration() >= 30 && e.iteration() <= 50) {
                        lowest[0] = Math.min(lowest[0], residentKb());
                    } else if (e.iteration() >= 480) {
                        lowest[1] = Math.min(lowest[1], residentKb());
                    }
                })
                .build();
        assertThat(request.run().iterations()).isEqualTo(500);
        long growthKb = lowest[1] - lowest[0];
        System.out.printf("%s: lowest RSS over iterations 30-50 = %d kB, over 480-500 = %d kB, growth %d kB%n",
                optimizer.name(), lowest[0], lowest[1], growthKb);
        assertThat(growthKb).as("RSS growth from iteration 50 to 500, kB").isLessThan(8 * 1024);
    }

    private static long settledResidentKb() {
        System.gc();
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return residentKb();
    }

    @Test
    void residentMemoryStaysFlatOver1000Translations() {
        io.brushwork.NetworkOptions cpu = io.brushwork.NetworkOptions.builder().device(io.brushwork.Device.cpu()).build();
        try (io.brushwork.Translator translator = io.brushwork.Translator.fromFile(
                NetworkFixtures.path("cyclegan_resnet9_ngf4.pth"), cpu)) {
            io.brushwork.RgbImage picture = StyleTransferRunTest.stripes(40, 32, 1);
            long early = Long.MAX_VALUE;
            long late = Long.MAX_VALUE;
            // The first few hundred calls grow libtorch's allocator pools; the 1000 measured come after.
            for (int i = -300; i <= 1000; i++) {
                translator.translate(picture);
                // DJL copies inputs through direct buffers that only a collection (and then the
                // cleaner thread) frees: let both run before sampling, so what is measured is what stays.
                if (i >= 0 && i <= 100 && i % 50 == 0) {
                    early = Math.min(early, settledResidentKb());
                } else if (i >= 900 && i % 50 == 0) {
                    late = Math.min(late, settledResidentKb());
                }
            }
            System.out.printf("translator: lowest RSS over calls 0-100 = %d kB, over 900-1000 = %d kB, growth %d kB%n",
                    early, late, late - early);
            assertThat(late - early).as("RSS growth over 1000 calls, kB").isLessThan(8 * 1024);
        }
    }

    @Test
    void cancelledRunsGiveTheirMemoryBack() throws Exception {
        // One worker thread for every run: a new thread would get new allocator arenas, which
        // are not what is measured here. The first run warms them.
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        long before = 0;
        for (int run = -1; run < 5; run++) {
            if (run == 0) {
                before = settledResidentKb();
            }
            java.util.concurrent.CountDownLatch going = new java.util.concurrent.CountDownLatch(3);
            io.brushwork.StyleTransferHandle handle = StyleTransferRunTest.small().iterations(100_000)
                    .listener(e -> going.countDown()).build().start(worker);
            going.await();
            handle.cancel();
            org.assertj.core.api.Assertions.assertThatThrownBy(handle::await)
                    .isInstanceOf(io.brushwork.RunCancelledException.class);
        }
        worker.shutdown();
        long after = settledResidentKb();
        System.out.printf("5 cancelled runs: RSS %d kB before, %d kB after%n", before, after);
        assertThat(after - before).as("RSS growth over 5 cancelled runs, kB").isLessThan(8 * 1024);
    }
}
