// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.lang.management.ManagementFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The bytes that the current thread allocated while running an action, and what it threw. Unlike
 * the process's memory use, this counts only the action's own allocations, garbage included, and
 * does not depend on the collector or on what other threads do: a deterministic memory bound.
 *
 * @param bytes the bytes allocated on the heap by the current thread during the action
 * @param thrown what the action threw, or {@code null} if it returned
 */
record Allocated(long bytes, @Nullable Throwable thrown) {
    static final long MIB = 1 << 20;

    /** Runs {@code action}; the test is skipped on a JVM that cannot count a thread's allocations. */
    static Allocated during(ThrowingCallable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        Throwable thrown = null;
        try {
            action.call();
        } catch (Throwable t) {
            thrown = t;
        }
        return new Allocated(threads.getThreadAllocatedBytes(thread) - before, thrown);
    }
}
