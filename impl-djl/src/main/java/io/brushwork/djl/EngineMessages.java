// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import java.util.List;

/**
 * The line that says what went wrong in an engine's error text. libtorch's messages carry the
 * TorchScript traceback (serialized and original code) or the C++ frames after it, which belong
 * in the cause kept for {@code --verbose}, not in the message a user reads first.
 */
final class EngineMessages {
    private static final String TORCHSCRIPT_TRACEBACK = "Traceback of TorchScript";
    private static final String PYTHON_BUILTINS = "builtins.";

    private EngineMessages() {
    }

    /**
     * One line of {@code message}: after a TorchScript traceback, the exception's kind and text
     * ({@code ValueError: ...}) that closes it; otherwise the first non-blank line.
     */
    static String summary(String message) {
        if (message == null) {
            return "no message";
        }
        List<String> lines = message.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return "no message";
        }
        int traceback = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(TORCHSCRIPT_TRACEBACK)) {
                traceback = i;
            }
        }
        if (traceback >= 0) {
            // The traceback's frames are indented; the exception line after them is not.
            for (String line : lines.subList(traceback + 1, lines.size())) {
                if (!Character.isWhitespace(line.charAt(0))) {
                    return line.startsWith(PYTHON_BUILTINS) ? line.substring(PYTHON_BUILTINS.length()) : line;
                }
            }
        }
        return lines.get(0).strip();
    }
}
