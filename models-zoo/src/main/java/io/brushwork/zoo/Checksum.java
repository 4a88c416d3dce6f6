// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import io.brushwork.InvalidOptionException;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is known in advance about a model file's SHA-256: all of it, a published prefix of it, or
 * nothing.
 *
 * <p>A {@link Prefix} is what torch.hub's naming convention gives: {@code name-<hex>.ext}, where
 * {@code <hex>} is the first eight or more hex digits of the file's SHA-256. A prefix of eight
 * digits catches corruption and honest mix-ups but not a deliberately crafted file; a {@link Full}
 * hash catches both. With {@link None} a download is trusted on first use: {@link ModelZoo}
 * records the SHA-256 of the first download next to the cached file and checks the file against
 * that record afterwards, which detects later changes but cannot tell whether the first download
 * was the right file.
 */
public sealed interface Checksum permits Checksum.Full, Checksum.Prefix, Checksum.None {

    /**
     * Whether a file whose SHA-256 is {@code sha256Hex} passes. Always true for {@link None}:
     * there is nothing to compare against.
     *
     * @param sha256Hex the file's complete SHA-256 as 64 hex digits, in either case
     * @return whether the file matches what is known of its checksum
     */
    boolean matches(String sha256Hex);

    /**
     * Short human-readable form, e.g. {@code sha256 0a1b...}, {@code sha256 prefix dcbb9e9d} or {@code none}.
     *
     * @return the description, for messages and listings
     */
    String describe();

    /**
     * The complete SHA-256 of the file: 64 hex digits.
     *
     * @param hex the 64 hex digits, lower case
     */
    record Full(String hex) implements Checksum {
        /**
         * Checks and normalises the digits to lower case.
         *
         * @param hex the 64 hex digits, in either case
         * @throws InvalidOptionException if {@code hex} is null or not 64 hex digits
         */
        public Full {
            hex = hexDigits(hex, 64, 64, "a SHA-256");
        }

        @Override
        public boolean matches(String sha256Hex) {
            return hex.equalsIgnoreCase(sha256Hex);
        }

        @Override
        public String describe() {
            return "sha256 " + hex;
        }
    }

    /**
     * The first hex digits of the file's SHA-256 (at least 6, fewer than 64), as torch.hub file names publish them.
     *
     * @param hex the 6 to 63 leading hex digits, lower case
     */
    record Prefix(String hex) implements Checksum {
        /**
         * Checks and normalises the digits to lower case.
         *
         * @param hex the 6 to 63 leading hex digits, in either case
         * @throws InvalidOptionException if {@code hex} is null or not 6 to 63 hex digits
         */
        public Prefix {
            hex = hexDigits(hex, 6, 63, "a SHA-256 prefix");
        }

        @Override
        public boolean matches(String sha256Hex) {
            return sha256Hex.toLowerCase(Locale.ROOT).startsWith(hex);
        }

        @Override
        public String describe() {
            return "sha256 prefix " + hex;
        }
    }

    /** Nothing published: the file is trusted on first use. */
    record None() implements Checksum {
        @Override
        public boolean matches(String sha256Hex) {
            return true;
        }

        @Override
        public String describe() {
            return "none (trusted on first use)";
        }
    }

    /**
     * A complete SHA-256 (64 hex digits).
     *
     * @param hex the 64 hex digits, in either case
     * @return a {@link Full} checksum
     * @throws InvalidOptionException if {@code hex} is null or not 64 hex digits
     */
    static Checksum sha256(String hex) {
        return new Full(hex);
    }

    /**
     * A published SHA-256 prefix.
     *
     * @param hex the 6 to 63 leading hex digits, in either case
     * @return a {@link Prefix} checksum
     * @throws InvalidOptionException if {@code hex} is null or not 6 to 63 hex digits
     */
    static Checksum prefix(String hex) {
        return new Prefix(hex);
    }

    /**
     * No published checksum: trust on first use.
     *
     * @return a {@link None} checksum
     */
    static Checksum none() {
        return new None();
    }

    /**
     * The prefix a torch.hub style file name carries ({@code vgg19-dcbb9e9d.pth} gives
     * {@code dcbb9e9d}), if its last hyphen is followed by eight or more lower-case hex digits
     * and a dot, as torch.hub's own pattern reads it.
     *
     * @param fileName the file name, without directories
     * @return the prefix, or empty if the name carries none
     */
    static Optional<Prefix> fromTorchHubFileName(String fileName) {
        // torch.hub's HASH_REGEX is -([a-f0-9]*)\. ; eight digits is the documented minimum.
        Matcher m = Pattern.compile(".*-([a-f0-9]{8,63})\\.[^-]*").matcher(fileName);
        return m.matches() ? Optional.of(new Prefix(m.group(1))) : Optional.empty();
    }

    private static String hexDigits(String hex, int min, int max, String what) {
        if (hex == null) {
            throw new InvalidOptionException("checksum", what + " is required");
        }
        String lower = hex.toLowerCase(Locale.ROOT);
        boolean digitsOnly = lower.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (lower.length() < min || lower.length() > max || !digitsOnly) {
            String length = min == max ? String.valueOf(min) : min + " to " + max;
            throw new InvalidOptionException("checksum", what + " must be " + length + " hex digits, got '" + hex + "'");
        }
        return lower;
    }
}
