package io.brushwork.djl;

import io.brushwork.Optimizer;
import io.brushwork.StyleTransfer;
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

    @Test
    void residentMemoryStaysFlatOver300Iterations() {
        flat(Optimizer.lbfgs().withHistorySize(10).withTolerances(0, 0));
    }

    @Test
    void residentMemoryStaysFlatOver300AdamIterations() {
        flat(Optimizer.adam(2));
    }

    private static void flat(Optimizer optimizer) {
        long[] at = new long[2];
        StyleTransfer request = StyleTransferRunTest.small()
                .optimizer(optimizer)
                .iterations(300)
                .listener(e -> {
                    if (e.iteration() == 50) {
                        System.gc();
                        at[0] = residentKb();
                    } else if (e.iteration() == 300) {
                        System.gc();
                        at[1] = residentKb();
                    }
                })
                .build();
        request.run();
        assertThat(at[0]).isPositive();
        long growthKb = at[1] - at[0];
        System.out.printf("%s: RSS at iteration 50 = %d kB, at 300 = %d kB, growth %d kB%n",
                optimizer.name(), at[0], at[1], growthKb);
        assertThat(growthKb).as("RSS growth from iteration 50 to 300, kB").isLessThan(8 * 1024);
    }
}
