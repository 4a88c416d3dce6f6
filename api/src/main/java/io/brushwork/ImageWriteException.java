package io.brushwork;

import org.jspecify.annotations.Nullable;

/** An image could not be written; the destination is left as it was. */
public class ImageWriteException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public ImageWriteException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    public ImageWriteException(String message) {
        super(message);
    }
}
