package dev.juror.cli;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.ImportOptions;
import dev.juror.store.Importer;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A workspace holding the shipped samples, optionally the demo label packs and a heuristic judge run. */
final class CalibrationWorkspace {

    static final Path SAMPLES = Path.of("samples/contract-review/contract-review.jsonl");
    static final Path RUBRIC = Path.of("rubrics/contract-review.yaml");
    static final Path PACK_1 = Path.of("samples/labels/DEMO-labels-demo-expert-1.jsonl");
    static final Path PACK_2 = Path.of("samples/labels/DEMO-labels-demo-expert-2.jsonl");

    private CalibrationWorkspace() {
    }

    static void importSamples(Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir)) {
            new Importer(ws).importBatch(JsonlImportReader.read(SAMPLES), ImportOptions.refuseInvalid());
        }
    }

    /** Runs the heuristic judge over every rollout; returns the run id. */
    static long heuristicRun(Path dir, int repeats) throws Exception {
        Rubric rubric = new RubricYaml().read(RUBRIC);
        try (Workspace ws = Workspace.open(dir)) {
            JudgePlanLoader plans = new JudgePlanLoader(ws);
            List<Long> rollouts = plans.selectRollouts(List.of());
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            long id = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), Files.readString(RUBRIC),
                    HeuristicJudge.PROVIDER, HeuristicJudge.MODEL, "{}", repeats, "all", rollouts));
            JudgePlan plan = plans.plan(rubric, rollouts, repeats);
            JudgeRunner.fixed(new HeuristicJudge(), 2).run(plan, runs.sink(id), p -> { });
            runs.markStatus(id, JudgeRunStatus.FINISHED);
            return id;
        }
    }
}
