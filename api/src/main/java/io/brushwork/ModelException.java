package io.brushwork;

import org.jspecify.annotations.Nullable;

/** A model file is missing, malformed, hostile, or does not fit the architecture asked for. */
public class ModelException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
