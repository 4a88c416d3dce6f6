// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of one Markdown file, each with the snippet marker above it, if any. */
record MarkdownCodeBlocks(Path file, List<String> lines, List<Block> blocks) {
    private static final Pattern OPEN = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");

    /**
     * One fenced block: its language, its text, the 0-based lines of its body, and the snippet
     * ({@code path#name}) the marker line above it names.
     */
    record Block(String language, List<String> body, int firstLine, int endLine, Optional<SnippetRef> snippet) {
        /** Where the block starts, for messages: {@code file:line}, 1-based. */
        String at(Path file) {
            return file + ":" + firstLine;
        }
    }

    /** A snippet's source file, relative to the repository root, and its name there. */
    record SnippetRef(String path, String name) {
    }

    static MarkdownCodeBlocks read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = OPEN.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new AssertionError(file + ":" + (i + 1) + ": code block is never closed");
            }
            Optional<SnippetRef> snippet = Optional.empty();
            int above = i - 1;
            while (above >= 0 && lines.get(above).isBlank()) {
                above--;
            }
            if (above >= 0) {
                Matcher marker = MARKER.matcher(lines.get(above).strip());
                if (marker.matches()) {
                    snippet = Optional.of(new SnippetRef(marker.group(1), marker.group(2)));
                }
            }
            blocks.add(new Block(open.group(1), List.copyOf(lines.subList(i + 1, end)), i + 1, end, snippet));
            i = end;
        }
        return new MarkdownCodeBlocks(file, lines, List.copyOf(blocks));
    }

    /** The file's text with {@code block}'s body replaced. */
    String withBody(Block block, List<String> body) {
        List<String> out = new ArrayList<>(lines.subList(0, block.firstLine()));
        out.addAll(body);
        out.addAll(lines.subList(block.endLine(), lines.size()));
        return String.join("\n", out) + "\n";
    }
}
