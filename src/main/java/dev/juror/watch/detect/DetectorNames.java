package dev.juror.watch.detect;

import java.util.List;

/** The detectors' names, fixed by issue #13: the JSON report and the docs use them. */
public final class DetectorNames {

    public static final String VERBOSITY = "verbosity";
    public static final String COVERAGE_COLLAPSE = "coverage_collapse";
    public static final String REFERENCE_COPYING = "reference_copying";
    public static final String INJECTION = "injection";
    public static final String SATURATION = "saturation";
    public static final String GROUP_COLLAPSE = "group_collapse";
    public static final String JUDGE_FAILURES = "judge_failures";
    public static final String SCORE_SHIFT = "score_shift";
    public static final String EXPERT_DIVERGENCE = "expert_divergence";

    public static final List<String> ALL = List.of(VERBOSITY, COVERAGE_COLLAPSE, REFERENCE_COPYING, INJECTION,
            SATURATION, GROUP_COLLAPSE, JUDGE_FAILURES, SCORE_SHIFT, EXPERT_DIVERGENCE);

    private DetectorNames() {
    }
}
