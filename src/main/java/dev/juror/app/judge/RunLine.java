package dev.juror.app.judge;

import dev.juror.store.StoredJudgeRun;

/**
 * A run in the runs list: id, status (a failed run says how many service failures, as
 * {@code failed: 12 service failures}), how it is judged when not on demand ({@code batch InProgress}),
 * rubric and version, judge, results so far.
 *
 * @param calling empty for a run judged on demand; {@code batch} and its job's status for a batch run
 */
public record RunLine(StoredJudgeRun run, String calling) {

    public RunLine(StoredJudgeRun run) {
        this(run, "");
    }

    public RunLine {
        calling = calling == null ? "" : calling;
    }

    @Override
    public String toString() {
        return "#" + run.id() + "  " + run.statusText() + (calling.isEmpty() ? "" : "  " + calling) + "  "
                + run.rubricName() + "@" + run.rubricVersion() + "  " + run.provider() + " " + run.model() + "  "
                + run.results() + "/" + run.expectedResults();
    }
}
