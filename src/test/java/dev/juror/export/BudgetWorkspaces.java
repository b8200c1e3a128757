package dev.juror.export;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.run.RunResult;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Workspaces with judge runs whose results carry token counts. The heuristic judge records zero
 * tokens, so results are built directly, as a live judge would have stored them.
 */
public final class BudgetWorkspaces {

    public static final String RUBRIC = "rubrics/contract-review.yaml";
    public static final String SAMPLES = "samples/contract-review/contract-review.jsonl";
    public static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    private BudgetWorkspaces() {
    }

    /** One stored result: status, tokens (input, output, cache read, cache write) and latency. */
    public record Call(ResultStatus status, long input, long output, long cacheRead, long cacheWrite, long latencyMs) {

        public static Call ok(long input, long output, long cacheRead, long cacheWrite, long latencyMs) {
            return new Call(ResultStatus.OK, input, output, cacheRead, cacheWrite, latencyMs);
        }
    }

    public static Rubric rubric() throws Exception {
        return new RubricYaml().read(Path.of(RUBRIC));
    }

    /** Opens (creating) a workspace in {@code dir} with the shipped samples imported. */
    public static Workspace withSamples(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir);
        new Importer(ws).importBatch(JsonlImportReader.read(Path.of(SAMPLES)), ImportOptions.refuseInvalid());
        return ws;
    }

    /** Stores a run of the contract-review rubric with one result per call, on distinct rollouts. */
    public static long run(Workspace ws, String provider, String model, List<Call> calls) throws Exception {
        Rubric rubric = rubric();
        List<Long> rollouts = new JudgePlanLoader(ws).selectRollouts(List.of()).subList(0, calls.size());
        JudgeRunRepository runs = new JudgeRunRepository(ws);
        long runId = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), "yaml", provider, model,
                "{}", 1, "test", rollouts));
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            JudgeResult result = new JudgeResult("k" + i, c.status(), Optional.empty(), "{}",
                    c.status() == ResultStatus.OK ? "" : "failed", Duration.ofMillis(c.latencyMs()),
                    new TokenUsage(c.input(), c.output(), c.cacheRead(), c.cacheWrite()), model, 1);
            new JudgeResultRepository(ws).save(runId, new RunResult(rollouts.get(i), 0, result));
        }
        return runId;
    }
}
