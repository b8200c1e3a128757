package dev.juror.app.judge;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.ReportingWork;
import dev.juror.app.tasks.TaskCallbacks;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.batch.BatchMode;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.BatchRequest;
import dev.juror.workspace.judging.JudgeRunLauncher;
import dev.juror.workspace.judging.NewRun;
import dev.juror.workspace.judging.PreparedRun;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * State and commands of the judge runs screen, made of three parts: the "New run" form
 * ({@link RunFormViewModel}), the run in progress ({@link RunProgressViewModel}) and the stored runs
 * with their results ({@link RunListViewModel}); this class starts, resumes and cancels runs. All database and judge work goes through
 * {@link BackgroundTasks}; a running judge publishes typed progress from its own delivery thread,
 * which the task seam coalesces (at most ten updates a second), so the FX thread only ever copies
 * a handful of numbers into properties. Cancel goes through the task too: the screen shows
 * "cancelling" while the calls in flight stop, and the outcome once they have.
 */
public final class JudgeRunsViewModel {

    private final BackgroundTasks tasks;
    /** The open workspace, for starting and resuming runs; null when none (or in a one-view test). */
    private Workspace workspace;
    /** What the screen reads of the open workspace; null when none. */
    private RunReader reader;

    private final RunFormViewModel form;
    private final CostPreviewViewModel preview;
    private final Consumer<UnaryOperator<Settings>> remember;
    private final RunProgressViewModel run = new RunProgressViewModel();
    private final RunListViewModel list;
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The run's task while one runs; changed on the FX thread only. */
    private TaskHandle handle;

    private final BooleanBinding canResume;
    /** The run in progress, whose results the table follows while it is selected; -1 when none. */
    private long runningRun = -1;

    public JudgeRunsViewModel(BackgroundTasks tasks, Supplier<Settings> settings) {
        this(tasks, settings, change -> { });
    }

    /**
     * @param remember keeps a change in the workbench settings (the S3 folder and role of a batch run
     *                 that starts, so the next run offers them again)
     */
    public JudgeRunsViewModel(BackgroundTasks tasks, Supplier<Settings> settings,
                              Consumer<UnaryOperator<Settings>> remember) {
        this.tasks = tasks;
        this.remember = remember;
        this.form = new RunFormViewModel(settings);
        this.preview = new CostPreviewViewModel(tasks, () -> reader, form);
        this.list = new RunListViewModel(tasks, () -> reader, message::set);
        canResume = Bindings.createBooleanBinding(() -> {
            RunLine line = list.selectedRunProperty().get();
            return !run.runningProperty().get() && line != null && (line.run().status() == JudgeRunStatus.INTERRUPTED
                    || line.run().status() == JudgeRunStatus.RUNNING || line.run().status() == JudgeRunStatus.FAILED);
        }, list.selectedRunProperty(), run.runningProperty());
    }

    /** The "New run" form. */
    public RunFormViewModel form() {
        return form;
    }

    /** The form's cost preview line. */
    public CostPreviewViewModel preview() {
        return preview;
    }

    /** The run in progress: running, cancelling, counts. */
    public RunProgressViewModel run() {
        return run;
    }

    /** The stored runs, the selected run's results and the selected result's detail. */
    public RunListViewModel list() {
        return list;
    }

    /** Takes region, profile, base URL and default concurrency from the settings. */
    public void applySettings() {
        form.applySettings();
    }

    /** Shows another workspace (or none): rubrics, samples and runs are read again in the background. */
    public void load(Workspace opened) {
        show(opened, opened == null ? null : RunReader.of(opened));
    }

    /**
     * Shows what {@code reads} answers (none when null); {@code opened} is the workspace runs start
     * in, null when the screen only shows (its one-view test).
     */
    void show(Workspace opened, RunReader reads) {
        this.workspace = opened;
        this.reader = reads;
        form.clear();
        list.clear();
        if (reads == null) {
            preview.changed(); // no workspace: no preview
            return;
        }
        tasks.runQuietly(progress -> new Loaded(reads.rubrics(), reads.sampleIds(), reads.runLines()), loaded -> {
            if (reads != reader) {
                return;
            }
            form.show(loaded.rubrics().rubrics(), loaded.samples());
            preview.changed(); // the same rubric chosen again, over samples that may have changed
            if (!loaded.rubrics().problems().isEmpty()) {
                message.set(String.join("; ", loaded.rubrics().problems()));
            }
            list.showRuns(loaded.runs(), -1);
        }, failure -> message.set("Cannot read the workspace: " + failure.getMessage()));
    }

    private record Loaded(WorkspaceRubrics.RubricList rubrics, List<String> samples, List<RunLine> runs) {
    }

