package dev.juror.export;

/** Where the export gate looks up the calibration verdict of a rubric version and judge model. */
@FunctionalInterface
public interface VerdictSource {

    GateVerdict verdict(String rubricVersion, String judgeModel);

    /** No verdicts at all (no workspace): nothing is validated. */
    static VerdictSource none() {
        return (version, model) -> new GateVerdict(false, java.util.List.of(noVerdict(version, model)));
    }

    static String noVerdict(String version, String model) {
        return "no verdict recorded for rubric version " + version + " and judge model " + model
                + "; calibrate the judge against human labels and run juror verdict for this rubric and model";
    }
}
