package dev.juror.cli;

import dev.juror.batch.BatchException;
import dev.juror.batch.BatchMode;
import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.RolloutPairs;
import dev.juror.rubric.RubricException;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoreException;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.BatchRequest;
import dev.juror.workspace.judging.JudgeRunLauncher;
import dev.juror.workspace.judging.NewRun;
import dev.juror.workspace.judging.PreparedRun;
import dev.juror.workspace.judging.JudgeRunReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror judge}: runs a rubric with a judge over the workspace's rollouts, storing every
 * result as it arrives. A pairwise rubric compares pairs of rollouts of the same sample, each pair
 * in both orders. Ctrl-C cancels cleanly (results so far are kept, the run is marked interrupted);
 * {@code --resume RUN_ID} continues an interrupted or killed run without redoing finished calls.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Judge the workspace's rollouts with a rubric and store every result as it arrives.",
                "Providers: bedrock (AWS credentials from the default chain or --profile), openai",
                "(any OpenAI-compatible server, --base-url), replay (earlier recorded answers,",
                "offline), heuristic (rule-based baseline, offline). A pairwise rubric compares",
                "pairs of rollouts of the same sample, each pair in both orders.",
                "--mode batch sends a bedrock run as one Bedrock batch inference job (about half",
                "the price, results in hours, 100 calls or more; docs/judges.md).",
                "Ctrl-C stops; --resume RUN_ID continues. A run fails when it holds more service",
                "failures (api_error, timeout) than --max-failures allows (default 0: any);",
                "--resume RUN_ID --retry-failed judges those results again."})
public final class JudgeCommand implements java.util.concurrent.Callable<Integer> {

    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells expect. */
    static final int INTERRUPTED = 130;

    /** Exit code of a run that ended with more service failures than its threshold allows. */
    public static final int RUN_FAILED = 4;

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

    @Option(names = "--allow-insecure-http",
            description = "Allow sending the API key or AWS signature over plain http:// to a host that is not this"
                    + " machine (refused by default).")
    boolean allowInsecureHttp;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Most calls at a time (bedrock: adaptive up to N, default 64; openai: N, default 4).")
    Integer concurrency;

    @Option(names = "--repeats", paramLabel = "K", description = "Judge each rollout K times (consistency), default 1.")
    Integer repeats;

    @Option(names = "--samples", paramLabel = "ID", split = ",", description = "Only the rollouts of these samples (default: all).")
    List<String> sampleIds = List.of();

    @Option(names = "--max-pairs-per-sample", paramLabel = "N",
            description = "Pairwise rubrics: compare at most N pairs of each sample's rollouts, each in both orders"
                    + " (default " + JudgeRunLauncher.DEFAULT_MAX_PAIRS_PER_SAMPLE + ").")
    Integer maxPairsPerSample;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue an interrupted run.")
    Long resume;

    @Option(names = "--max-failures", paramLabel = "N|P%",
            description = "Service failures (api_error, timeout) the run may hold and still finish: a count (12) or a"
                    + " share of its results (2%%). Default 0: any service failure fails the run (exit 4).")
    String maxFailures;

    @Option(names = "--retry-failed", arity = "0..1", paramLabel = "online", fallbackValue = "as-run",
            description = "With --resume: judge the run's service failures again (the failed results are kept in the"
                    + " run's history); --retry-failed online judges them, and anything else left, on demand.")
    String retryFailedAs;

    boolean retryFailed;

