// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Where the optimised picture starts from. */
public final class Init {
    /** The kinds of starting point. */
    public enum Kind {
        /** The content image itself. */
        CONTENT,
        /** Seeded Gaussian noise around mid-grey (mean 127.5, standard deviation 40). */
        NOISE,
        /** The first style image, resized to the content's size. */
        STYLE,
        /** A given picture, resized to the content's size. */
        IMAGE
    }

    /** Start from the content image (the default). */
    public static final Init CONTENT = new Init(Kind.CONTENT, null, null);
    /** Start from noise seeded with the request's seed (see {@link Kind#NOISE}). */
    public static final Init NOISE = new Init(Kind.NOISE, null, null);
    /** Start from the first style image, resized to the content's size. */
    public static final Init STYLE = new Init(Kind.STYLE, null, null);

    private final Kind kind;
    private final @Nullable RgbImage image;
    private final @Nullable Path file;

    private Init(Kind kind, @Nullable RgbImage image, @Nullable Path file) {
        this.kind = kind;
        this.image = image;
        this.file = file;
    }

    /**
     * Start from a given picture.
     *
     * @param image the starting picture; it is resized to the content's size
     * @return the starting point
     */
    public static Init image(RgbImage image) {
        return new Init(Kind.IMAGE, Objects.requireNonNull(image, "image"), null);
    }

    /**
     * Start from a picture read now from a file.
     *
     * @param file the picture's file
     * @return the starting point
     * @throws ImageReadException if the file cannot be read as a picture
     */
    public static Init image(Path file) {
        return new Init(Kind.IMAGE, Images.read(file), file);
    }

    /**
     * What kind of starting point this is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The starting picture for {@link Kind#IMAGE}.
     *
     * @return the picture; empty for the other kinds
     */
    public Optional<RgbImage> image() {
        return Optional.ofNullable(image);
    }

    /**
     * The file the starting picture was read from, for {@link #image(Path)}; one of the
     * request's {@linkplain StyleTransfer#inputFiles() input files}.
     *
     * @return the file; empty for the other kinds and for pictures given as such
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public String toString() {
        return kind == Kind.IMAGE ? "image " + image : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