    /** Starts a new run from the form. */
    public void start() {
        if (run.runningProperty().get()) {
            return;
        }
        Optional<String> problem = form.problem();
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        if (workspace == null) {
            return;
        }
        Workspace opened = workspace;
        RunFormViewModel.Request request = form.request();
        RubricChoice chosen = request.rubric();
        String provider = request.provider();
        if (request.batch().mode() != BatchMode.ONLINE) {
            remember.accept(s -> s.withBatch(request.batch().s3Prefix().orElse(""), request.batch().roleArn().orElse("")));
        }
        execute("Judge run: " + chosen.rubric().name() + " with " + provider, opened, launcher -> {
            String text = Files.readString(opened.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER)
                    .resolve(chosen.fileName()));
            return launcher.create(new NewRun(text, chosen.fileName(), provider, request.model(),
                    request.sampleIds(), request.repeats(), request.settings(), OptionalInt.empty(),
                    FailureThreshold.NONE, request.batch()));
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
        RunLine line = list.selectedRunProperty().get();
        StoredJudgeRun stored = line.run();
        JudgeSettings overrides = form.resumeOverrides();
        boolean retry = stored.serviceFailures() > 0 && stored.status() == JudgeRunStatus.FAILED;
        // A batch run's failed or missing records are judged again on demand (as --retry-failed online):
        // too few for a job of their own, and wanted now. An interrupted batch run finds its job again.
        boolean online = retry && !line.calling().isEmpty();
        execute((retry ? "Retrying the failed results of judge run " : "Resuming judge run ") + stored.id()
                        + (online ? " on demand" : ""), workspace,
                launcher -> launcher.resume(stored.id(), overrides, Optional.empty(), retry,
                                online ? Optional.of(BatchRequest.ONLINE) : Optional.empty())
                        .orElseThrow(() -> new JudgeSetupException("run", stored.id() + " is no longer in the workspace")));
    }

    /**
     * Cancels the run in progress (the Cancel button, Esc, the status bar's cancel and closing the
     * window): the task goes to stopping, the run cancels its calls in flight, and the screen says
     * "cancelled" only once they have stopped. Results so far stay stored.
     */
    public void cancel() {
        TaskHandle current = handle;
        if (run.runningProperty().get() && current != null) {
            current.cancel();
        }
    }

    @FunctionalInterface
    private interface Preparation {
        PreparedRun prepare(JudgeRunLauncher launcher) throws Exception;
    }

    /** The run as stored when it started: which one, and what the selection left out. */
    private record Started(long runId, int leftOutWithoutComments, int leftOutSingleRollout,
                           List<RunLine> runs) {
    }

    /**
     * What a running judge publishes: the started run (so the newest value, which is all the FX
     * thread sees when values are coalesced, always says which run it is) and the latest progress
     * (null before the first result).
     */
    private record Live(Started started, RunProgressViewModel.Shown shown) {
    }

    /** How the work ended, with what the screen shows of it. */
    private record Ended(JudgeRunLauncher.Finished finished, RunProgressViewModel.Shown last, List<RunLine> runs) {
    }

    private void execute(String title, Workspace opened, Preparation preparation) {
        run.starting();
        message.set("Starting…");
        RunReader reads = RunReader.of(opened);
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
            PreparedRun prepared = preparation.prepare(launcher);
            Started first = new Started(prepared.run().id(), prepared.leftOutWithoutComments(),
                    prepared.leftOutSingleRollout(), reads.runLines());
            progress.publish(new Live(first, null));
            JudgeRunLauncher.Session inFlight = launcher.start(prepared, p -> {
                RunProgressViewModel.Shown shown = RunProgressViewModel.Shown.of(p);
                progress.update(p.done(), p.total(), shown.statusText());
                progress.publish(new Live(first, shown));
            });
            session.set(inFlight);
            JudgeRunLauncher.Finished finished;
            if (progress.isCancelled()) {
                finished = inFlight.cancelAndAwait();
            } else {
                try {
                    finished = inFlight.await();
                } catch (InterruptedException interrupted) {
                    finished = inFlight.cancelAndAwait();
                }
            }
            return new Ended(finished, RunProgressViewModel.Shown.of(finished.summary().progress()),
                    reads.runLines());
        };
        handle = tasks.run(title, work, TaskCallbacks.<Ended, Live>of(this::finished, failure -> failed(failure, reads))
                .withProgress(this::showLive)
                .withStopping(() -> {
                    run.cancellingProperty().set(true);
                    message.set("Cancelling: stopping the calls in flight…");
                })
                .withCancelled(ended -> {
                    if (ended != null) {
                        finished(ended); // the run stopped cleanly: interrupted, resumable
                    } else {
                        failed(new CancellationException("cancelled"), reads);
                    }
                }));
    }

