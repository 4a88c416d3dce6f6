package io.brushwork;

/** An image could not be read: missing, unreadable, empty, unsupported or corrupt. */
public class ImageReadException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
