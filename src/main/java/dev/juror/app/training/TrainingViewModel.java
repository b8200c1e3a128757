package dev.juror.app.training;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.watch.Placement;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.CheckpointForReview;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Training screen: choose a training run, read its report in a listed background task (progress
 * and cancel in the status bar and on the screen), show its charts and alarms; a chosen step lists
 * its highest- and lowest-reward records and offers the rollouts of the checkpoint nearest it to the
 * review desk through {@code openInReview}.
 *
 * <p>Threading: call on the FX thread; every read goes through {@link BackgroundTasks}.
 */
public final class TrainingViewModel {

    /** What a workspace without a training run says, in plain words. */
    public static final String EMPTY_TEXT = "There is no training run in this workspace yet. While a model trains"
            + " with this judge's reward Lambda, the Lambda writes one line per reward to its CloudWatch log. Save"
            + " those lines to a file (or an export of the log group) and import them from a terminal:";
    public static final String EMPTY_COMMAND = "juror watch import --run NAME FILE";
    public static final String EMPTY_AFTER = "NAME is any name you choose for the training run, FILE the saved"
            + " lines. The run then appears here with its reward, length and comments step by step. Importing the"
            + " same file again adds nothing, so you can import the log again as training goes on.";
    /** Records listed for a step: this many highest and this many lowest. */
    public static final int RECORDS_EACH = 5;

    private final BackgroundTasks tasks;
    private final Supplier<TrainingData> data;
    private final Consumer<CheckpointForReview> openInReview;