    private void failed(Throwable failure, RunReader reads) {
        handle = null;
        long stopped = runningRun;
        runningRun = -1;
        run.stopped();
        if (failure instanceof JudgeSetupException setup) {
            form.batch().showSetupProblem(setup);
        }
        message.set(failure instanceof CancellationException ? "Cancelled before the run started; nothing was"
                + " judged." : RunProblems.describe(failure, stopped));
        if (stopped >= 0) {
            // A batch job that could not go on leaves its run interrupted: list it so, ready to Resume.
            tasks.runQuietly(progress -> reads.runLines(), lines -> list.showRuns(lines, stopped),
                    readFailure -> { });
        }
    }

    /** On the FX thread: the started run once, then the counts. */
    private void showLive(Live live) {
        Started started = live.started();
        if (runningRun != started.runId()) {
            runningRun = started.runId();
            list.showRuns(started.runs(), started.runId());
            int leftOut = started.leftOutWithoutComments();
            int single = started.leftOutSingleRollout();
            if (!run.cancellingProperty().get()) { // "Cancelling…" stays until the run has stopped
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
        RunProgressViewModel.Shown last = ended.last();
        List<RunLine> after = ended.runs();
        handle = null;
        runningRun = -1;
        showProgress(last);
        run.stopped();
        StoredJudgeRun stored = end.run();
        message.set(switch (end.status()) {
            case FINISHED -> "Run " + stored.id() + " finished: " + stored.results() + "/" + stored.expectedResults()
                    + " results, " + stored.statusCounts().getOrDefault("ok", 0) + " ok.";
            case INTERRUPTED -> "Run " + stored.id() + " interrupted at " + stored.results() + "/" + stored.expectedResults()
                    + " results; Resume continues it.";
            default -> stored.hasUnresolvedFailures()
                    ? "Run " + stored.id() + " failed: " + stored.failureCounts() + ". Fix the cause (select a failed"
                            + " result to see it), then Resume judges them again."
                    : "Run " + stored.id() + " stopped with " + stored.results() + "/" + stored.expectedResults()
                    + " results (some could not be stored); Resume retries the rest.";
        });
        list.showRuns(after, stored.id());
    }

    private void showProgress(RunProgressViewModel.Shown shown) {
        run.show(shown);
        list.follow(runningRun);
    }

    // Properties for the view.
    public ObservableList<RubricChoice> rubrics() { return form.rubrics(); }
    public ObjectProperty<RubricChoice> rubricProperty() { return form.rubricProperty(); }
    public ObservableList<String> providers() { return form.providers(); }
    public StringProperty providerProperty() { return form.providerProperty(); }
    public StringProperty modelProperty() { return form.modelProperty(); }
    public StringProperty regionProperty() { return form.regionProperty(); }
    public StringProperty profileProperty() { return form.profileProperty(); }
    public StringProperty endpointProperty() { return form.endpointProperty(); }
    public StringProperty baseUrlProperty() { return form.baseUrlProperty(); }
    public ObservableList<String> samples() { return form.samples(); }
    public ObservableList<String> chosenSamples() { return form.chosenSamples(); }
    public BooleanProperty allSamplesProperty() { return form.allSamplesProperty(); }
    public IntegerProperty repeatsProperty() { return form.repeatsProperty(); }
    public IntegerProperty concurrencyProperty() { return form.concurrencyProperty(); }
    public BooleanProperty runningProperty() { return run.runningProperty(); }
    public BooleanProperty cancellingProperty() { return run.cancellingProperty(); }
    public DoubleProperty progressProperty() { return run.progressProperty(); }
    public IntegerProperty doneProperty() { return run.doneProperty(); }
    public IntegerProperty totalProperty() { return run.totalProperty(); }
    public IntegerProperty failedProperty() { return run.failedProperty(); }
    public LongProperty throttledProperty() { return run.throttledProperty(); }
    public LongProperty retriedProperty() { return run.retriedProperty(); }
    public LongProperty tokensProperty() { return run.tokensProperty(); }
    public StringProperty etaProperty() { return run.etaProperty(); }
    /** "done/total · failed · throttled · retried · tokens · ETA", formatted off the FX thread. */
    public StringProperty countsTextProperty() { return run.countsTextProperty(); }
    /** How many progress snapshots reached the screen (for tests and the benchmark). */
    public LongProperty progressUpdatesProperty() { return run.progressUpdatesProperty(); }
    public StringProperty messageProperty() { return message; }
    public ObservableList<RunLine> runs() { return list.runs(); }
    public ObjectProperty<RunLine> selectedRunProperty() { return list.selectedRunProperty(); }
    public ObservableList<ResultRow> results() { return list.results(); }
    public ObjectProperty<ResultRow> selectedResultProperty() { return list.selectedResultProperty(); }
    public ObservableList<ScoreRow> scores() { return list.scores(); }
    public StringProperty rawOutputProperty() { return list.rawOutputProperty(); }
    public StringProperty resultProblemProperty() { return list.resultProblemProperty(); }
    public BooleanBinding canResumeBinding() { return canResume; }
}
