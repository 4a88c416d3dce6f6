package io.brushwork;

/** A run was cancelled through its handle or by interrupting its thread. */
public class RunCancelledException extends BrushworkException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException(String message) {
        super(message);
    }
}
