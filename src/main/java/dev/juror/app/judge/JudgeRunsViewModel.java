package dev.juror.app.judge;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.ReportingWork;
import dev.juror.app.tasks.TaskCallbacks;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.RunProgress;
import dev.juror.rubric.Mode;
import dev.juror.rubric.RubricException;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.judging.JudgeRunLauncher;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the judge runs screen. All database and judge work goes through
 * {@link BackgroundTasks}; a running judge publishes typed progress from its own delivery thread,
 * which the task seam coalesces (at most ten updates a second), so the FX thread only ever copies
 * a handful of numbers into properties. Cancel goes through the task too: the screen shows
 * "cancelling" while the calls in flight stop, and the outcome once they have.
 */
public final class JudgeRunsViewModel {

    private final BackgroundTasks tasks;
    private final Supplier<Settings> settings;
    private Workspace workspace;

    // The "New run" form.
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final ObservableList<String> providers = FXCollections.observableArrayList(JudgeFactory.PROVIDERS);
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "heuristic");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final ObservableList<String> chosenSamples = FXCollections.observableArrayList();
    private final BooleanProperty allSamples = new SimpleBooleanProperty(this, "allSamples", true);
    private final IntegerProperty repeats = new SimpleIntegerProperty(this, "repeats", 1);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", Settings.DEFAULT_CONCURRENCY);

    // The run in progress.
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty cancelling = new SimpleBooleanProperty(this, "cancelling");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final IntegerProperty done = new SimpleIntegerProperty(this, "done");
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final IntegerProperty failed = new SimpleIntegerProperty(this, "failed");
    private final LongProperty throttled = new SimpleLongProperty(this, "throttled");
    private final LongProperty retried = new SimpleLongProperty(this, "retried");
    private final LongProperty tokens = new SimpleLongProperty(this, "tokens");
    private final StringProperty eta = new SimpleStringProperty(this, "eta", "");
    private final StringProperty countsText = new SimpleStringProperty(this, "countsText", "");
    private final LongProperty progressUpdates = new SimpleLongProperty(this, "progressUpdates");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The run's task while one runs; changed on the FX thread only. */
    private TaskHandle handle;

    // Runs, results, detail.
    private final ObservableList<RunLine> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunLine> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ObjectProperty<ResultRow> selectedResult = new SimpleObjectProperty<>(this, "selectedResult");
    private final ObservableList<ScoreRow> scores = FXCollections.observableArrayList();
    private final StringProperty rawOutput = new SimpleStringProperty(this, "rawOutput", "");
    private final StringProperty resultProblem = new SimpleStringProperty(this, "resultProblem", "");
    private final BooleanBinding canResume;
    private final ResultsFollower follower;
    /** The run in progress, whose results the table follows while it is selected; -1 when none. */
    private long runningRun = -1;

    public JudgeRunsViewModel(BackgroundTasks tasks, Supplier<Settings> settings) {
        this.tasks = tasks;
        this.settings = settings;
        this.follower = new ResultsFollower(tasks, results, System::nanoTime);
        canResume = Bindings.createBooleanBinding(() -> {
            RunLine line = selectedRun.get();
            return !running.get() && line != null && (line.run().status() == JudgeRunStatus.INTERRUPTED
                    || line.run().status() == JudgeRunStatus.RUNNING || line.run().status() == JudgeRunStatus.FAILED);
        }, selectedRun, running);
        selectedRun.addListener((obs, old, now) -> loadResults(now));
        selectedResult.addListener((obs, old, now) -> loadDetail(now));
        applySettings();
    }

    /** Takes region, profile, base URL and default concurrency from the settings. */
    public void applySettings() {
        Settings s = settings.get();
        region.set(s.bedrockRegion());
        profile.set(s.bedrockProfile());
        baseUrl.set(s.openAiBaseUrl());
        concurrency.set(s.defaultConcurrency());
    }

    /** Shows another workspace (or none): rubrics, samples and runs are read again in the background. */
    public void load(Workspace opened) {
        this.workspace = opened;
        rubrics.clear();
        samples.clear();
        runs.clear();
        results.clear();
        if (opened == null) {
            return;
        }
        tasks.runQuietly(progress -> {
            WorkspaceRubrics.RubricList list = new WorkspaceRubrics(opened).ofModes(EnumSet.allOf(Mode.class));
            WorkspaceLookups lookups = new WorkspaceLookups(opened);
            return new Loaded(list, lookups.sampleIds(), lookups.runs());
        }, loaded -> {
            if (opened != workspace) {
                return;
            }
            rubrics.setAll(loaded.rubrics().rubrics());
            if (!rubrics.isEmpty()) {
                rubric.set(rubrics.get(0));
            }
            if (!loaded.rubrics().problems().isEmpty()) {
                message.set(String.join("; ", loaded.rubrics().problems()));
            }
            samples.setAll(loaded.samples());
            showRuns(loaded.runs(), -1);
        }, failure -> message.set("Cannot read the workspace: " + failure.getMessage()));
    }

    private record Loaded(WorkspaceRubrics.RubricList rubrics, List<String> samples, List<StoredJudgeRun> runs) {
    }

    private void showRuns(List<StoredJudgeRun> stored, long select) {
        long keep = select >= 0 ? select : selectedRun.get() == null ? -1 : selectedRun.get().run().id();
        runs.setAll(stored.stream().map(RunLine::new).toList());
        RunLine chosen = runs.stream().filter(r -> r.run().id() == keep).findFirst()
                .orElse(runs.isEmpty() ? null : runs.get(0));
        selectedRun.set(null);
        selectedRun.set(chosen);
    }

    /** Starts a new run from the form. */
    public void start() {
        if (running.get() || workspace == null) {
            return;
        }
        RubricChoice chosen = rubric.get();
        if (chosen == null) {
            message.set("Choose a rubric first: rubrics come from the workspace's rubrics/ folder.");
            return;
        }
        if (!allSamples.get() && chosenSamples.isEmpty()) {
            message.set("Choose at least one sample, or tick All samples.");
            return;
        }
        Workspace opened = workspace;
        String provider = this.provider.get();
        JudgeSettings given = formSettings(provider);
        List<String> sampleIds = allSamples.get() ? List.of() : List.copyOf(chosenSamples);
        int k = repeats.get();
        String modelId = model.get();
        execute("Judge run: " + chosen.rubric().name() + " with " + provider, opened, launcher -> {
            String text = Files.readString(opened.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER)
                    .resolve(chosen.fileName()));
            return launcher.create(new JudgeRunLauncher.NewRun(text, chosen.fileName(), provider, modelId, sampleIds, k,
                    given));
        });
    }

    /**
     * Continues the selected run (interrupted, or left running by a crash); a failed run's service
     * failures are judged again (their earlier attempts stay in the run's history).
     */
    public void resume() {
        if (!canResume.get() || workspace == null) {
            return;
        }
        StoredJudgeRun run = selectedRun.get().run();
        JudgeSettings overrides = new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(concurrency.get()));
        boolean retry = run.serviceFailures() > 0 && run.status() == JudgeRunStatus.FAILED;
        execute((retry ? "Retrying the failed results of judge run " : "Resuming judge run ") + run.id(), workspace,
                launcher -> launcher.resume(run.id(), overrides, Optional.empty(), retry)
                        .orElseThrow(() -> new JudgeSetupException("run", run.id() + " is no longer in the workspace")));
    }

    /**
     * Cancels the run in progress (the Cancel button, Esc, the status bar's cancel and closing the
     * window): the task goes to stopping, the run cancels its calls in flight, and the screen says
     * "cancelled" only once they have stopped. Results so far stay stored.
     */
    public void cancel() {
        TaskHandle current = handle;
        if (running.get() && current != null) {
            current.cancel();
        }
    }

    @FunctionalInterface
    private interface Preparation {
        JudgeRunLauncher.Prepared prepare(JudgeRunLauncher launcher) throws Exception;
    }

    /** The run as stored when it started: which one, and what the selection left out. */
    private record Started(long runId, int leftOutWithoutComments, int leftOutSingleRollout,
                           List<StoredJudgeRun> runs) {
    }

    /**
     * What a running judge publishes: the started run (so the newest value, which is all the FX
     * thread sees when values are coalesced, always says which run it is) and the latest progress
     * (null before the first result).
     */
    private record Live(Started started, Shown shown) {
    }

    /** How the work ended, with what the screen shows of it. */
    private record Ended(JudgeRunLauncher.Finished finished, Shown last, List<StoredJudgeRun> runs) {
    }

    private void execute(String title, Workspace opened, Preparation preparation) {
        running.set(true);
        cancelling.set(false);
        resetCounts();
        message.set("Starting…");
        ReportingWork<Ended, Live> work = progress -> {
            AtomicReference<JudgeRunLauncher.Session> session = new AtomicReference<>();
            // The run stops itself (cancelled calls, its status stored); the thread is never interrupted
            // in the middle of a database write.
            progress.onCancel(() -> {
                JudgeRunLauncher.Session current = session.get();
                if (current != null) {
                    current.cancel();
                }
            });
            JudgeRunLauncher launcher = new JudgeRunLauncher(opened);
            JudgeRunLauncher.Prepared prepared = preparation.prepare(launcher);
            Started started = new Started(prepared.run().id(), prepared.leftOutWithoutComments(),
                    prepared.leftOutSingleRollout(), new WorkspaceLookups(opened).runs());
            progress.publish(new Live(started, null));
            JudgeRunLauncher.Session run = launcher.start(prepared, p -> {
                Shown shown = Shown.of(p);
                progress.update(p.done(), p.total(), shown.statusText());
                progress.publish(new Live(started, shown));
            });
            session.set(run);
            JudgeRunLauncher.Finished finished;
            if (progress.isCancelled()) {
                finished = run.cancelAndAwait();
            } else {
                try {
                    finished = run.await();
                } catch (InterruptedException interrupted) {
                    finished = run.cancelAndAwait();
                }
            }
            return new Ended(finished, Shown.of(finished.summary().progress()), new WorkspaceLookups(opened).runs());
        };
        handle = tasks.run(title, work, TaskCallbacks.<Ended, Live>of(this::finished, this::failed)
                .withProgress(this::showLive)
                .withStopping(() -> {
                    cancelling.set(true);
                    message.set("Cancelling: stopping the calls in flight…");
                })
                .withCancelled(ended -> {
                    if (ended != null) {
                        finished(ended); // the run stopped cleanly: interrupted, resumable
                    } else {
                        failed(new CancellationException("cancelled"));
                    }
                }));
    }

    private void failed(Throwable failure) {
        handle = null;
        runningRun = -1;
        running.set(false);
        cancelling.set(false);
        message.set(failure instanceof CancellationException ? "Cancelled before the run started; nothing was"
                + " judged." : problem(failure));
    }

    /** On the FX thread: the started run once, then the counts. */
    private void showLive(Live live) {
        Started started = live.started();
        if (runningRun != started.runId()) {
            runningRun = started.runId();
            showRuns(started.runs(), started.runId());
            int leftOut = started.leftOutWithoutComments();
            int single = started.leftOutSingleRollout();
            if (!cancelling.get()) { // "Cancelling…" stays until the run has stopped
                message.set("Run " + started.runId() + " running" + (leftOut > 0 ? "; left out " + leftOut
                        + " rollouts without comments to grade" : "") + (single > 0 ? "; left out " + single
                        + " samples with a single rollout (nothing to compare)" : "") + ".");
            }
        }
        if (live.shown() != null) {
            showProgress(live.shown());
        }
    }

    private void finished(Ended ended) {
        JudgeRunLauncher.Finished end = ended.finished();
        Shown last = ended.last();
        List<StoredJudgeRun> after = ended.runs();
        handle = null;
        runningRun = -1;
        showProgress(last);
        running.set(false);
        cancelling.set(false);
        StoredJudgeRun run = end.run();
        message.set(switch (end.status()) {
            case FINISHED -> "Run " + run.id() + " finished: " + run.results() + "/" + run.expectedResults()
                    + " results, " + run.statusCounts().getOrDefault("ok", 0) + " ok.";
            case INTERRUPTED -> "Run " + run.id() + " interrupted at " + run.results() + "/" + run.expectedResults()
                    + " results; Resume continues it.";
            default -> run.hasUnresolvedFailures()
                    ? "Run " + run.id() + " failed: " + run.failureCounts() + ". Fix the cause (select a failed"
                            + " result to see it), then Resume judges them again."
                    : "Run " + run.id() + " stopped with " + run.results() + "/" + run.expectedResults()
                    + " results (some could not be stored); Resume retries the rest.";
        });
        showRuns(after, run.id());
    }

    private static String problem(Throwable failure) {
        if (failure instanceof RubricException e) {
            return "The rubric is not valid: " + String.join("; ", e.lines());
        }
        if (failure instanceof JudgeSetupException e) {
            return "Cannot start the run: " + switch (e.setting()) {
                case "base-url" -> "the OpenAI-compatible base URL (Settings) " + e.detail();
                case "endpoint" -> "the Bedrock endpoint " + e.detail();
                default -> e.getMessage();
            };
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return "The run failed: " + failure.getMessage()
                + (cause != failure && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }

    private JudgeSettings formSettings(String provider) {
        boolean bedrock = provider.equals("bedrock");
        return new JudgeSettings(bedrock ? text(region) : Optional.empty(), bedrock ? text(profile) : Optional.empty(),
                bedrock ? text(endpoint) : Optional.empty(),
                provider.equals("openai") ? text(baseUrl) : Optional.empty(), Optional.empty(),
                Optional.of(concurrency.get()));
    }

    private static Optional<String> text(StringProperty p) {
        String v = p.get() == null ? "" : p.get().strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private void resetCounts() {
        progress.set(0); // not indeterminate: its animation costs frames in the software pipeline
        done.set(0);
        total.set(0);
        failed.set(0);
        throttled.set(0);
        retried.set(0);
        tokens.set(0);
        eta.set("");
        countsText.set("Starting…");
    }

    /**
     * A progress snapshot with its text already formatted, on the run's delivery thread: number
     * formatting (and the first use of locale data) stays off the FX thread, which only copies values.
     */
    record Shown(RunProgress progress, String countsText, String statusText, String eta) {
        static Shown of(RunProgress p) {
            String eta = p.eta().filter(d -> p.done() < p.total()).map(JudgeRunsViewModel::duration).orElse("");
            long tokens = p.batch().usage().inputTokens() + p.batch().usage().outputTokens();
            String counts = String.format(Locale.ROOT, "%d/%d done · %d failed · %d throttled · %d retried · %,d tokens%s",
                    p.done(), p.total(), p.failed(), p.throttled(), p.retries(), tokens,
                    eta.isEmpty() ? "" : " · ETA " + eta);
            return new Shown(p, counts, p.done() + "/" + p.total(), eta);
        }
    }

    private void showProgress(Shown shown) {
        RunProgress p = shown.progress();
        progressUpdates.set(progressUpdates.get() + 1);
        done.set(p.done());
        total.set(p.total());
        failed.set(p.failed());
        throttled.set(p.throttled());
        retried.set(p.retries());
        tokens.set(p.batch().usage().inputTokens() + p.batch().usage().outputTokens());
        progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total());
        eta.set(shown.eta());
        countsText.set(shown.countsText());
        follower.poll(workspace, runningRun);
    }

    static String duration(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /**
     * Reads the selected run's results again (after a run, or when the selection changes); while the
     * run is in progress, {@link ResultsFollower} appends what is stored after this.
     */
    private void loadResults(RunLine line) {
        results.clear();
        follower.clear();
        selectedResult.set(null);
        Workspace opened = workspace;
        if (line == null || opened == null) {
            return;
        }
        long runId = line.run().id();
        tasks.runQuietly(progress -> {
            return new WorkspaceLookups(opened).resultsOf(runId).stream()
                    .map(r -> new ResultRow(r.result(), r.sampleId())).toList();
        }, rows -> {
            RunLine current = selectedRun.get();
            if (current != null && current.run().id() == runId) {
                results.setAll(rows);
                follower.showing(runId, rows);
            }
        }, failure -> message.set("Cannot read the results of run " + runId + ": " + failure.getMessage()));
    }

    private void loadDetail(ResultRow row) {
        scores.clear();
        if (row == null || workspace == null) {
            rawOutput.set("");
            resultProblem.set("");
            return;
        }
        rawOutput.set(row.result().rawOutput() == null ? "" : row.result().rawOutput());
        resultProblem.set(row.status().equals("ok") ? "" : row.status() + ": " + row.errorText());
        Workspace opened = workspace;
        long resultId = row.result().id();
        tasks.runQuietly(progress -> new WorkspaceLookups(opened).scoreDetailsOf(resultId), details -> {
            ResultRow current = selectedResult.get();
            if (current != null && current.result().id() == resultId) {
                scores.setAll(details.stream().map(ScoreRow::new).toList());
            }
        }, failure -> message.set("Cannot read the scores of result " + resultId + ": " + failure.getMessage()));
    }

    // Properties for the view.
    public ObservableList<RubricChoice> rubrics() { return rubrics; }
    public ObjectProperty<RubricChoice> rubricProperty() { return rubric; }
    public ObservableList<String> providers() { return providers; }
    public StringProperty providerProperty() { return provider; }
    public StringProperty modelProperty() { return model; }
    public StringProperty regionProperty() { return region; }
    public StringProperty profileProperty() { return profile; }
    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty baseUrlProperty() { return baseUrl; }
    public ObservableList<String> samples() { return samples; }
    public ObservableList<String> chosenSamples() { return chosenSamples; }
    public BooleanProperty allSamplesProperty() { return allSamples; }
    public IntegerProperty repeatsProperty() { return repeats; }
    public IntegerProperty concurrencyProperty() { return concurrency; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty cancellingProperty() { return cancelling; }
    public DoubleProperty progressProperty() { return progress; }
    public IntegerProperty doneProperty() { return done; }
    public IntegerProperty totalProperty() { return total; }
    public IntegerProperty failedProperty() { return failed; }
    public LongProperty throttledProperty() { return throttled; }
    public LongProperty retriedProperty() { return retried; }
    public LongProperty tokensProperty() { return tokens; }
    public StringProperty etaProperty() { return eta; }
    /** "done/total · failed · throttled · retried · tokens · ETA", formatted off the FX thread. */
    public StringProperty countsTextProperty() { return countsText; }
    /** How many progress snapshots reached the screen (for tests and the benchmark). */
    public LongProperty progressUpdatesProperty() { return progressUpdates; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<RunLine> runs() { return runs; }
    public ObjectProperty<RunLine> selectedRunProperty() { return selectedRun; }
    public ObservableList<ResultRow> results() { return results; }
    public ObjectProperty<ResultRow> selectedResultProperty() { return selectedResult; }
    public ObservableList<ScoreRow> scores() { return scores; }
    public StringProperty rawOutputProperty() { return rawOutput; }
    public StringProperty resultProblemProperty() { return resultProblem; }
    public BooleanBinding canResumeBinding() { return canResume; }
}
