package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.Judge;
import dev.juror.judge.ResultStatus;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.judge.run.RunProgress;
import dev.juror.judge.run.RunSummary;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code juror judge}: runs a rubric with a judge over the workspace's rollouts, storing every
 * result as it arrives. Ctrl-C cancels cleanly (results so far are kept, the run is marked
 * interrupted); {@code --resume RUN_ID} continues an interrupted or killed run without redoing
 * finished calls.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Judge the workspace's rollouts with a rubric and store every result as it arrives.",
                "Providers: bedrock (AWS credentials from the default chain or --profile), openai (any",
                "OpenAI-compatible server, --base-url), replay (earlier recorded answers, offline),",
                "heuristic (rule-based baseline, offline). Ctrl-C stops; --resume RUN_ID continues."})
public final class JudgeCommand implements java.util.concurrent.Callable<Integer> {

    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells expect. */
    static final int INTERRUPTED = 130;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--rubric", paramLabel = "FILE", description = "The rubric YAML file (not with --resume).")
    Path rubricFile;

    @Option(names = "--provider", paramLabel = "NAME", description = "bedrock, openai, replay or heuristic.")
    String provider;

    @Option(names = "--model", paramLabel = "ID",
            description = "Judge model id (default: the rubric's judge.model_id). For replay: whose recordings to replay.")
    String model;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: AWS_REGION, else us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "Named AWS profile (SSO profiles work).")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Bedrock Runtime endpoint override (VPC endpoint, test server).")
    String endpoint;

    @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible server, e.g. http://localhost:8000/v1.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Name of the environment variable holding the API key (openai).")
    String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Most calls at a time (bedrock: adaptive up to N, default 64; openai: N, default 4).")
    Integer concurrency;

    @Option(names = "--repeats", paramLabel = "K", description = "Judge each rollout K times (consistency), default 1.")
    Integer repeats;

    @Option(names = "--samples", paramLabel = "ID", split = ",", description = "Only the rollouts of these samples (default: all).")
    List<String> sampleIds = List.of();

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue an interrupted run.")
    Long resume;

    @Option(names = "--json", description = "Print the summary as one JSON object (no progress lines).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validateOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<JudgeRunner.RunHandle> running = new AtomicReference<>();
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            JudgeRunner.RunHandle handle = running.get();
            if (handle != null) {
                handle.cancel();
                try {
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (Workspace opened = workspace.open()) {
            JudgeRunRepository runs = new JudgeRunRepository(opened);
            Prepared prepared = resume != null ? resumed(runs) : created(runs, opened);
            JudgePlan plan;
            try {
                plan = new JudgePlanLoader(opened).plan(prepared.rubric(), prepared.run().rolloutIds(),
                        prepared.run().repeats());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("run " + prepared.run().id() + ": " + e.getMessage(), e);
            }
            RunSummary summary;
            try (Judge judge = JudgeProviders.judge(prepared.run().provider(), prepared.run().model(),
                    prepared.settings(), runs);
                 ProgressPrinter progress = new ProgressPrinter(err, !json && System.console() != null)) {
                JudgeRunner runner = JudgeProviders.runner(prepared.run().provider(), judge, prepared.settings());
                runs.markStatus(prepared.run().id(), JudgeRunStatus.RUNNING);
                Runtime.getRuntime().addShutdownHook(hook);
                JudgeRunner.RunHandle handle = runner.start(plan, runs.sink(prepared.run().id()), progress::update);
                running.set(handle);
                summary = handle.await();
            }
            JudgeRunStatus status = summary.complete() ? JudgeRunStatus.FINISHED
                    : summary.cancelled() ? JudgeRunStatus.INTERRUPTED : JudgeRunStatus.FAILED;
            runs.markStatus(prepared.run().id(), status);
            StoredJudgeRun stored = runs.find(prepared.run().id()).orElseThrow();
            print(out, stored, summary);
            if (status == JudgeRunStatus.INTERRUPTED) {
                err.println("juror: run " + stored.id() + " interrupted; continue it with: juror judge --resume "
                        + stored.id() + " --workspace " + workspace.directory());
                err.flush();
            }
            return switch (status) {
                case FINISHED -> CliRunner.OK;
                case INTERRUPTED -> INTERRUPTED;
                default -> CliRunner.FAILED;
            };
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
                // the hook is running (Ctrl-C) or was never registered
            }
        }
    }

    private record Prepared(StoredJudgeRun run, Rubric rubric, JudgeSettingsJson settings) {
    }

    private JudgeSettingsJson given() {
        return new JudgeSettingsJson(Optional.ofNullable(region), Optional.ofNullable(profile),
                Optional.ofNullable(endpoint), Optional.ofNullable(baseUrl), Optional.ofNullable(apiKeyEnv),
                Optional.ofNullable(concurrency));
    }

    private void validateOptions() {
        if (concurrency != null && (concurrency < 1 || concurrency > 1024)) {
            throw new UserInputException("--concurrency must be between 1 and 1024, was " + concurrency);
        }
        if (repeats != null && (repeats < 1 || repeats > JudgePlan.MAX_REPEATS)) {
            throw new UserInputException("--repeats must be between 1 and " + JudgePlan.MAX_REPEATS + ", was " + repeats);
        }
        if (resume != null) {
            if (rubricFile != null || provider != null || model != null || repeats != null || !sampleIds.isEmpty()) {
                throw new UserInputException("--resume continues a run as it was created; leave out --rubric, --provider,"
                        + " --model, --repeats and --samples");
            }
        } else if (rubricFile == null || provider == null) {
            throw new UserInputException("give --rubric FILE and --provider bedrock|openai|replay|heuristic"
                    + " (or --resume RUN_ID)");
        }
    }

    private Prepared created(JudgeRunRepository runs, Workspace opened) {
        String p = JudgeProviders.normalise(provider);
        String text = RubricFiles.readText(rubricFile, "--rubric");
        Rubric rubric = readRubric(text, rubricFile.toString());
        if (rubric.mode() == Mode.PAIRWISE) {
            throw new UserInputException(rubricFile + ": rubric " + rubric.name() + " is pairwise; juror judge runs"
                    + " pointwise rubrics over single rollouts (pairwise runs need pairs of rollouts)");
        }
        if (p.equals(HeuristicJudge.PROVIDER)) {
            HeuristicJudge.supports(rubric).ifPresent(reason -> {
                throw new UserInputException(rubricFile + ": " + reason);
            });
        }
        String judgeModel = p.equals(HeuristicJudge.PROVIDER) ? HeuristicJudge.MODEL
                : model != null ? model : rubric.judge().modelId();
        List<Long> rollouts;
        try {
            rollouts = new JudgePlanLoader(opened).selectRollouts(sampleIds);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--samples: " + e.getMessage() + "; see juror stats for what the workspace holds", e);
        }
        if (rollouts.isEmpty()) {
            throw new UserInputException("no rollouts to judge in workspace " + workspace.directory()
                    + "; import samples first (juror import FILE)");
        }
        JudgeSettingsJson settings = given();
        String selection = sampleIds.isEmpty() ? "all" : "samples " + String.join(",", sampleIds);
        long id = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), text, p, judgeModel,
                settings.toJson(), repeats == null ? 1 : repeats, selection, rollouts));
        return new Prepared(runs.find(id).orElseThrow(), rubric, settings);
    }

    private Prepared resumed(JudgeRunRepository runs) {
        StoredJudgeRun run = runs.find(resume).orElseThrow(() -> new UserInputException("--resume " + resume
                + ": no such run in workspace " + workspace.directory() + "; see juror runs"));
        Rubric rubric = readRubric(run.rubricYaml(), "run " + run.id() + " rubric");
        JudgeSettingsJson settings = JudgeSettingsJson.parse(run.settingsJson()).overriddenBy(given());
        return new Prepared(run, rubric, settings);
    }

    private static Rubric readRubric(String text, String name) {
        try {
            return new RubricYaml().read(text, name);
        } catch (RubricException e) {
            throw new UserInputException(String.join("; ", e.lines()), e);
        }
    }

    private void print(PrintWriter out, StoredJudgeRun run, RunSummary summary) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("run_id", run.id());
        values.put("status", run.status().code());
        values.put("rubric", run.rubricName());
        values.put("rubric_version", run.rubricVersion());
        values.put("provider", run.provider());
        values.put("model", run.model());
        values.put("repeats", run.repeats());
        values.put("results", run.results());
        values.put("expected_results", run.expectedResults());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ResultStatus s : ResultStatus.values()) {
            counts.put(s.code(), run.statusCounts().getOrDefault(s.code(), 0));
        }
        values.put("counts", counts);
        values.put("this_session", Map.of("results", summary.progress().batch().done(),
                "skipped_already_done", summary.progress().alreadyDone(),
                "retries", summary.progress().retries(), "throttled", summary.progress().throttled()));
        values.put("arithmetic_mismatches", run.arithmeticMismatches());
        Map<String, Long> tokens = new LinkedHashMap<>();
        tokens.put("input", summary.usage().inputTokens());
        tokens.put("output", summary.usage().outputTokens());
        tokens.put("cache_read", summary.usage().cacheReadInputTokens());
        tokens.put("cache_write", summary.usage().cacheWriteInputTokens());
        values.put("tokens", tokens);
        values.put("wall_seconds", round(summary.elapsed().toNanos() / 1e9));
        values.put("results_per_second", round(summary.throughput()));
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(values));
        } else {
            out.printf("run %d %s: %s (version %s), %s %s, %d/%d results%n", run.id(), run.status().code(),
                    run.rubricName(), run.rubricVersion(), run.provider(), run.model(), run.results(),
                    run.expectedResults());
            out.println("  " + String.join(", ", counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
            out.printf(Locale.ROOT, "  this session: %d results (%d already done), %d retries, %d throttled%n",
                    summary.progress().batch().done(), summary.progress().alreadyDone(), summary.progress().retries(),
                    summary.progress().throttled());
            out.printf(Locale.ROOT, "  tokens: input %d, output %d, cache read %d, cache write %d%n",
                    tokens.get("input"), tokens.get("output"), tokens.get("cache_read"), tokens.get("cache_write"));
            out.printf(Locale.ROOT, "  wall time %.1f s, %.1f results/s, %d arithmetic mismatches flagged%n",
                    summary.elapsed().toNanos() / 1e9, summary.throughput(), run.arithmeticMismatches());
        }
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** Prints the latest progress on stderr about once a second, when a person is watching. */
    static final class ProgressPrinter implements AutoCloseable {
        private final PrintWriter err;
        private final AtomicReference<RunProgress> latest = new AtomicReference<>();
        private final Thread ticker;

        ProgressPrinter(PrintWriter err, boolean enabled) {
            this.err = err;
            this.ticker = enabled ? Thread.ofPlatform().daemon(true).name("judge-progress").start(this::loop) : null;
        }

        void update(RunProgress progress) {
            latest.set(progress);
        }

        private void loop() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    RunProgress p = latest.get();
                    if (p != null) {
                        err.println(line(p));
                        err.flush();
                    }
                }
            } catch (InterruptedException stopped) {
                // closed
            }
        }

        static String line(RunProgress p) {
            return String.format(Locale.ROOT, "judge: %d/%d done, %d failed, %d in flight, %d throttled, %d retries,"
                            + " %d tokens, %.0f s elapsed%s", p.done(), p.total(), p.failed(), p.batch().inFlight(),
                    p.throttled(), p.retries(), p.batch().usage().inputTokens() + p.batch().usage().outputTokens(),
                    p.elapsed().toNanos() / 1e9,
                    p.eta().map(eta -> String.format(Locale.ROOT, ", ETA %.0f s", eta.toNanos() / 1e9)).orElse(""));
        }

        @Override
        public void close() {
            if (ticker != null) {
                ticker.interrupt();
            }
        }
    }
}
