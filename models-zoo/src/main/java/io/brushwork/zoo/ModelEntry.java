// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.InvalidOptionException;
import io.brushwork.Preprocessing;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One downloadable model file of a {@link ModelCatalog}.
 *
 * @param id short unique name, such as {@code vgg19}: lower-case letters, digits, {@code .},
 *     {@code _} and {@code -}, starting with a letter or digit (it names the cache folder)
 * @param description one line for people
 * @param url where the file is downloaded from (http or https)
 * @param fileName the file's name on disk, in the cache and in the local models folder: no
 *     path separators, not starting with a dot
 * @param checksum what is known of the file's SHA-256
 * @param size the file's exact length in bytes, when published
 * @param format the format the file is published in
 * @param architecture the network the weights belong to, such as {@code vgg19} or
 *     {@code cyclegan-resnet9}
 * @param preprocessing the input convention of a VGG feature network, when the entry is one
 * @param licence the licence the file is published under, as far as is known
 */
public record ModelEntry(String id, String description, URI url, String fileName, Checksum checksum,
        OptionalLong size, ModelFormat format, String architecture, Optional<Preprocessing> preprocessing,
        String licence) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /**
     * Checks every component; the message names the entry and the problem.
     *
     * @param id short unique name, such as {@code vgg19}
     * @param description one line for people
     * @param url where the file is downloaded from (http or https)
     * @param fileName the file's name on disk: no path separators, not starting with a dot
     * @param checksum what is known of the file's SHA-256
     * @param size the file's exact length in bytes, or empty when not published
     * @param format the format the file is published in
     * @param architecture the network the weights belong to; not blank
     * @param preprocessing the input convention of a VGG feature network, or empty
     * @param licence the licence the file is published under
     * @throws InvalidOptionException if a component is malformed
     * @throws NullPointerException if a component is null
     */
    public ModelEntry {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidOptionException("id", "'" + id + "' must be 1 to 100 characters of a-z, 0-9, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidOptionException("url", "model '" + id + "': expected an http or https URL, got " + url);
        }
        checkFileName(id, fileName);
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(size, "size");
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new InvalidOptionException("size", "model '" + id + "': size must be >= 0, got " + size.getAsLong());
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(architecture, "architecture");
        if (architecture.isBlank()) {
            throw new InvalidOptionException("architecture", "model '" + id + "': architecture must not be blank");
        }
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(licence, "licence");
    }

    private static void checkFileName(String id, String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        // The name is joined to the cache and local folders, so it must not be able to leave them.
        boolean bad = fileName.isEmpty() || fileName.length() > 200 || fileName.startsWith(".")
                || fileName.chars().anyMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f);
        if (bad) {
            throw new InvalidOptionException("fileName", "model '" + id + "': '" + fileName
                    + "' is not a plain file name (no path separators, no leading dot, at most 200 characters)");
        }
    }
}
