package dev.juror.workspace.align;

/** A judge run of an alignment did not finish; the message names the run to inspect. */
public final class AlignRunException extends RuntimeException {

    public AlignRunException(String message) {
        super(message);
    }
}
