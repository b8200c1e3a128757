package dev.juror.export;

import java.util.List;

/** An export the gate refused; the message names every failed condition and how to proceed. */
public final class ExportRefusedException extends RuntimeException {

    private final List<String> failedConditions;

    public ExportRefusedException(String what, String rubricVersion, String judgeModel, List<String> failedConditions) {
        super("refusing to export the " + what + ": rubric version " + rubricVersion + " with judge " + judgeModel
                + " is NOT VALIDATED: " + String.join("; ", failedConditions)
                + ". Pass --unvalidated to write it anyway, marked UNVALIDATED in every file.");
        this.failedConditions = List.copyOf(failedConditions);
    }

    public List<String> failedConditions() {
        return failedConditions;
    }
}
