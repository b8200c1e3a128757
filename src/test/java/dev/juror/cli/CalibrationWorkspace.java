package dev.juror.cli;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.judge.run.ResultSink;
import dev.juror.judge.run.RunResult;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.testing.HeuristicRuns;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
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

    /**
     * Runs the heuristic judge over every rollout once, as if the judge service had failed the first
     * {@code failures} calls ({@code api_error}); the run ends failed. Returns the run id.
     */
    static long heuristicRunWithServiceFailures(Path dir, int failures) throws Exception {
        Rubric rubric = new RubricYaml().read(RUBRIC);
        try (Workspace ws = Workspace.open(dir)) {
            JudgePlanLoader plans = new JudgePlanLoader(ws);
            List<Long> rollouts = plans.selectRollouts(List.of());
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            long id = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), Files.readString(RUBRIC),
                    HeuristicJudge.PROVIDER, HeuristicJudge.MODEL, "{}", 1, "all", rollouts));
            ResultSink stored = new JudgeResultRepository(ws).sink(id);
            java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
            ResultSink failing = new ResultSink() {
                @Override
                public java.util.Set<String> finishedKeys() {
                    return stored.finishedKeys();
                }

                @Override
                public void save(RunResult result) {
                    if (failed.getAndIncrement() < failures) {
                        JudgeResult r = result.result();
                        result = new RunResult(result.rolloutId(), result.repeat(), new JudgeResult(r.key(),
                                ResultStatus.API_ERROR, java.util.Optional.empty(), "", "ServiceUnavailableException",
                                r.latency(), TokenUsage.ZERO, r.model(), 8));
                    }
                    stored.save(result);
                }
            };
            JudgeRunner.fixed(new HeuristicJudge(), 1).run(plans.plan(rubric, rollouts, 1), failing, p -> { });
            runs.markStatus(id, JudgeRunStatus.FAILED);
            return id;
        }
    }

    /** Runs the heuristic judge over every rollout; returns the run id. */
    static long heuristicRun(Path dir, int repeats) throws Exception {
        try (Workspace ws = Workspace.open(dir)) {
            return HeuristicRuns.finished(ws, RUBRIC, repeats);
        }
    }
}
