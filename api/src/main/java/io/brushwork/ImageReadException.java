package io.brushwork;

import org.jspecify.annotations.Nullable;

/** An image could not be read: missing, unreadable, empty, unsupported or corrupt. */
public class ImageReadException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
