// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.guide;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What guide code printed, for tests that check its messages. */
final class GuideOutput {
    private GuideOutput() {
    }

    /** Standard output while {@code code} ran. */
    static String captured(Runnable code) {
        return captured(code, false);
    }

    /** Standard error while {@code code} ran. */
    static String capturedErr(Runnable code) {
        return captured(code, true);
    }

    private static String captured(Runnable code, boolean err) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = err ? System.err : System.out;
        try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            if (err) {
                System.setErr(stream);
            } else {
                System.setOut(stream);
            }
            code.run();
        } finally {
            if (err) {
                System.setErr(old);
            } else {
                System.setOut(old);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
