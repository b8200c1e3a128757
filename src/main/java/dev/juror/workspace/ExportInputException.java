package dev.juror.workspace;

/**
 * An export that cannot go ahead because of what it was given; the message is one sentence for the
 * user. {@link #problem()} says which input, so the command line can name its option and the
 * workbench its field.
 */
public final class ExportInputException extends RuntimeException {

    /** Which input is wrong. */
    public enum Problem {
        /** The samples file cannot be read or holds bad lines. */
        SAMPLES_FILE,
        /** The price table given instead of the workspace's cannot be read. */
        PRICES_FILE,
        /** Training data was asked for and there is no sample to write. */
        NO_SAMPLES,
        /** A setting is out of range, or the workspace's data rules the export out (the message says which). */
        SETTINGS
    }

    private final Problem problem;

    public ExportInputException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