    @Mixin
    BatchModeOptions batch;

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
        AtomicReference<JudgeRunLauncher.Session> running = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean signalled = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            signalled.set(true);
            JudgeRunLauncher.Session handle = running.get();
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
            JudgeRunLauncher launcher = new JudgeRunLauncher(opened);
            PreparedRun prepared = resume != null ? resumed(launcher) : created(launcher, opened);
            JudgeRunLauncher.Finished finished;
            try (JudgeProgressPrinter progress = new JudgeProgressPrinter(err, !json && System.console() != null)) {
                JudgeRunLauncher.Session session;
                try {
                    session = launcher.start(prepared, progress::update);
                } catch (JudgeSetupException e) {
                    throw e.setting().equals("run") ? new UserInputException("run " + e.detail(), e)
                            : CliJudgeFactory.asOption(e);
                }
                Runtime.getRuntime().addShutdownHook(hook);
                running.set(session);
                try {
                    finished = session.await();
                } catch (BatchException e) {
                    err.println("juror: " + e.getMessage() + "; run " + session.runId() + " is kept: continue it with"
                            + " juror judge --resume " + session.runId() + " --workspace " + workspace.directory());
                    err.flush();
                    return CliRunner.FAILED;
                } catch (StoreException e) {
                    if (!signalled.get()) {
                        throw e;
                    }
                    // Ctrl-C: in mixed mode H2 closes the database at exit, possibly before the run could
                    // store its status. Its process is gone once this exits, so the next open of the
                    // workspace marks it interrupted.
                    err.println("juror: run " + session.runId() + " interrupted; continue it with: juror judge"
                            + " --resume " + session.runId() + " --workspace " + workspace.directory());
                    err.flush();
                    return INTERRUPTED;
                }
            }
            StoredJudgeRun stored = finished.run();
            BatchNotes.finished(err, finished.summary());
            Optional<PositionConsistency> consistency = new JudgeRunReader(opened).positionConsistency(stored);
            JudgeRunSummaryPrinter.print(out, json, workspace.directory(), stored, finished.summary(), consistency);
            if (finished.status() == JudgeRunStatus.INTERRUPTED) {
                err.println("juror: run " + stored.id() + " interrupted; continue it with: juror judge --resume "
                        + stored.id() + " --workspace " + workspace.directory());
                err.flush();
            }
            if (finished.status() == JudgeRunStatus.FAILED && stored.hasUnresolvedFailures()) {
                err.println("juror: " + stored.unresolvedFailuresSentence() + "; the run failed. Fix the cause (see"
                        + " juror run show " + stored.id() + "), then judge them again with: juror judge --resume "
                        + stored.id() + " --retry-failed --workspace " + workspace.directory());
                err.flush();
                return RUN_FAILED;
            }
            return switch (finished.status()) {
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

    private JudgeSettings given() {
        return new JudgeSettings(Optional.ofNullable(region), Optional.ofNullable(profile),
                Optional.ofNullable(endpoint), Optional.ofNullable(baseUrl), Optional.ofNullable(apiKeyEnv),
                Optional.ofNullable(concurrency), allowInsecureHttp);
    }

    private void validateOptions() {
        retryFailed = retryFailedAs != null;
        if (retryFailed && !retryFailedAs.equals("as-run") && !retryFailedAs.equals("online")) {
            throw new UserInputException("--retry-failed takes no value or \"online\", was \"" + retryFailedAs + "\"");
        }
        if (concurrency != null && (concurrency < 1 || concurrency > 1024)) {
            throw new UserInputException("--concurrency must be between 1 and 1024, was " + concurrency);
        }
        if (repeats != null && (repeats < 1 || repeats > JudgePlan.MAX_REPEATS)) {
            throw new UserInputException("--repeats must be between 1 and " + JudgePlan.MAX_REPEATS + ", was " + repeats);
        }
        if (maxPairsPerSample != null && (maxPairsPerSample < 1 || maxPairsPerSample > RolloutPairs.MAX_PER_SAMPLE)) {
            throw new UserInputException("--max-pairs-per-sample must be between 1 and " + RolloutPairs.MAX_PER_SAMPLE
                    + ", was " + maxPairsPerSample);
        }
        if (maxFailures != null) {
            threshold();
        }
        if (retryFailed && resume == null) {
            throw new UserInputException("--retry-failed works with --resume RUN_ID: it judges that run's failed"
                    + " results again");
        }
        if (resume != null) {
            if (rubricFile != null || provider != null || model != null || repeats != null || !sampleIds.isEmpty()
                    || maxPairsPerSample != null) {
                throw new UserInputException("--resume continues a run as it was created; leave out --rubric, --provider,"
                        + " --model, --repeats, --samples and --max-pairs-per-sample");
            }
        } else if (rubricFile == null || provider == null) {
            throw new UserInputException("give --rubric FILE and --provider bedrock|openai|replay|heuristic"
                    + " (or --resume RUN_ID)");
        }
    }

    private Optional<FailureThreshold> threshold() {
        if (maxFailures == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FailureThreshold.parse(maxFailures));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--max-failures " + e.getMessage(), e);
        }
    }

