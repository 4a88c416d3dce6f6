// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.InvalidOptionException;
import io.brushwork.ModelException;
import io.brushwork.Preprocessing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Parser of the user catalogue format documented on {@link ModelCatalog#load(Path)}. */
final class CatalogFile {
    /** A catalogue is a few lines per model; anything this large is not one. */
    private static final int MAX_BYTES = 4 << 20;
    private static final Set<String> KEYS = Set.of("url", "file", "sha256", "sha256-prefix", "size", "format",
            "architecture", "preprocessing", "description", "licence", "license");

    private CatalogFile() {
    }

    static List<ModelEntry> read(Path file) {
        ModelFiles.requireRegularFile(file, "model catalogue");
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            // Never more than the limit, even from a file that grows while it is read.
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ModelException(file + ": a model catalogue must be smaller than " + MAX_BYTES + " bytes");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ModelException("model catalogue not found: " + file);
        } catch (CharacterCodingException e) {
            throw new ModelException(file + ": a model catalogue must be UTF-8 text", e);
        } catch (IOException e) {
            throw new ModelException("cannot read model catalogue " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses catalogue text.
     *
     * @param source names the text in messages (the file name)
     * @throws ModelException naming {@code source} and the line of the first problem
     */
    static List<ModelEntry> parse(String text, String source) {
        List<ModelEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Section section = null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw error(source, number, "a section header must be [id], got '" + line + "'");
                }
                if (section != null) {
                    entries.add(section.toEntry(source));
                }
                String id = line.substring(1, line.length() - 1).strip();
                Integer previous = seen.putIfAbsent(id, number);
                if (previous != null) {
                    throw error(source, number, "model '" + id + "' is already defined on line " + previous);
                }
                section = new Section(id, number);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw error(source, number, "expected 'key = value' or '[id]', got '" + line + "'");
            }
            if (section == null) {
                throw error(source, number, "'" + line + "' comes before the first [id] section");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw error(source, number, "unknown key '" + key + "'; expected one of " + new TreeSet<>(KEYS));
            }
            if (key.equals("license")) {
                key = "licence";
            }
            if (section.values.containsKey(key)) {
                throw error(source, number, "'" + key + "' is given twice for model '" + section.id + "'");
            }
            if (value.isEmpty()) {
                throw error(source, number, "'" + key + "' has no value");
            }
            section.values.put(key, value);
            section.lines.put(key, number);
        }
        if (section != null) {
            entries.add(section.toEntry(source));
        }
        return entries;
    }

    /** Everything from a '#' that starts the line or follows whitespace; a '#' inside a URL is kept. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static ModelException error(String source, int line, String problem) {
        return new ModelException(source + ":" + line + ": " + problem);
    }

    /** The key/value lines of one [id] section. */
    private static final class Section {
        final String id;
        final int line;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();

        Section(String id, int line) {
            this.id = id;
            this.line = line;
        }

        ModelEntry toEntry(String source) {
            String url = values.get("url");
            if (url == null) {
                throw error(source, line, "model '" + id + "' has no url");
            }
            String architecture = values.get("architecture");
            if (architecture == null) {
                throw error(source, line, "model '" + id + "' has no architecture (such as vgg19 or cyclegan-resnet9)");
            }
            URI uri = uri(source, url);
            String fileName = values.containsKey("file") ? values.get("file") : lastSegment(source, uri);
            try {
                return new ModelEntry(id, values.getOrDefault("description", ""), uri, fileName, checksum(source),
                        size(source), format(source, fileName), architecture, preprocessing(source),
                        values.getOrDefault("licence", "unknown"));
            } catch (InvalidOptionException e) {
                // The record's checks name the component; the line tells the user where to look.
                throw error(source, line, e.getMessage());
            }
        }

        private URI uri(String source, String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw error(source, lines.get("url"), "bad url '" + text + "': " + e.getReason());
            }
        }

        private String lastSegment(String source, URI uri) {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            if (last.isEmpty()) {
                throw error(source, lines.get("url"), "cannot take a file name from " + uri + "; add 'file = NAME'");
            }
            return last;
        }

        private Checksum checksum(String source) {
            String full = values.get("sha256");
            String prefix = values.get("sha256-prefix");
            if (full != null && prefix != null) {
                throw error(source, lines.get("sha256-prefix"), "give sha256 or sha256-prefix, not both");
            }
            try {
                if (full != null) {
                    return Checksum.sha256(full);
                }
                return prefix != null ? Checksum.prefix(prefix) : Checksum.none();
            } catch (InvalidOptionException e) {
                throw error(source, lines.get(full != null ? "sha256" : "sha256-prefix"), e.getMessage());
            }
        }

        private OptionalLong size(String source) {
            String text = values.get("size");
            if (text == null) {
                return OptionalLong.empty();
            }
            try {
                long size = Long.parseLong(text);
                if (size >= 0) {
                    return OptionalLong.of(size);
                }
            } catch (NumberFormatException e) {
                // reported below, with the line
            }
            throw error(source, lines.get("size"), "size must be a number of bytes, got '" + text + "'");
        }

        private ModelFormat format(String source, String fileName) {
            String text = values.get("format");
            if (text == null) {
                String lower = fileName.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".safetensors")) {
                    return ModelFormat.SAFETENSORS;
                }
                if (lower.endsWith(".onnx")) {
                    return ModelFormat.ONNX;
                }
                throw error(source, line, "model '" + id + "': cannot tell the format of '" + fileName
                        + "' from its name; add 'format = " + formatNames() + "'");
            }
            try {
                return ModelFormat.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw error(source, lines.get("format"), "format must be one of " + formatNames() + ", got '" + text + "'");
            }
        }

        private Optional<Preprocessing> preprocessing(String source) {
            String text = values.get("preprocessing");
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Preprocessing.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw error(source, lines.get("preprocessing"),
                        "preprocessing must be caffe or torchvision, got '" + text + "'");
            }
        }

        private static String formatNames() {
            StringBuilder sb = new StringBuilder();
            for (ModelFormat f : ModelFormat.values()) {
                sb.append(sb.length() == 0 ? "" : "|").append(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return sb.toString();
        }
    }
}
