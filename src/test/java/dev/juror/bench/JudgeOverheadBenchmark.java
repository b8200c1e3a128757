package dev.juror.bench;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.JudgeResults;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.RunItem;
import dev.juror.judge.run.RunResult;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Juror's own CPU per judge call, model time excluded: render the prompt of a real sample rollout
 * (contracts of 20-100 KB), "call" a client that answers at once with a realistic judgement (the
 * shape an LLM gives, one entry per comment, 3-6 comments), parse and validate it against the
 * rubric, recompute the scores, and store the result with its per-dimension scores in the
 * workspace (one committed transaction). Budget: under 2 ms per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JudgeOverheadBenchmark {

    private Path dir;
    private Workspace workspace;
    private JudgeRunRepository runs;
    private long runId;
    private List<RunItem> items;
    private LlmJudge judge;
    private JudgeOutputParser parser;
    private int next;
    private int repeat;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private long storeCpuNanos;
    private long storeCalls;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Rubric rubric = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        dir = Files.createTempDirectory("juror-judge-bench");
        workspace = Workspace.open(dir);
        new Importer(workspace).importBatch(JsonlImportReader.read(Path.of("samples/contract-review/contract-review.jsonl")),
                ImportOptions.refuseInvalid());
        JudgePlanLoader loader = new JudgePlanLoader(workspace);
        List<Long> ids = loader.selectRollouts(List.of());
        JudgePlan plan = loader.plan(rubric, ids, 1);
        // Realistic answers: the heuristic writes exactly the JSON an LLM judge is asked for.
        HeuristicJudge heuristic = new HeuristicJudge();
        Map<String, String> answers = new HashMap<>();
        items = plan.items().stream().filter(i -> i.item().comments() != null).toList();
        for (RunItem i : items) {
            answers.put("rollout-" + i.rolloutId(), heuristic.judge(i.item()).rawOutput());
        }
        JudgeClient instant = new JudgeClient() {
            @Override
            public JudgeResponse call(JudgeRequest request) {
                String item = request.key().substring(0, request.key().indexOf('#'));
                return new JudgeResponse(answers.get(item), "end_turn", new TokenUsage(9000, 600, 0, 0), Duration.ZERO);
            }

            @Override
            public String name() {
                return "instant";
            }
        };
        parser = new JudgeOutputParser();
        judge = LlmJudge.builder(instant, "bedrock", rubric.judge().modelId())
                .renderer(new PromptRenderer(new SplittableRandom(1))).parser(parser).build();
        runs = new JudgeRunRepository(workspace);
        runId = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), "bench", "bedrock",
                rubric.judge().modelId(), "{}", 1, "all", ids));
    }

    /** Thread CPU per call of the full path, printed per iteration (wall time waits on the shared machine). */
    @TearDown(Level.Iteration)
    public void printCpu() {
        if (storeCalls > 0) {
            System.err.printf("%n  thread CPU per renderParseStore call: %.1f us over %d calls%n",
                    storeCpuNanos / 1000.0 / storeCalls, storeCalls);
        }
        storeCpuNanos = 0;
        storeCalls = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        workspace.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Render + instant client + parse + validate + recompute + store. */
    @Benchmark
    public JudgeResult renderParseStore() {
        long before = THREADS.getCurrentThreadCpuTime();
        JudgeResult result = renderParseStoreOnce();
        storeCpuNanos += THREADS.getCurrentThreadCpuTime() - before;
        storeCalls++;
        return result;
    }

    private JudgeResult renderParseStoreOnce() {
        RunItem item = items.get(next);
        next = (next + 1) % items.size();
        if (next == 0) {
            repeat++;
        }
        JudgeCall call = new JudgeCall(item.item().key() + "#" + repeat, item.item(), repeat);
        JudgeResponse response = judge.attempt(call);
        JudgeResult result = JudgeResults.of(call, new JudgeOutcome.Succeeded(call.key(), response, 1, 0, Duration.ZERO),
                parser, judge.model()).orElseThrow();
        if (!result.ok()) {
            throw new IllegalStateException(result.key() + ": " + result.error());
        }
        new JudgeResultRepository(workspace).save(runId, new RunResult(item.rolloutId(), repeat, result));
        return result;
    }

    /** The same without the store, to show where the time goes. */
    @Benchmark
    public JudgeResult renderParse() {
        RunItem item = items.get(next);
        next = (next + 1) % items.size();
        JudgeCall call = new JudgeCall(item.item().key() + "#0", item.item(), 0);
        JudgeResponse response = judge.attempt(call);
        return JudgeResults.of(call, new JudgeOutcome.Succeeded(call.key(), response, 1, 0, Duration.ZERO),
                parser, judge.model()).orElseThrow();
    }
}
