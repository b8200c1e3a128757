package dev.juror.app.export;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.export.BudgetPlan;
import dev.juror.store.Workspace;
import dev.juror.workspace.BudgetContext;
import dev.juror.workspace.BudgetSettings;
import dev.juror.workspace.ExportDefaults;
import dev.juror.workspace.ExportService;
import dev.juror.workspace.ExportWorkspace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
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
 * The export screen's reward budget planner: the fields ({@link BudgetField}) become
 * {@link BudgetSettings}, planned against what {@link ExportService#budgetContext} measured in the
 * workspace for the chosen rubric and judge model, on every keystroke (the arithmetic takes
 * microseconds). The Lambda export hands the same settings to the service. Changed on the FX thread only.
 */
public final class BudgetViewModel {

    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;
    private final ExportService service;

    private final Map<BudgetField, StringProperty> inputs = new EnumMap<>(BudgetField.class);
    private final IntegerProperty inputTokens = new SimpleIntegerProperty(this, "inputTokens", 0);
    private final ObjectProperty<BudgetPlan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObservableList<BudgetLine> lines = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "budgetError", "");
    private final StringProperty markdown = new SimpleStringProperty(this, "budgetMarkdown", "");
    /** budget.md as written carries the UNVALIDATED banner when the gate found no VALIDATED verdict. */
    private final BooleanProperty unvalidated = new SimpleBooleanProperty(this, "unvalidated");
    private RubricChoice rubric;
    private String model = "";
    /** Judge usage, prices and event size of the workspace; null until first measured. */
    private BudgetContext context;

    public BudgetViewModel(BackgroundTasks tasks, Supplier<Workspace> workspace, ExportService service) {
        this.tasks = tasks;
        this.workspace = workspace;
        this.service = service;
        for (BudgetField f : BudgetField.values()) {
            StringProperty text = new SimpleStringProperty(this, f.id(), f.defaultText());
            text.addListener((obs, old, now) -> recompute());
            inputs.put(f, text);
        }
        unvalidated.addListener((obs, old, now) -> recompute());
        recompute();
    }

    /** Measures the judge's token use for this rubric version and model, and loads the prices, in the background. */
    public void measure(RubricChoice chosen, String judgeModel) {
        rubric = chosen;
        model = judgeModel.strip();
        Workspace open = workspace.get();
        if (open == null || chosen == null) {
            recompute();
            return;
        }
        String judge = model;
        tasks.runQuietly(progress -> service.budgetContext(ExportWorkspace.of(open), chosen.rubric(), judge,
                Optional.empty(), Optional.empty()), measured -> {
                    if (chosen.equals(rubric) && judge.equals(model)) {
                        context = measured;
                        inputTokens.set((int) Math.round(measured.usage().promptTokensPerCall()));
                        recompute();
                    }
                }, failure -> error.set("Cannot measure the judge's token use: " + failure.getMessage()));
    }

    /** The fields as settings; empty while one is not a valid number. */
    public Optional<BudgetSettings> settings() {
        return parse(new ArrayList<>());
    }

    private Optional<BudgetSettings> parse(List<String> problems) {
        Map<BudgetField, Long> v = new EnumMap<>(BudgetField.class);
        for (BudgetField f : BudgetField.values()) {
            String text = inputs.get(f).get().strip().replace("_", "").replace(",", "");
            if (text.isEmpty() && f.mayBeEmpty()) {
                continue;
            }
            try {
                long value = Long.parseLong(text);
                if (value < (f.mayBeZero() ? 0 : 1) || value > f.max()) {
                    throw new NumberFormatException();
                }
                v.put(f, value);
            } catch (NumberFormatException e) {
                problems.add(f.label() + ": '" + inputs.get(f).get() + "' is not a whole number "
                        + (f.mayBeZero() ? "of 0 or more" : "of 1 or more") + (f.mayBeEmpty() ? ", or empty" : ""));
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BudgetSettings(v.get(BudgetField.PROMPTS_PER_STEP).intValue(),
                v.get(BudgetField.ROLLOUTS).intValue(), v.get(BudgetField.STEPS).intValue(),
                v.get(BudgetField.BATCH_SIZE).intValue(), v.get(BudgetField.JUDGE_RPM).intValue(),
                v.get(BudgetField.JUDGE_TPM), optional(v.get(BudgetField.LATENCY_MS)),
                ExportDefaults.TARGET_STEP_SECONDS, optional(v.get(BudgetField.CONCURRENCY)), Optional.empty()));
    }

    private static OptionalInt optional(Long value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }

    private void recompute() {
        List<String> problems = new ArrayList<>();
        Optional<BudgetSettings> settings = parse(problems);
        if (settings.isEmpty() || rubric == null) {
            clear(rubric == null ? "Choose a rubric first." : String.join("\n", problems));
            return;
        }
        if (context == null) {
            clear("Measuring the judge's token use in this workspace...");
            return;
        }
        BudgetPlan p;
        try {
            p = settings.get().plan(model.isBlank() ? "<judge model>" : model,
                    rubric.rubric().name() + " version " + rubric.version(), context);
        } catch (IllegalArgumentException e) {
            clear(e.getMessage());
            return;
        }
        plan.set(p);
        error.set("");
        lines.setAll(BudgetLines.of(p));
        markdown.set(p.markdown(unvalidated.get()));
    }

    private void clear(String why) {
        plan.set(null);
        lines.clear();
        markdown.set("");
        error.set(Objects.requireNonNullElse(why, ""));
    }

    public StringProperty input(BudgetField field) {
        return inputs.get(field);
    }

    /** Prompt tokens per judge call, measured or estimated. */
    public IntegerProperty inputTokensProperty() {
        return inputTokens;
    }

    /** The plan of the current inputs; null while an input is not a valid number. */
    public ObjectProperty<BudgetPlan> planProperty() {
        return plan;
    }

    public ObservableList<BudgetLine> lines() {
        return lines;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty markdownProperty() {
        return markdown;
    }

    public BooleanProperty unvalidatedProperty() {
        return unvalidated;
    }
}
