package dev.juror.calibration.regression;

import java.util.List;

/**
 * A judge regression suite: curated rollouts with expected outcomes, re-scored against every new
 * rubric version before it may be exported.
 *
 * @param hash SHA-256 (hex) of the suite file's bytes: the suite's version, stored with each run
 */
public record RegressionSuite(String name, String rubric, String description, List<SuiteCase> cases, String hash) {

    public RegressionSuite {
        cases = List.copyOf(cases);
    }

    /** One case: a rollout and what must hold for it. */
    public record SuiteCase(String id, String description, RolloutRef rollout, List<Expectation> expectations) {
        public SuiteCase {
            expectations = List.copyOf(expectations);
        }
    }
}
