package dev.juror.testing;

import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: a finished heuristic judge run, stored the way the command line stores one. */
public final class HeuristicRuns {

    private HeuristicRuns() {
    }

    /** Judges every rollout of the workspace with the rubric, {@code repeats} times; returns the run id. */
    public static long finished(Workspace workspace, Path rubricFile, int repeats) throws Exception {
        return finished(workspace, rubricFile, repeats, new JudgePlanLoader(workspace).selectRollouts(List.of()));
    }

    /** Judges these rollouts with the rubric, {@code repeats} times; returns the run id. */
    public static long finished(Workspace workspace, Path rubricFile, int repeats, List<Long> rollouts) throws Exception {
        Rubric rubric = new RubricYaml().read(rubricFile);
        JudgePlanLoader plans = new JudgePlanLoader(workspace);
        JudgeRunRepository runs = new JudgeRunRepository(workspace);
        long id = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), Files.readString(rubricFile),
                HeuristicJudge.PROVIDER, HeuristicJudge.MODEL, "{}", repeats, "all", rollouts));
        JudgePlan plan = plans.plan(rubric, rollouts, repeats);
        JudgeRunner.fixed(new HeuristicJudge(), 2).run(plan, new JudgeResultRepository(workspace).sink(id), p -> { });
        runs.markStatus(id, JudgeRunStatus.FINISHED);
        return id;
    }
}
