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

    public static final Init CONTENT = new Init(Kind.CONTENT, null);
    public static final Init NOISE = new Init(Kind.NOISE, null);
    public static final Init STYLE = new Init(Kind.STYLE, null);

    private final Kind kind;
    private final @Nullable RgbImage image;

    private Init(Kind kind, @Nullable RgbImage image) {
        this.kind = kind;
        this.image = image;
    }

    public static Init image(RgbImage image) {
        return new Init(Kind.IMAGE, Objects.requireNonNull(image, "image"));
    }

    public static Init image(Path file) {
        return image(Images.read(file));
    }

    public Kind kind() {
        return kind;
    }

    /** The starting picture for {@link Kind#IMAGE}. */
    public Optional<RgbImage> image() {
        return Optional.ofNullable(image);
    }

    @Override
    public String toString() {
        return kind == Kind.IMAGE ? "image " + image : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
