package dev.juror.workspace.align;

import dev.juror.judge.run.JudgeSettings;
import dev.juror.rubric.RubricException;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.JudgeRunLauncher;
import dev.juror.workspace.judging.NewRun;
import dev.juror.workspace.judging.PreparedRun;
import java.util.List;

/**
 * Judges a rubric over the rollouts of a split's samples as an ordinary stored judge run (what
 * {@code juror judge --samples} does), so every call of an alignment is a run that {@code juror runs},
 * {@code run show} and {@code calibrate} read like any other.
 */
final class SplitJudge {

    /** A finished run with what it cost. */
    record Judged(long runId, long calls, long inputTokens, long outputTokens) {
    }

    private final JudgeRunLauncher launcher;
    private final String provider;
    private final String model;
    private final JudgeSettings settings;

    SplitJudge(Workspace workspace, String provider, String model, JudgeSettings settings) {
        this.launcher = new JudgeRunLauncher(workspace);
        this.provider = provider;
        this.model = model;
        this.settings = settings;
    }

    /**
     * @throws AlignRunException the run did not finish (a service failure, cancelled): the experiment
     *                           stops, the run is kept to inspect
     */
    Judged judge(String rubricYaml, String source, List<String> samples) throws InterruptedException {
        PreparedRun prepared;
        try {
            prepared = launcher.create(new NewRun(rubricYaml, source, provider, model, samples, 1, settings));
        } catch (RubricException e) {
            throw new IllegalStateException(source + " was checked but does not read: " + e.getMessage(), e);
        }
        JudgeRunLauncher.Finished finished = launcher.start(prepared, progress -> { }).await();
        StoredJudgeRun run = finished.run();
        if (finished.status() != JudgeRunStatus.FINISHED) {
            throw new AlignRunException("judge run " + run.id() + " of " + source + " ended "
                    + finished.status().name().toLowerCase(java.util.Locale.ROOT) + " (see juror run show " + run.id()
                    + "); the alignment stopped there");
        }
        long calls = finished.summary().progress().done();
        return new Judged(run.id(), calls, run.tokens()[0], run.tokens()[1]);
    }
}
