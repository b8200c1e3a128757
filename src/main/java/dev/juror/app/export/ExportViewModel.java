package dev.juror.app.export;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.export.ArnParts;
import dev.juror.export.ExportRefusedException;
import dev.juror.export.GateVerdict;
import dev.juror.store.Workspace;
import dev.juror.workspace.ExportInputException;
import dev.juror.workspace.ExportKind;
import dev.juror.workspace.ExportOutcome;
import dev.juror.workspace.ExportRequest;
import dev.juror.workspace.ExportService;
import dev.juror.workspace.ExportWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The export wizard's state: 1. what, rubric, judge model, output folder; 2. the verdict gate with
 * the explicit UNVALIDATED override; 3. for the Lambda package the reward budget ({@link BudgetViewModel}),
 * then the export. Gate and export go through the {@link ExportService} that {@code juror export}
 * uses, with the same defaults. Changed on the FX thread only.
 */
public final class ExportViewModel {

    public static final int WHAT = 0;
    public static final int GATE = 1;
    public static final int WRITE = 2;
    /** The training rows' file in the chosen folder. */
    static final String TRAINING_DATA_FILE = "training-data.jsonl";

    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;
    private final ExportService service;
    private final BudgetViewModel budget;

    private final ObjectProperty<ExportKind> kind = new SimpleObjectProperty<>(this, "kind", ExportKind.LAMBDA_PACKAGE);
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty outputFolder = new SimpleStringProperty(this, "outputFolder", "");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", WHAT);
    private final ObjectProperty<GateVerdict> gate = new SimpleObjectProperty<>(this, "gate");
    private final ObservableList<String> gateReasons = FXCollections.observableArrayList();
    private final BooleanProperty overrideUnvalidated = new SimpleBooleanProperty(this, "overrideUnvalidated");
    private final BooleanProperty exporting = new SimpleBooleanProperty(this, "exporting");
    private final ObservableList<String> written = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty(this, "messageIsProblem", true);

