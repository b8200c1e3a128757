package dev.juror.app.regression;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.ReportingWork;
import dev.juror.app.tasks.TaskCallbacks;
import dev.juror.app.tasks.TaskHandle;
import dev.juror.app.workspace.JudgeConnectionForm;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.calibration.regression.SuiteException;
import dev.juror.calibration.regression.SuiteResult;
import dev.juror.calibration.regression.SuiteYaml;
import dev.juror.judge.Judge;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.regression.SuiteRegression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Regression screen's state: the workspace's suites and rubrics, the chosen judge, a run in
 * the background (through {@link SuiteRegression}, the same code as {@code juror regress}) with
 * progress and cancel, and the per-case results. Changed on the FX thread only.
 *
 * <p>The judge is built by {@link JudgeFactory} from the same settings as the judge screen's: the
 * providers of {@link JudgeFactory#PROVIDERS}, region, profile and base URL from the Settings
 * dialog, an endpoint override typed on the screen; live judges replay recorded answers first.
 */
public final class RegressionViewModel {

    /** What a load of the workspace's suites and rubrics found. */
    record Choices(List<SuiteChoice> suites, List<RubricChoice> rubrics, List<String> problems) {
    }

    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;
    private final Supplier<Settings> settings;
    private final Clock clock;

    private final ObservableList<SuiteChoice> suites = FXCollections.observableArrayList();
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<SuiteChoice> suite = new SimpleObjectProperty<>(this, "suite");
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final JudgeConnectionForm judge = new JudgeConnectionForm();
    private final StringProperty provider = judge.providerProperty();
    private final StringProperty model = judge.modelProperty();
    private final ObservableList<CaseRow> cases = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObjectProperty<Boolean> passed = new SimpleObjectProperty<>(this, "passed");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private TaskHandle handle;

    /** @param settings where region, profile and base URL come from (the Settings dialog) */
    public RegressionViewModel(BackgroundTasks tasks, Supplier<Workspace> workspace, Supplier<Settings> settings,
                               Clock clock) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.settings = settings;
        this.clock = clock;
        applySettings();
        rubric.addListener((obs, old, now) -> {
            if (now != null && (model.get().isBlank() || old != null && model.get().equals(old.rubric().judge().modelId()))) {
                model.set(now.rubric().judge().modelId());
            }
        });
    }

    /** Takes region, profile and base URL from the settings, as the judge screen does. */
    public void applySettings() {
        judge.applySettings(settings.get());
    }

    /** Reads the suites and rubrics of the open workspace (in the background). */
    public void load() {
        Workspace open = workspace.get();
        if (open == null) {
            suites.clear();
            rubrics.clear();
            return;
        }
        tasks.runQuietly(progress -> readChoices(open), this::show,
                failure -> message.set("Cannot read the suites: " + failure.getMessage()));
    }

    static Choices readChoices(Workspace open) throws IOException {
        List<String> problems = new ArrayList<>();
        List<SuiteChoice> found = new ArrayList<>();
        Path folder = open.directory().resolve(WorkspaceSeeder.SUITES_FOLDER);
        if (!Files.isDirectory(folder)) {
            problems.add("No suites/ folder in " + open.directory() + ": write a suite there (see docs/calibration.md)");
        } else {
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
            }
            SuiteYaml yaml = new SuiteYaml();
            for (Path file : files) {
                try {
                    found.add(new SuiteChoice(file.getFileName().toString(), yaml.read(file)));
                } catch (SuiteException e) {
                    problems.add(file.getFileName() + ": " + String.join("; ", e.problems()));
                }
            }
        }
        WorkspaceRubrics.RubricList rubricList = new WorkspaceRubrics(open).pointwise();
        problems.addAll(rubricList.problems());
        return new Choices(found, rubricList.rubrics(), problems);
    }

    private void show(Choices choices) {
        suites.setAll(choices.suites());
        rubrics.setAll(choices.rubrics());
        if (suite.get() == null || !suites.contains(suite.get())) {
            suite.set(suites.isEmpty() ? null : suites.get(0));
        }
        if (suite.get() != null) {
            // The rubric the suite was written for, when the workspace has it.
            rubrics.stream().filter(r -> r.rubric().name().equals(suite.get().suite().rubric())).findFirst()
                    .ifPresent(rubric::set);
        }
        if (rubric.get() == null && !rubrics.isEmpty()) {
            rubric.set(rubrics.get(0));
        }
        message.set(String.join("\n", choices.problems()));
    }

    public BooleanBinding canRunBinding() {
        return Bindings.createBooleanBinding(() -> !running.get() && suite.get() != null && rubric.get() != null
                        && provider.get() != null
                        && (!JudgeFactory.needsModel(provider.get()) || !model.get().isBlank()),
                running, suite, rubric, provider, model);
    }

    /** Runs the chosen suite in the background; the case table fills when it is done. */
    public void run() {
        Workspace open = workspace.get();
        SuiteChoice s = suite.get();
        RubricChoice r = rubric.get();
        if (open == null || s == null || r == null || running.get()) {
            return;
        }
        if (!s.suite().rubric().equals(r.rubric().name())) {
            message.set("Suite " + s.suite().name() + " is written for rubric '" + s.suite().rubric() + "'; choose that"
                    + " rubric (a version of it) instead of '" + r.rubric().name() + "'.");
            return;
        }
        String p = provider.get();
        String judgeModel = JudgeFactory.model(p, model.get(), r.rubric().judge().modelId());
        JudgeSettings judgeSettings = judge.settings(Optional.empty());
        cases.clear();
        summary.set("");
        passed.set(null);
        message.set("");
        progress.set(0);
        running.set(true);
        ReportingWork<SuiteRegression.Outcome, Double> work = sink -> {
            ReplaySource recordings = new WorkspaceLookups(open).recordedAnswers();
            try (Judge live = JudgeFactory.judge(p, judgeModel, judgeSettings, recordings);
                 Judge replay = JudgeFactory.replayFirst(p, judgeModel, recordings)) {
                return new SuiteRegression(open, clock).run(s.suite(), r.rubric(), live, replay, judgeModel,
                        (done, total) -> {
                            if (sink.isCancelled()) {
                                throw new CancellationException("cancelled");
                            }
                            sink.update(done, total, done + " of " + total + " rollouts scored");
                            sink.publish(total == 0 ? 1 : (double) done / total);
                        });
            }
        };
        handle = tasks.run("Regression suite " + s.suite().name(), work,
                TaskCallbacks.<SuiteRegression.Outcome, Double>of(outcome -> {
                    running.set(false);
                    show(outcome, r);
                }, failure -> {
                    running.set(false);
                    progress.set(0);
                    message.set(failure instanceof JudgeSetupException e ? "The judge cannot be reached: "
                            + e.getMessage() : "The suite could not run: " + failure.getMessage());
                }).withProgress(progress::set)
                        .withStopping(() -> message.set("Cancelling: stopping the judge calls in flight…"))
                        .withCancelled(outcome -> {
                            running.set(false);
                            if (outcome != null) {
                                show(outcome, r); // it had finished, and was stored, before it saw the cancel
                            } else {
                                progress.set(0);
                                message.set("Cancelled: nothing was stored.");
                            }
                        }));
    }

    private void show(SuiteRegression.Outcome outcome, RubricChoice r) {
        SuiteResult result = outcome.result();
        cases.setAll(result.cases().stream().map(CaseRow::of).toList());
        passed.set(result.passed());
        progress.set(1);
        int ok = result.cases().size() - result.failedCases();
        summary.set((result.passed() ? "PASSED" : "FAILED") + ": " + ok + " of " + result.cases().size()
                + " cases passed, rubric " + r.rubric().name() + " version " + result.rubricVersion() + ", judge "
                + result.judgeModel() + " (" + outcome.replayed() + " rollouts replayed, " + outcome.judgedLive()
                + " judged live). Stored for the verdict.");
    }

    /** Cancels the running suite; nothing is stored. */
    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
        }
    }

    public ObservableList<SuiteChoice> suites() {
        return suites;
    }

    public ObservableList<RubricChoice> rubrics() {
        return rubrics;
    }

    public ObjectProperty<SuiteChoice> suiteProperty() {
        return suite;
    }

    public ObjectProperty<RubricChoice> rubricProperty() {
        return rubric;
    }

    /** The judge providers, as {@link JudgeFactory#PROVIDERS} names them. */
    public ObservableList<String> providers() {
        return judge.providers();
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty regionProperty() {
        return judge.regionProperty();
    }

    public StringProperty profileProperty() {
        return judge.profileProperty();
    }

    public StringProperty endpointProperty() {
        return judge.endpointProperty();
    }

    public StringProperty baseUrlProperty() {
        return judge.baseUrlProperty();
    }

    public ObservableList<CaseRow> cases() {
        return cases;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** True or false once a run finished; null before. */
    public ObjectProperty<Boolean> passedProperty() {
        return passed;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }
}
