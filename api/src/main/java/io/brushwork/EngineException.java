package io.brushwork;

/** No engine could run the request, or the engine failed while running it. */
public class EngineException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
