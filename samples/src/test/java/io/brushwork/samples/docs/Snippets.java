// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Named regions of compiled sample sources: the lines between {@code // snippet:NAME} and
 * {@code // end-snippet}, with their common indentation removed. The same markers work in Java,
 * Kotlin and Scala.
 */
final class Snippets {
    private Snippets() {
    }

    static List<String> read(Path source, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snippet source " + source, e);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// snippet:" + name)) {
                if (start >= 0) {
                    throw new AssertionError(source + ": snippet '" + name + "' is marked twice");
                }
                start = i + 1;
            }
        }
        if (start < 0) {
            throw new AssertionError(source + ": no '// snippet:" + name + "' line");
        }
        int end = start;
        while (end < lines.size() && !lines.get(end).strip().equals("// end-snippet")) {
            end++;
        }
        if (end == lines.size()) {
            throw new AssertionError(source + ": snippet '" + name + "' has no '// end-snippet' line");
        }
        return dedent(lines.subList(start, end));
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return out;
    }
}
