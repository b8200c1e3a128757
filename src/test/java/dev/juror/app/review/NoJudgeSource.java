package dev.juror.app.review;

import dev.juror.store.Adjudication;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.judging.JudgeOutputs;
import java.util.List;
import java.util.Optional;

/** A test's review source with no judge runs and no adjudications: the fakes that test something else. */
interface NoJudgeSource extends ReviewSource {

    @Override
    default List<Adjudication> adjudications() {
        return List.of();
    }

    @Override
    default List<Adjudication> adjudicate(List<Adjudication> adjudications) {
        return List.of();
    }

    @Override
    default List<StoredJudgeRun> judgeRuns(String rubricName) {
        return List.of();
    }

    @Override
    default List<JudgeScoreRow> judgeScores(long runId) {
        return List.of();
    }

    @Override
    default Optional<JudgeOutputs.RolloutJudgement> judgement(long runId, long rolloutId) {
        return Optional.empty();
    }
}
