package dev.juror.app.align;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.ReportingWork;
import dev.juror.app.tasks.TaskCallbacks;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.app.workspace.JudgeConnectionForm;
import dev.juror.workspace.align.AlignExperiment;
import dev.juror.workspace.align.Experiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Align panel (issue #16) beside the rubric editor: a form for one round on the rubric open in
 * the editor (judge from the Settings like the judge runs screen, sources, caps, split seed, reuse of
 * the test split), "Check cost" before anything is sent, the round as a background task with its
 * progress lines and Cancel, and the result: candidates on validation, the chosen one against the
 * baseline on test, the new version's diff; past rounds to look at again.
 */
public final class AlignViewModel {

    static final String REUSE_WARNING = "The test split was judged by an earlier round. Judging it again makes its"
            + " result less honest: each look is a little choosing. The report will say how many times it was used.";

    private final BackgroundTasks tasks;
    private final AlignPort port;
    private final Supplier<Settings> settings;
    private final Consumer<Path> openInEditor;

    private final JudgeConnectionForm judge = new JudgeConnectionForm();
    private final ObjectProperty<Path> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final BooleanProperty fewShot = new SimpleBooleanProperty(this, "fewShot", true);
    private final BooleanProperty proposals = new SimpleBooleanProperty(this, "proposals", true);
    private final ObservableList<Path> typedEdits = FXCollections.observableArrayList();
    private final StringProperty maxCalls = new SimpleStringProperty(this, "maxCalls", "1000");
    private final StringProperty maxCost = new SimpleStringProperty(this, "maxCost", "");
    private final StringProperty splitSeed = new SimpleStringProperty(this, "splitSeed", "1");
    private final BooleanProperty reuseTestSplit = new SimpleBooleanProperty(this, "reuseTestSplit", false);

    private final StringProperty estimate = new SimpleStringProperty(this, "estimate", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ObservableList<String> progressLines = FXCollections.observableArrayList();

    private final ObjectProperty<Experiment> shown = new SimpleObjectProperty<>(this, "shown");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObservableList<AlignRows.CandidateRow> candidates = FXCollections.observableArrayList();
    private final ObservableList<AlignRows.DimensionRow> comparison = FXCollections.observableArrayList();
    private final ObservableList<String> dimensions = FXCollections.observableArrayList();
    private final StringProperty diff = new SimpleStringProperty(this, "diff", "");
    private final ObservableList<AlignRows.RoundLine> rounds = FXCollections.observableArrayList();
    private final BooleanBinding canOpenNewVersion = Bindings.createBooleanBinding(
            () -> shown.get() != null && !shown.get().chosen().isEmpty(), shown);

    private TaskHandle handle;

    /** @param openInEditor opens a rubric file in the rubric editor (the new version) */
    public AlignViewModel(BackgroundTasks tasks, AlignPort port, Supplier<Settings> settings,
                          Consumer<Path> openInEditor) {
        this.tasks = tasks;
        this.port = port;
        this.settings = settings;
        this.openInEditor = openInEditor;
        applySettings();
    }

    /** Region, profile and base URL from the Settings dialog, as the judge runs screen takes them. */
    public void applySettings() {
        judge.applySettings(settings.get());
    }

    /** The past rounds, newest first, read again (after a round, or when the workspace changes). */
    public void reload() {
        tasks.runQuietly(progress -> port.rounds(), list -> {
            List<AlignRows.RoundLine> lines = new ArrayList<>(list.stream().map(AlignRows.RoundLine::new).toList());
            java.util.Collections.reverse(lines);
            rounds.setAll(lines);
        }, failure -> error.set("Cannot list the past rounds: " + failure.getMessage()));
    }

    /** What the round would cost, before anything is sent. */
    public void checkCost() {
        Optional<AlignForm> form = form();
        if (form.isEmpty()) {
            return;
        }
        start("Align: checking the cost of " + form.get().rubric().getFileName(), progress -> port.estimate(form.get()),
                TaskCallbacks.<AlignExperiment.Estimate, List<String>>of(e -> {
                    busy.set(false);
                    estimate.set(describe(e));
                }, this::failed));
    }

    /** Runs the round as a background task; its progress lines appear as it goes. */
    public void run() {
        Optional<AlignForm> form = form();
        if (form.isEmpty()) {
            return;
        }
        progressLines.clear();
        ReportingWork<AlignExperiment.Outcome, List<String>> work = progress -> {
            Thread worker = Thread.currentThread();
            progress.onCancel(worker::interrupt);
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            return port.run(form.get(), line -> {
                lines.add(line);
                progress.publish(List.copyOf(lines));
            });
        };
        start("Align " + form.get().rubric().getFileName() + " with " + form.get().provider(), work,
                TaskCallbacks.<AlignExperiment.Outcome, List<String>>of(outcome -> {
                    busy.set(false);
                    progressLines.add("done: round " + outcome.experiment().id());
                    show(outcome.experiment());
                    reload();
                }, this::failed).withProgress(progressLines::setAll)
                        .withStopping(() -> progressLines.add("stopping after the judge call in flight...")));
    }

    private <T> void start(String title, ReportingWork<T, List<String>> work, TaskCallbacks<T, List<String>> callbacks) {
        error.set("");
        busy.set(true);
        handle = tasks.run(title, work, callbacks);
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    /** Shows a round's result (a finished one, or one picked from the past rounds). */
    public void show(Experiment round) {
        shown.set(round);
        if (round == null) {
            summary.set("");
            candidates.clear();
            dimensions.clear();
            comparison.clear();
            diff.set("");
            return;
        }
        summary.set(AlignRows.summary(round));
        List<String> names = AlignRows.dimensions(round);
        if (!names.equals(dimensions)) {
            dimensions.setAll(names);
        }
        candidates.setAll(AlignRows.candidates(round));
        comparison.setAll(AlignRows.comparison(round));
        diff.set(round.chosen().isEmpty() ? "" : port.diff(round));
    }

    public void openNewVersion() {
        if (canOpenNewVersion.get()) {
            openInEditor.accept(port.newVersion(shown.get()));
        }
    }

    /** The form as a round, or empty with the problem in {@link #errorProperty()}. */
    Optional<AlignForm> form() {
        List<String> problems = new ArrayList<>();
        if (rubric.get() == null) {
            problems.add("Open a rubric in the editor first: the round aligns the rubric open there.");
        }
        Long calls = whole(maxCalls.get(), "Max calls", 1, problems);
        Long seed = whole(splitSeed.get(), "Split seed", Long.MIN_VALUE, problems);
        OptionalDouble cost = OptionalDouble.empty();
        String costText = maxCost.get() == null ? "" : maxCost.get().strip();
        if (!costText.isEmpty()) {
            try {
                double v = Double.parseDouble(costText);
                if (!(v >= 0)) {
                    throw new NumberFormatException();
                }
                cost = OptionalDouble.of(v);
            } catch (NumberFormatException e) {
                problems.add("Max cost must be a number, 0 or more (or empty for no cost cap), was '" + costText + "'.");
            }
        }
        if (!problems.isEmpty()) {
            error.set(String.join(" ", problems));
            return Optional.empty();
        }
        return Optional.of(new AlignForm(rubric.get(), judge.providerProperty().get(), judge.modelProperty().get(),
                judge.settings(Optional.empty()), fewShot.get(), proposals.get(), typedEdits, calls, cost, seed,
                reuseTestSplit.get()));
    }

    private static Long whole(String text, String field, long min, List<String> problems) {
        String t = text == null ? "" : text.strip();
        try {
            long v = Long.parseLong(t);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(field + " must be a whole number" + (min == 1 ? ", 1 or more" : "") + ", was '" + t + "'.");
        return null;
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(AlignProblems.sentence(failure));
    }

    static String describe(AlignExperiment.Estimate e) {
        String cost = e.cost().map(c -> String.format(Locale.ROOT, "estimated %.4f %s", c, e.currency()))
                .orElse("cost unknown (" + e.basis() + ")");
        String text = e.candidates() + " candidates on " + e.validationSamples() + " validation samples, the chosen one"
                + " on " + e.testSamples() + " test samples: at most " + e.calls() + " judge calls, " + cost + ". "
                + (e.refusal().isEmpty() ? "Within the caps. Nothing was sent." : "Over budget: "
                + AlignProblems.plain(e.refusal()));
        return e.notes().isEmpty() ? text : text + "\n" + String.join("\n", e.notes());
    }

    public JudgeConnectionForm judge() { return judge; }
    public ObjectProperty<Path> rubricProperty() { return rubric; }
    public BooleanProperty fewShotProperty() { return fewShot; }
    public BooleanProperty proposalsProperty() { return proposals; }
    public ObservableList<Path> typedEdits() { return typedEdits; }
    public StringProperty maxCallsProperty() { return maxCalls; }
    public StringProperty maxCostProperty() { return maxCost; }
    public StringProperty splitSeedProperty() { return splitSeed; }
    public BooleanProperty reuseTestSplitProperty() { return reuseTestSplit; }
    public String reuseWarning() { return REUSE_WARNING; }
    public StringProperty estimateProperty() { return estimate; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<String> progressLines() { return progressLines; }
    public ObjectProperty<Experiment> shownProperty() { return shown; }
    public StringProperty summaryProperty() { return summary; }
    public ObservableList<AlignRows.CandidateRow> candidates() { return candidates; }
    public ObservableList<AlignRows.DimensionRow> comparison() { return comparison; }
    /** The dimensions of the shown round: a kappa column each in the candidates table. */
    public ObservableList<String> dimensions() { return dimensions; }
    public StringProperty diffProperty() { return diff; }
    public ObservableList<AlignRows.RoundLine> rounds() { return rounds; }
    public BooleanBinding canOpenNewVersionProperty() { return canOpenNewVersion; }
}
