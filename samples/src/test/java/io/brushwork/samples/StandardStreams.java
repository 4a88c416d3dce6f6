// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs code with standard output and error redirected, Scala's {@code Console} included (it keeps
 * its own reference to the streams), and gives back what it printed.
 */
public final class StandardStreams {
    private StandardStreams() {
    }

    /** What code returned and printed on standard output and standard error. */
    public record Captured<T>(T value, String out, String err) {
    }

    public static <T> Captured<T> capture(Supplier<T> code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            T value = scala.Console.withOut(o, () -> scala.Console.withErr(e, code::get));
            return new Captured<>(value, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Standard output while {@code code} ran. */
    public static String out(Runnable code) {
        return capture(() -> {
            code.run();
            return null;
        }).out();
    }

    /** Standard error while {@code code} ran. */
    public static String err(Runnable code) {
        return capture(() -> {
            code.run();
            return null;
        }).err();
    }
}
