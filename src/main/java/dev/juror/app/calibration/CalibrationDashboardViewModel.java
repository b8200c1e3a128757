package dev.juror.app.calibration;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.verdict.Verdict;
import dev.juror.io.AtomicFiles;
import dev.juror.store.Workspace;
import dev.juror.workspace.calibration.UnresolvedFailuresException;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calibration dashboard: choose a rubric of the workspace and some of its judge runs, compute
 * (in the background: the bootstrap takes a moment), then export the HTML report, record the
 * verdict, or open a disagreement in the review desk through {@code openInReview}.
 *
 * <p>Threading: call on the FX thread; every read and write goes through {@link BackgroundTasks}.
 */
public final class CalibrationDashboardViewModel {

    public static final int DEFAULT_RESAMPLES = 2000;

    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;
    private final Supplier<DashboardReader> reader;
    private final Consumer<ItemRef> openInReview;
    private final Clock clock;

    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final ObservableList<RunChoice> runs = FXCollections.observableArrayList();
    private final ObservableList<AnchorChoice> anchorSets = FXCollections.observableArrayList(AnchorChoice.CURRENT_LABELS);
    private final ObjectProperty<AnchorChoice> anchorSet = new SimpleObjectProperty<>(this, "anchorSet",
            AnchorChoice.CURRENT_LABELS);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 2);
    private final BooleanProperty includeFailedRuns = new SimpleBooleanProperty(this, "includeFailedRuns");
    private final BooleanProperty includeUnblinded = new SimpleBooleanProperty(this, "includeUnblinded");
    private final javafx.beans.property.ReadOnlyStringWrapper unblindedCount =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "unblindedCount", "");
    private final IntegerProperty resamples = new SimpleIntegerProperty(this, "resamples", DEFAULT_RESAMPLES);
    private final ObjectProperty<String> dimension = new SimpleObjectProperty<>(this, "dimension");
    private final ObservableList<String> dimensions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>(this, "dashboard");
    private final ObservableList<Dashboard.ModelRow> models = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long generation;
    private DashboardReader shownFor;
    /** True while reload refills the rubrics: their passing changes do not list the runs. */
    private boolean refilling;

    public CalibrationDashboardViewModel(BackgroundTasks tasks, Supplier<Workspace> workspace,
                                         Consumer<ItemRef> openInReview, Clock clock) {
        this(tasks, workspace, DashboardReader.following(workspace), openInReview, clock);
    }

    /**
     * @param workspace the open workspace computed on (null when none)
     * @param reader    the choices' reads on it (null when none), the same reader while it stays open
     */
    CalibrationDashboardViewModel(BackgroundTasks tasks, Supplier<Workspace> workspace,
                                  Supplier<DashboardReader> reader, Consumer<ItemRef> openInReview, Clock clock) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.reader = reader;
        this.openInReview = openInReview;
        this.clock = clock;
        rubric.addListener((obs, old, now) -> {
            if (!refilling) {
                loadRuns(chosenRunIds());
            }
        });
        k.addListener((obs, old, now) -> recomputeModels());
    }

    /**
     * Reads the workspace's rubrics (and then the chosen rubric's runs, keeping the runs chosen).
     * The computed dashboard stays until the next compute, unless another workspace was opened.
     */
    public void reload() {
        DashboardReader open = reader.get();
        if (open != shownFor) {
            generation++;
            dashboard.set(null);
            models.clear();
            shownFor = open;
        }
        if (open == null) {
            rubrics.clear();
            runs.clear();
            message.set("No workspace open.");
            return;
        }
        tasks.runQuietly(progress -> open.rubrics(), list -> {
            if (reader.get() != open) {
                return;
            }
            RubricChoice previous = rubric.get();
            List<Long> kept = chosenRunIds();
            RubricChoice chosen = list.rubrics().stream()
                    .filter(r -> previous != null && r.fileName().equals(previous.fileName())).findFirst()
                    .orElse(list.rubrics().isEmpty() ? null : list.rubrics().get(0));
            // Refilling the list makes a rubric combo box drop its value for a moment, which would
            // clear the runs chosen; they are listed once, after, keeping the chosen ones.
            refilling = true;
            try {
                rubrics.setAll(list.rubrics());
                rubric.set(chosen);
            } finally {
                refilling = false;
            }
            loadRuns(kept);
            message.set(list.rubrics().isEmpty() ? "No rubric in the workspace's rubrics/ folder."
                    : list.problems().isEmpty() ? "" : "Some rubrics could not be read: " + String.join("; ", list.problems()));
        }, failure -> message.set("Could not read the rubrics: " + failure.getMessage()));
    }

    /** Lists the chosen rubric's runs; those in {@code kept} stay chosen (else the newest is). */
    private void loadRuns(List<Long> kept) {
        DashboardReader open = reader.get();
        RubricChoice chosen = rubric.get();
        runs.clear();
        if (open == null || chosen == null) {
            return;
        }
        String name = chosen.rubric().name();
        loadAnchorSets(open, chosen);
        tasks.runQuietly(progress -> open.runsOf(name), list -> {
            if (rubric.get() != chosen) {
                return;
            }
            // The runs chosen before stay chosen; otherwise the newest, usually the one to decide on.
            boolean keep = list.stream().anyMatch(r -> kept.contains(r.id()));
            runs.setAll(list.stream().map(r -> new RunChoice(r, keep ? kept.contains(r.id()) : r == list.get(0))).toList());
            if (list.isEmpty()) {
                message.set("No judge run of " + name + " yet: run the judge first (juror judge --rubric ...).");
            }
        }, failure -> message.set("Could not list the judge runs: " + failure.getMessage()));
    }

    /** The chosen rubric's frozen anchor sets, newest first; the chosen set stays chosen if it is still there. */
    private void loadAnchorSets(DashboardReader open, RubricChoice chosen) {
        String kept = anchorSet.get() == null ? null : anchorSet.get().name();
        String name = chosen.rubric().name();
        tasks.runQuietly(progress -> open.anchorSetsOf(name), list -> {
            if (rubric.get() != chosen) {
                return;
            }
            List<AnchorChoice> choices = new ArrayList<>();
            choices.add(AnchorChoice.CURRENT_LABELS);
            for (int i = list.size() - 1; i >= 0; i--) {
                choices.add(new AnchorChoice(list.get(i)));
            }
            anchorSets.setAll(choices);
            anchorSet.set(choices.stream().filter(c -> java.util.Objects.equals(c.name(), kept)).findFirst()
                    .orElse(AnchorChoice.CURRENT_LABELS));
        }, failure -> message.set("Could not list the anchor sets: " + failure.getMessage()));
    }

    private List<Long> chosenRunIds() {
        return runs.stream().filter(r -> r.selectedProperty().get()).map(RunChoice::id).toList();
    }

    /** Calibrates the chosen runs against the humans' labels and decides the verdict for the first chosen run. */
    public void compute() {
        Workspace open = workspace.get();
        RubricChoice chosen = rubric.get();
        List<Long> ids = chosenRunIds();
        if (chosen == null) {
            message.set("Choose a rubric first.");
            return;
        }
        if (ids.isEmpty()) {
            message.set("Choose at least one judge run.");
            return;
        }
        if (open == null) {
            message.set("No workspace open.");
            return;
        }
        if (chosen.rubric().mode() == dev.juror.rubric.Mode.PAIRWISE) {   // agreement and position consistency only
            PairwiseDashboard.compute(tasks, open, chosen.rubric(), ids, resamples.get(), includeUnblinded.get(), message, dashboard);
            return;
        }
        long wanted = ++generation;
        int kNow = k.get();
        String anchors = anchorSet.get() == null ? null : anchorSet.get().name();
        BootstrapConfig config = BootstrapConfig.defaults(1).withResamples(resamples.get());
        boolean includeFailed = includeFailedRuns.get();
        boolean unblinded = includeUnblinded.get();
        busy.set(true);
        message.set("Computing the calibration (bootstrap with " + resamples.get() + " resamples) ...");
        tasks.run("Calibrating " + chosen.rubric().name(), progress -> {
            WorkspaceCalibration calibration = new WorkspaceCalibration(open, clock);
            WorkspaceCalibration.Result r = calibration.run(chosen.rubric(), ids, config, kNow, anchors, includeFailed,
                    new dev.juror.workspace.calibration.LabelChoice(unblinded,
                            dev.juror.workspace.calibration.Reference.EACH));
            if (r.drift() != null) {
                calibration.recordAlerts(chosen.rubric().name(), r.drift().alerts());
            }
            Verdict verdict = calibration.decide(r, r.report().runs().get(0).id());
            return DashboardBuilder.build(r, verdict);
        }, result -> {
            if (wanted != generation) {
                return;
            }
            busy.set(false);
            dashboard.set(result);
            var labels = result.result().labels();
            unblindedCount.set(labels.notBlind() == 0 ? "(none in this workspace)" : "(" + labels.notBlind()
                    + (labels.unblindedCounted() ? " counted)" : " left out)"));
            models.setAll(result.models());
            List<String> names = List.copyOf(result.confusion().keySet());
            dimensions.setAll(names);
            dimension.set(dimension.get() != null && names.contains(dimension.get()) ? dimension.get() : names.isEmpty() ? null : names.get(0));
            message.set(result.result().report().humanLabels() + " human labels from "
                    + String.join(", ", result.result().report().humans()) + "; " + ids.size() + " judge run(s)"
                    + (result.notes().isEmpty() ? "" : ". " + String.join(". ", result.notes().stream()
                            .map(CalibrationDashboardViewModel::sentence).toList())));
        }, failure -> {
            if (wanted == generation) {
                busy.set(false);
                message.set(refusal(failure).map(e -> "Not calibrated: " + sentence(e.getMessage())
                        + " (tick \"Include runs with service failures\").")
                        .orElse("Could not calibrate: " + failure.getMessage()));
            }
        });
    }

    private void recomputeModels() {
        Dashboard shown = dashboard.get();
        Workspace open = workspace.get();
        if (shown == null || open == null || k.get() < 1) {
            return;
        }
        int kNow = k.get();
        List<Long> ids = shown.result().runs().stream()
                .map(r -> Long.parseLong(r.id().substring(r.id().indexOf('-') + 1))).toList();
        BootstrapConfig config = BootstrapConfig.defaults(1).withResamples(resamples.get());
        tasks.runQuietly(progress -> DashboardBuilder.models(
                new WorkspaceCalibration(open, clock).models(shown.result().rubric(), ids, config, kNow)), rows -> {
            if (dashboard.get() == shown && k.get() == kNow) {
                models.setAll(rows);
            }
        }, failure -> message.set("Could not compare the models: " + failure.getMessage()));
    }

    /** Writes the HTML report (calibration, verdict, model comparison, drift) through a temporary file. */
    public void exportHtml(Path file) {
        Dashboard shown = dashboard.get();
        if (shown == null) {
            message.set("Compute first, then export.");
            return;
        }
        tasks.run("Writing " + file.getFileName(), progress -> {
            AtomicFiles.write(file, shown.result().html(List.of(shown.verdict())));
            return file;
        }, written -> message.set("HTML report written to " + written),
                failure -> message.set("Could not write " + file + ": " + failure.getMessage()));
    }

    /** Stores the shown verdict with its rubric version and judge model (append-only). */
    public void recordVerdict() {
        Dashboard shown = dashboard.get();
        Workspace open = workspace.get();
        if (shown == null || open == null) {
            message.set("Compute first, then record the verdict.");
            return;
        }
        Verdict verdict = shown.verdict();
        tasks.runQuietly(progress -> new WorkspaceCalibration(open, clock).record(verdict),
                id -> message.set("Recorded " + verdict.status().label() + " for " + verdict.run() + " (rubric version "
                        + verdict.rubricVersion() + ", judge " + verdict.judgeModel() + ")."),
                failure -> message.set("Could not record the verdict: " + failure.getMessage()));
    }

    /** Opens a disagreement's item in the review desk. */
    public void open(Dashboard.DisagreementRow row) {
        ItemRef.parse(row.itemKey()).map(item -> item.withRun(row.run())).ifPresentOrElse(openInReview,
                () -> message.set("Item " + row.itemKey() + " has no sample/rollout/position key."));
    }

    public String suggestedReportName() {
        Dashboard shown = dashboard.get();
        return shown == null ? "calibration.html"
                : shown.verdict().rubric() + "-" + shown.primaryRun() + "-calibration.html";
    }

    public ObservableList<RubricChoice> rubrics() {
        return rubrics;
    }

    public ObjectProperty<RubricChoice> rubricProperty() {
        return rubric;
    }

    /** The refusal of a run with unresolved service failures, wherever it sits in the failure's causes. */
    private static java.util.Optional<UnresolvedFailuresException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedFailuresException e) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether the next compute accepts runs with more service failures than their threshold allows
     * (their failed results are left out, said in a note); unticked, such a run is refused.
     */
    /** Count labels that were not given blind as well (left out by default, as {@code --include-unblinded}). */
    public BooleanProperty includeUnblindedProperty() {
        return includeUnblinded;
    }

    /** How many labels were not given blind in the last calibration, and whether they counted: "(12 left out)". */
    public javafx.beans.property.ReadOnlyStringProperty unblindedCountProperty() {
        return unblindedCount.getReadOnlyProperty();
    }

    public BooleanProperty includeFailedRunsProperty() {
        return includeFailedRuns;
    }

    /** A note as a sentence in the message line: notes start in lower case, as the CLI prints them. */
    private static String sentence(String note) {
        return note.isEmpty() ? note : Character.toUpperCase(note.charAt(0)) + note.substring(1);
    }

    /** "Current labels" first, then the chosen rubric's frozen anchor sets, newest first. */
    public ObservableList<AnchorChoice> anchorSets() {
        return anchorSets;
    }

    /** What drift is measured against at the next compute. */
    public ObjectProperty<AnchorChoice> anchorSetProperty() {
        return anchorSet;
    }

    public ObservableList<RunChoice> runs() {
        return runs;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public IntegerProperty resamplesProperty() {
        return resamples;
    }

    public ObservableList<String> dimensions() {
        return dimensions;
    }

    public ObjectProperty<String> dimensionProperty() {
        return dimension;
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    public ObservableList<Dashboard.ModelRow> models() {
        return models;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