    public ExportViewModel(BackgroundTasks tasks, Supplier<Workspace> workspace, ExportService service) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.service = service;
        this.budget = new BudgetViewModel(tasks, workspace, service);
        model.addListener((obs, old, now) -> budget.measure(rubric.get(), now));
        rubric.addListener((obs, old, now) -> {
            if (now != null && (model.get().isBlank() || old != null && model.get().equals(old.rubric().judge().modelId()))) {
                model.set(now.rubric().judge().modelId());
            }
            budget.measure(now, model.get());
        });
        kind.addListener((obs, old, now) -> {
            Workspace open = workspace.get();
            if (open != null && (outputFolder.get().isBlank() || outputFolder.get().equals(defaultFolder(open, old)))) {
                outputFolder.set(defaultFolder(open, now));
            }
        });
        // Going back to step 1 and changing anything means the gate must be looked up again.
        kind.addListener((obs, old, now) -> step.set(WHAT));
        rubric.addListener((obs, old, now) -> step.set(WHAT));
        model.addListener((obs, old, now) -> step.set(WHAT));
        budget.unvalidatedProperty().bind(Bindings.createBooleanBinding(
                () -> gate.get() != null && !gate.get().validated(), gate));
    }

    private static String defaultFolder(Workspace open, ExportKind k) {
        return open.directory().resolve("exports").resolve(k.folder()).toString();
    }

    /** Reads the workspace's rubrics (in the background). */
    public void load() {
        Workspace open = workspace.get();
        if (open == null) {
            rubrics.clear();
            return;
        }
        if (outputFolder.get().isBlank()) {
            outputFolder.set(defaultFolder(open, kind.get()));
        }
        tasks.runQuietly(progress -> new WorkspaceRubrics(open).pointwise(), list -> {
            rubrics.setAll(list.rubrics());
            if (rubric.get() == null || !rubrics.contains(rubric.get())) {
                rubric.set(rubrics.isEmpty() ? null : rubrics.get(0));
            }
            message.set(String.join("\n", list.problems()));
        }, failure -> message.set("Cannot read the rubrics: " + failure.getMessage()));
    }

    /** Step 1 complete: a rubric, a judge model for gated kinds, an output folder. */
    public BooleanBinding whatCompleteBinding() {
        return Bindings.createBooleanBinding(() -> rubric.get() != null && !outputFolder.get().isBlank()
                && (!kind.get().gated() || !model.get().isBlank()), rubric, outputFolder, model, kind);
    }

    /** Step 2 passed: VALIDATED, or not gated, or the UNVALIDATED override ticked. */
    public BooleanBinding gatePassedBinding() {
        return Bindings.createBooleanBinding(() -> !kind.get().gated()
                || gate.get() != null && (gate.get().validated() || overrideUnvalidated.get()), kind, gate,
                overrideUnvalidated);
    }

    public BooleanBinding canNextBinding() {
        BooleanBinding what = whatCompleteBinding();
        BooleanBinding passed = gatePassedBinding();
        return Bindings.createBooleanBinding(() -> switch (step.get()) {
            case WHAT -> what.get();
            case GATE -> passed.get();
            default -> false;
        }, step, what, passed);
    }

    public BooleanBinding canExportBinding() {
        return Bindings.createBooleanBinding(() -> step.get() == WRITE && !exporting.get()
                && (kind.get() != ExportKind.LAMBDA_PACKAGE || budget.planProperty().get() != null), step, exporting,
                kind, budget.planProperty());
    }

    public void next() {
        if (step.get() == WHAT && whatCompleteBinding().get()) {
            if (kind.get() == ExportKind.LAMBDA_PACKAGE) {
                // The model id goes into the Lambda role's IAM policy: refused here, as by juror export lambda.
                Optional<String> problem = ArnParts.modelIdProblem(model.get().strip());
                if (problem.isPresent()) {
                    messageIsProblem.set(true);
                    message.set(Character.toUpperCase(problem.get().charAt(0)) + problem.get().substring(1) + ".");
                    return;
                }
            }
            step.set(GATE);
            checkGate();
        } else if (step.get() == GATE && gatePassedBinding().get()) {
            step.set(WRITE);
        }
    }

    public void back() {
        if (step.get() > WHAT) {
            step.set(step.get() - 1);
        }
    }

    /** Looks up the verdict of the rubric version and judge model, and measures the judge again for the budget. */
    private void checkGate() {
        Workspace open = workspace.get();
        RubricChoice r = rubric.get();
        String judge = model.get().strip();
        gate.set(null);
        gateReasons.clear();
        overrideUnvalidated.set(false);
        if (open == null || r == null) {
            return;
        }
        tasks.runQuietly(progress -> service.verdict(ExportWorkspace.of(open), r.version(), judge), verdict -> {
            gateReasons.setAll(verdict.failedConditions());
            gate.set(verdict);
        }, failure -> message.set("Cannot read the verdicts: " + failure.getMessage()));
        budget.measure(r, judge);
    }

    /** Writes the chosen export in the background; {@link #written()} lists the files. */
    public void export() {
        Workspace open = workspace.get();
        RubricChoice r = rubric.get();
        ExportKind k = kind.get();
        if (open == null || r == null || !canExportBinding().get()) {
            return;
        }
        Path out = Path.of(outputFolder.get().strip());
        ExportRequest.Builder request = ExportRequest.builder(k, k == ExportKind.TRAINING_DATA
                        ? out.resolve(TRAINING_DATA_FILE) : out)
                .model(model.get().strip()).allowUnvalidated(overrideUnvalidated.get());
        budget.settings().ifPresent(request::budget);
        exporting.set(true);
        written.clear();
        messageIsProblem.set(true);
        message.set("");
        tasks.run("Exporting the " + k.what(), progress -> {
            String yaml = Files.readString(open.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER).resolve(r.fileName()));
            return service.export(request.rubric(r.rubric(), yaml).build(), ExportWorkspace.of(open));
        }, (ExportOutcome outcome) -> {
            exporting.set(false);
            written.setAll(outcome.files().stream().map(Path::toString).toList());
            messageIsProblem.set(false);
            message.set("Wrote " + outcome.files().size() + " file(s) to " + out + ".");
        }, failure -> {
            exporting.set(false);
            message.set(failureMessage(failure));
        });
    }

    private static String failureMessage(Throwable failure) {
        if (failure instanceof ExportRefusedException refused) {
            return refused.getMessage();
        }
        if (failure instanceof ExportInputException input && input.problem() == ExportInputException.Problem.NO_SAMPLES) {
            return "Export failed: the workspace holds no samples; import some first";
        }
        return "Export failed: " + failure.getMessage();
    }

    /** The budget planner of step 3. */
    public BudgetViewModel budget() {
        return budget;
    }

    public ObjectProperty<ExportKind> kindProperty() {
        return kind;
    }

    public ObservableList<RubricChoice> rubrics() {
        return rubrics;
    }

    public ObjectProperty<RubricChoice> rubricProperty() {
        return rubric;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty outputFolderProperty() {
        return outputFolder;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    /** The verdict of the chosen rubric version and model; null while it is looked up. */
    public ObjectProperty<GateVerdict> gateProperty() {
        return gate;
    }

    public ObservableList<String> gateReasons() {
        return gateReasons;
    }

    public BooleanProperty overrideUnvalidatedProperty() {
        return overrideUnvalidated;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    public ObservableList<String> written() {
        return written;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** False only for the success line after an export. */
    public BooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }
}