    private final ObservableList<TrainingRunChoice> runs = FXCollections.observableArrayList();
    private final ObjectProperty<TrainingRunChoice> run = new SimpleObjectProperty<>(this, "run");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty");
    private final ReadOnlyObjectWrapper<TrainingCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ObservableList<TrainingCharts.AlarmRow> alarms = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selectedStep = new ReadOnlyIntegerWrapper(this, "selectedStep", -1);
    private final ObservableList<StepRecordRow> stepRecords = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper(this, "stepTitle",
            "Click a step on a chart to list its highest- and lowest-reward records.");
    private final ReadOnlyObjectWrapper<CheckpointForReview> checkpoint = new ReadOnlyObjectWrapper<>(this, "checkpoint");
    private final ReadOnlyStringWrapper checkpointText = new ReadOnlyStringWrapper(this, "checkpointText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    // Views handed out once: a listener on a view made per call would go when that view is collected.
    private final ObservableList<TrainingCharts.AlarmRow> alarmsView = FXCollections.unmodifiableObservableList(alarms);
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ObservableList<StepRecordRow> stepRecordsView = FXCollections.unmodifiableObservableList(stepRecords);

    private TrainingData shownFor;
    private WatchReport report;
    private List<CheckpointForReview> checkpoints = List.of();
    private TaskHandle reading;
    private long generation;
    private long stepGeneration;
    /** True while reload refills the run box: its passing changes read nothing. */
    private boolean refilling;

    /**
     * @param data         the reads on the open workspace (null when none); the same object while it stays open
     * @param openInReview opens a checkpoint's rollouts in the review desk (the composition root wires it)
     */
    public TrainingViewModel(BackgroundTasks tasks, Supplier<TrainingData> data,
                             Consumer<CheckpointForReview> openInReview) {
        this.tasks = tasks;
        this.data = data;
        this.openInReview = openInReview;
        run.addListener((obs, old, now) -> {
            if (!refilling) {
                read(now);
            }
        });
    }

    /** Lists the runs again, keeping the chosen one (and its charts) when it is still there. */
    public void reload() {
        TrainingData open = data.get();
        if (open != shownFor) {
            shownFor = open;
            clearRun();
        }
        if (open == null) {
            runs.clear();
            empty.set(false);
            message.set("No workspace open.");
            return;
        }
        tasks.runQuietly(progress -> open.runs(), list -> {
            if (data.get() != open) {
                return;
            }
            TrainingRunChoice previous = run.get();
            TrainingRunChoice chosen = list.stream().filter(r -> previous != null && r.name().equals(previous.name()))
                    .findFirst().orElse(list.isEmpty() ? null : list.get(list.size() - 1));
            refilling = true;
            try {
                runs.setAll(list);
                run.set(chosen);
            } finally {
                refilling = false;
            }
            empty.set(list.isEmpty());
            boolean sameRun = chosen != null && previous != null && chosen.name().equals(previous.name())
                    && chosen.records() == previous.records();
            if (!sameRun) {
                read(chosen);
            }
        }, failure -> message.set("Could not list the training runs: " + failure.getMessage()));
    }

    private void clearRun() {
        generation++;
        cancel();
        report = null;
        checkpoints = List.of();
        charts.set(null);
        alarms.clear();
        notes.clear();
        clearStep();
    }

    private void clearStep() {
        stepGeneration++;
        selectedStep.set(-1);
        stepRecords.clear();
        checkpoint.set(null);
        checkpointText.set("");
        stepTitle.set("Click a step on a chart to list its highest- and lowest-reward records.");
    }

    /** Reads the run's report and the workspace's checkpoints in a listed task the user can cancel. */
    private void read(TrainingRunChoice chosen) {
        clearRun();
        TrainingData open = data.get();
        if (chosen == null || open == null) {
            message.set("");
            return;
        }
        long wanted = generation;
        busy.set(true);
        message.set("Reading training run " + chosen.name() + " ...");
        reading = tasks.run("Reading training run " + chosen.name(), progress -> {
            progress.update(0, 3, "reading the records");
            WatchReport read = open.report(chosen.name());
            if (progress.isCancelled()) {
                throw new CancellationException();
            }
            progress.update(1, 3, "reading the checkpoints");
            List<CheckpointForReview> found = open.checkpoints(chosen.name());
            progress.update(2, 3, "drawing");
            return new Loaded(read, TrainingChartsBuilder.of(read), found);
        }, loaded -> {
            if (wanted != generation) {
                return;
            }
            busy.set(false);
            reading = null;
            report = loaded.report();
            checkpoints = loaded.checkpoints();
            charts.set(loaded.charts());
            alarms.setAll(loaded.charts().alarms());
            notes.setAll(loaded.report().notes());
            message.set(summary(chosen, loaded.report()));
        }, failure -> {
            if (wanted != generation) {
                return;
            }
            busy.set(false);
            reading = null;
            message.set(failure instanceof CancellationException ? "Stopped reading training run " + chosen.name()
                    + ". Choose it again to read it." : "Could not read training run " + chosen.name() + ": "
                    + failure.getMessage());
        });
    }

    private record Loaded(WatchReport report, TrainingCharts charts, List<CheckpointForReview> checkpoints) {
    }

    static String summary(TrainingRunChoice chosen, WatchReport report) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %,d records over %d steps; %s. ", report.run(), chosen.records(),
                report.steps().size(), placementWords(report.placement())));
        int n = report.alarms().size();
        b.append(n == 0 ? "No alarm." : n == 1 ? "1 alarm." : n + " alarms.");
        return b.toString();
    }

    static String placementWords(Placement placement) {
        return switch (placement) {
            case RECORD -> "each record carried its own step";
            case TIMESTAMP -> "steps given by each record's time against the trainer's step times";
            case INVOCATION_ORDER -> "steps given by call order and the calls per step (records carried no step)";
        };
    }

    /** Cancels reading a run, if one is being read. */
    public void cancel() {
        if (reading != null) {
            reading.cancel();
        }
    }

    /**
     * Chooses the step with records nearest {@code step}, lists its highest- and lowest-reward
     * records and finds the checkpoint nearest it.
     */
    public void selectStep(int step) {
        TrainingCharts shown = charts.get();
        TrainingRunChoice chosen = run.get();
        TrainingData open = data.get();
        if (shown == null || chosen == null || open == null || shown.steps().length == 0) {
            return;
        }
        int index = TrainingChartsBuilder.nearest(java.util.Arrays.stream(shown.steps()).asDoubleStream().toArray(),
                step);
        int snapped = shown.steps()[index];
        long wanted = ++stepGeneration;
        selectedStep.set(snapped);
        stepTitle.set("Step " + snapped + ": reading its records ...");
        List<CheckpointAgreement> agreements = report == null ? List.of() : report.checkpoints();
        Optional<CheckpointForReview> near = NearestCheckpoint.of(checkpoints, agreements, snapped);
        checkpoint.set(near.orElse(null));
        checkpointText.set(near.map(TrainingViewModel::checkpointWords)
                .orElse(checkpoints.isEmpty() ? "No checkpoint rollouts in this workspace to open in the review desk."
                        : "No checkpoint with a known step to open in the review desk."));
        tasks.runQuietly(progress -> open.step(chosen.name(), snapped).map(s -> new StepRows(s.size(),
                StepRecordRow.of(s, RECORDS_EACH))), rows -> {
            if (wanted != stepGeneration) {
                return;
            }
            if (rows.isEmpty()) {
                stepRecords.clear();
                stepTitle.set("Step " + snapped + ": no records.");
                return;
            }
            stepRecords.setAll(rows.get().rows());
            int total = rows.get().total();
            stepTitle.set(String.format(Locale.ROOT, "Step %d: %,d %s; %s", snapped, total,
                    total == 1 ? "record" : "records", total <= RECORDS_EACH * 2 ? "all listed, highest reward first"
                            : "the " + RECORDS_EACH + " highest and " + RECORDS_EACH + " lowest rewards"));
        }, failure -> {
            if (wanted == stepGeneration) {
                stepTitle.set("Step " + snapped + ": could not read its records: " + failure.getMessage());
            }
        });
    }

    static String checkpointWords(CheckpointForReview c) {
        String what = "Nearest checkpoint: " + c.checkpoint() + " (step " + c.step().getAsInt() + ", " + c.rollouts()
                + (c.rollouts() == 1 ? " rollout)" : " rollouts)");
        return what + (c.queues().isEmpty() ? ", no review queue yet: the desk opens its first rollout (make a queue"
                + " there with New queue…, Rollouts of each training checkpoint)."
                : ": the desk opens its review queue " + c.queues().get(c.queues().size() - 1).name() + ".");
    }

    /** Moves the chosen step to the next ({@code +1}) or previous ({@code -1}) step with records (arrow keys). */
    public void moveStep(int delta) {
        TrainingCharts shown = charts.get();
        if (shown == null || shown.steps().length == 0) {
            return;
        }
        int current = java.util.Arrays.binarySearch(shown.steps(), selectedStep.get());
        int next = current < 0 ? (delta > 0 ? 0 : shown.steps().length - 1)
                : Math.max(0, Math.min(shown.steps().length - 1, current + delta));
        if (current < 0 || next != current) {
            selectStep(shown.steps()[next]);
        }
    }

    private record StepRows(int total, List<StepRecordRow> rows) {
    }

    /** Opens the rollouts of the checkpoint nearest the chosen step in the review desk. */
    public void openInReview() {
        CheckpointForReview target = checkpoint.get();
        if (target != null) {
            openInReview.accept(target);
        }
    }

    public ObservableList<TrainingRunChoice> runs() {
        return runs;
    }

    public ObjectProperty<TrainingRunChoice> runProperty() {
        return run;
    }

    /** True when the open workspace holds no training run: the screen says how to import one. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ObservableList<TrainingCharts.AlarmRow> alarms() {
        return alarmsView;
    }

    /** What the report could not compute and why (no baseline, too few labels), in plain words. */
    public ObservableList<String> notes() {
        return notesView;
    }

    /** The chosen step, -1 for none. */
    public ReadOnlyIntegerProperty selectedStepProperty() {
        return selectedStep.getReadOnlyProperty();
    }

    public ObservableList<StepRecordRow> stepRecords() {
        return stepRecordsView;
    }

    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    /** The checkpoint nearest the chosen step, null when none can be opened. */
    public ReadOnlyObjectProperty<CheckpointForReview> checkpointProperty() {
        return checkpoint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkpointTextProperty() {
        return checkpointText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
