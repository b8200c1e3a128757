package dev.juror.export;

/**
 * The validation gate of the Lambda and prompt bundles: an export goes ahead only when the rubric
 * version with this judge model has a VALIDATED verdict, or when the user explicitly asks for an
 * unvalidated bundle (which is then marked as such in every file).
 */
public final class ExportGate {

    private ExportGate() {
    }

    /**
     * @return true when the bundle must be marked UNVALIDATED
     * @throws ExportRefusedException when not validated and {@code allowUnvalidated} is false
     */
    public static boolean check(VerdictSource source, String what, String rubricVersion, String judgeModel,
                                boolean allowUnvalidated) {
        GateVerdict verdict = source.verdict(rubricVersion, judgeModel);
        if (verdict.validated()) {
            return false;
        }
        if (!allowUnvalidated) {
            throw new ExportRefusedException(what, rubricVersion, judgeModel, verdict.failedConditions());
        }
        return true;
    }
}