    private PreparedRun created(JudgeRunLauncher launcher, Workspace opened) {
        String text = RubricFiles.readText(rubricFile, "--rubric");
        PreparedRun prepared;
        try {
            prepared = launcher.create(new NewRun(text, rubricFile.toString(), provider, model,
                    sampleIds, repeats == null ? 1 : repeats, given(),
                    maxPairsPerSample == null ? OptionalInt.empty() : OptionalInt.of(maxPairsPerSample),
                    threshold().orElse(FailureThreshold.NONE), batch.request(BatchMode.ONLINE)));
        } catch (RubricException e) {
            throw new UserInputException(String.join("; ", e.lines()), e);
        } catch (JudgeSetupException e) {
            throw switch (e.setting()) {
                case "rubric" -> new UserInputException(e.detail(), e);
                case "samples" -> new UserInputException("--samples: " + e.detail()
                        + "; see juror stats for what the workspace holds", e);
                case "selection" -> new UserInputException("no rollouts to judge in workspace " + workspace.directory()
                        + "; import samples first (juror import FILE)", e);
                case "pairs" -> new UserInputException(rubricFile + " is pairwise: pairs " + e.detail()
                        + "; import more rollouts per sample (juror import ROLLOUTS_FILE)"
                        + (sampleIds.isEmpty() ? "" : " or choose other --samples"), e);
                default -> CliJudgeFactory.asOption(e);
            };
        }
        BatchNotes.created(spec.commandLine().getErr(), prepared, batch.request(BatchMode.ONLINE).mode());
        if (prepared.leftOutWithoutComments() > 0) {
            spec.commandLine().getErr().println("juror: left out " + prepared.leftOutWithoutComments()
                    + " rollouts whose prediction has no comments to grade (not parsed, or empty);"
                    + " the reward's format check scores those");
        }
        if (prepared.leftOutSingleRollout() > 0) {
            spec.commandLine().getErr().println("juror: left out " + prepared.leftOutSingleRollout()
                    + " samples with a single rollout: a pairwise rubric compares two rollouts of the same sample");
        }
        return prepared;
    }

    private PreparedRun resumed(JudgeRunLauncher launcher) {
        try {
            boolean online = "online".equals(retryFailedAs);
            Optional<BatchRequest> overrides = online ? Optional.of(batch.request(BatchMode.ONLINE).withMode(BatchMode.ONLINE))
                    : batch.anyGiven() ? Optional.of(batch.request(BatchMode.BATCH)) : Optional.empty();
            PreparedRun prepared = launcher.resume(resume, given(), threshold(), retryFailed, overrides)
                    .orElseThrow(() -> new UserInputException("--resume " + resume + ": no such run in workspace "
                            + workspace.directory() + "; see juror runs"));
            if (prepared.batch().isEmpty() && batch.mode != null && !batch.request(BatchMode.BATCH).mode().equals(BatchMode.ONLINE)) {
                throw new UserInputException("--mode " + batch.mode + ": run " + resume + " was created to be judged on"
                        + " demand and continues so; start a new run with --mode batch");
            }
            if (retryFailed) {
                spec.commandLine().getErr().println("juror: judging " + prepared.retried() + " failed result"
                        + (prepared.retried() == 1 ? "" : "s") + " of run " + resume + " again");
            }
            return prepared;
        } catch (RubricException e) {
            throw new UserInputException(String.join("; ", e.lines()), e);
        } catch (JudgeSetupException e) {
            throw e.setting().equals("run") ? new UserInputException("--resume: run " + e.detail(), e)
                    : new UserInputException("the stored " + e.getMessage(), e);
        }
    }
}
