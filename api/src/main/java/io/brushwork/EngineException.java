package io.brushwork;

import org.jspecify.annotations.Nullable;

/** No engine could run the request, or the engine failed while running it. */
public class EngineException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
