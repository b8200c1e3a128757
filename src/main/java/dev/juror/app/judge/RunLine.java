package dev.juror.app.judge;

import dev.juror.store.StoredJudgeRun;

/**
 * A run in the runs list: id, status (a failed run says how many service failures, as
 * {@code failed: 12 service failures}), rubric and version, judge, results so far.
 */
public record RunLine(StoredJudgeRun run) {

    @Override
    public String toString() {
        return "#" + run.id() + "  " + run.statusText() + "  " + run.rubricName() + "@" + run.rubricVersion()
                + "  " + run.provider() + " " + run.model() + "  " + run.results() + "/" + run.expectedResults();
    }
}
