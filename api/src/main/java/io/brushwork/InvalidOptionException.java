package io.brushwork;

/** An option given to a builder is out of range, inconsistent or unknown. */
public class InvalidOptionException extends BrushworkException {
    private static final long serialVersionUID = 1L;
    private final String option;

    public InvalidOptionException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    /** The name of the offending option, as the builder method is named. */
    public String option() {
        return option;
    }
}
