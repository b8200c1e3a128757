package dev.juror.app.export;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.export.ArnParts;
import dev.juror.export.BudgetInputs;
import dev.juror.export.BudgetPlan;
import dev.juror.export.EventSize;
import dev.juror.export.Cost;
import dev.juror.export.JudgeLatency;
import dev.juror.export.JudgeQuota;
import dev.juror.export.JudgeUsage;
import dev.juror.export.JudgeUsageMeter;
import dev.juror.export.PriceTable;
import dev.juror.export.PriceTables;
import dev.juror.export.TokenEstimate;
import dev.juror.export.TrainingShape;
import dev.juror.store.JudgeRunRepository;
import java.util.OptionalInt;
import dev.juror.export.ExportGate;
import dev.juror.export.ExportRefusedException;
import dev.juror.export.ExportSample;
import dev.juror.export.GateVerdict;
import dev.juror.export.LambdaBundleExporter;
import dev.juror.export.LambdaBundleRequest;
import dev.juror.export.LambdaJars;
import dev.juror.export.PromptBundleExporter;
import dev.juror.export.PromptTokens;
import dev.juror.export.SampleSources;
import dev.juror.export.TrainingDataExporter;
import dev.juror.export.WorkspaceVerdictSource;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The export wizard's state: 1. what, rubric, judge model, output folder; 2. the verdict gate
 * ({@link ExportGate} over the workspace's verdicts) with the explicit UNVALIDATED override; 3. for
 * the Lambda package the reward budget planner, recomputed as the fields change, then the export
 * through the same exporters as {@code juror export}. Changed on the FX thread only.
 */
public final class ExportViewModel {

    public static final int WHAT = 0;
    public static final int GATE = 1;
    public static final int WRITE = 2;
    /** Samples the Lambda bundle's sample event is built from (as {@code juror export lambda}). */
    static final int EVENT_SAMPLES = 20;

    /** The budget planner's inputs, with the CLI's defaults (docs/export.md). */
    public enum BudgetField {
        PROMPTS_PER_STEP("Prompts per step (global_batch_size)", 64),
        ROLLOUTS("Rollouts per prompt (number_generation)", 8),
        STEPS("Training steps (max_steps)", 516),
        JUDGE_RPM("Judge quota, requests per minute", 500),
        JUDGE_TPM("Judge quota, tokens per minute (0 = not given)", 0),
        LATENCY_MS("Judge latency, ms", 5000),
        CONCURRENCY("Judge calls in flight per invocation", 64),
        BATCH_SIZE("Samples per invocation (lambda_batch_size)", 128);

        private final String label;
        private final long defaultValue;

        BudgetField(String label, long defaultValue) {
            this.label = label;
            this.defaultValue = defaultValue;
        }

        public String label() {
            return label;
        }

        /** Node id of its text field. */
        public String id() {
            return "budget-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean mayBeZero() {
            return this == JUDGE_TPM;
        }
    }

    /** What the gate step needs, loaded in the background. */
    record GateContext(GateVerdict verdict, JudgeUsage usage, PriceTable prices, EventSize eventSize) {
    }

    private final BackgroundTasks tasks;
    private final Supplier<Workspace> workspace;

    private final ObjectProperty<ExportKind> kind = new SimpleObjectProperty<>(this, "kind", ExportKind.LAMBDA_PACKAGE);
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty outputFolder = new SimpleStringProperty(this, "outputFolder", "");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", WHAT);
    private final ObjectProperty<GateVerdict> gate = new SimpleObjectProperty<>(this, "gate");
    private final ObservableList<String> gateReasons = FXCollections.observableArrayList();
    private final BooleanProperty overrideUnvalidated = new SimpleBooleanProperty(this, "overrideUnvalidated");
    private final Map<BudgetField, StringProperty> budgetInputs = new LinkedHashMap<>();
    private final IntegerProperty inputTokens = new SimpleIntegerProperty(this, "inputTokens", 0);
    /** Token use per judge call (measured in the workspace's judge runs, else estimated) and the price table. */
    private JudgeUsage usage;
    private PriceTable prices;
    /** Lambda event bytes per sample of the workspace's samples (the payload limit sets lambda_batch_size). */
    private EventSize eventSize = EventSize.UNMEASURED;
    private final ObjectProperty<BudgetPlan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObservableList<BudgetLine> budgetLines = FXCollections.observableArrayList();
    private final StringProperty budgetError = new SimpleStringProperty(this, "budgetError", "");
    private final StringProperty budgetMarkdown = new SimpleStringProperty(this, "budgetMarkdown", "");
    private final BooleanProperty exporting = new SimpleBooleanProperty(this, "exporting");
    private final ObservableList<String> written = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty(this, "messageIsProblem", true);

    public ExportViewModel(BackgroundTasks tasks, Supplier<Workspace> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
        for (BudgetField f : BudgetField.values()) {
            StringProperty text = new SimpleStringProperty(this, f.id(), Long.toString(f.defaultValue));
            text.addListener((obs, old, now) -> recomputePlan());
            budgetInputs.put(f, text);
        }
        inputTokens.addListener((obs, old, now) -> recomputePlan());
        model.addListener((obs, old, now) -> measureUsage());
        rubric.addListener((obs, old, now) -> {
            if (now != null && (model.get().isBlank() || old != null && model.get().equals(old.rubric().judge().modelId()))) {
                model.set(now.rubric().judge().modelId());
            }
            measureUsage();
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
        recomputePlan();
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
                && (kind.get() != ExportKind.LAMBDA_PACKAGE || plan.get() != null), step, exporting, kind, plan);
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

    /**
     * Measures the judge's token use for the planner (the workspace's judge runs of this rubric version
     * and model, else an estimate from the rendered prompt) and loads the price table, in the background.
     */
    private void measureUsage() {
        Workspace open = workspace.get();
        RubricChoice r = rubric.get();
        String judge = model.get().strip();
        if (open == null || r == null) {
            recomputePlan();
            return;
        }
        tasks.runQuietly(progress -> new GateContext(null,
                JudgeUsageMeter.measure(new JudgeRunRepository(open), r.version(), judge)
                        .orElseGet(() -> TokenEstimate.of(r.rubric(), SampleSources.fromWorkspace(open, 1))),
                PriceTables.forWorkspace(open.directory()).table(), SampleSources.eventSize(open)), context -> {
                    if (r.equals(rubric.get()) && judge.equals(model.get().strip())) {
                        usage = context.usage();
                        prices = context.prices();
                        eventSize = context.eventSize();
                        inputTokens.set((int) Math.round(usage.promptTokensPerCall()));
                        recomputePlan();
                    }
                }, failure -> budgetError.set("Cannot measure the judge's token use: " + failure.getMessage()));
    }

    /** Looks up the verdict of the rubric version and judge model, and measures the prompt for the planner. */
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
        tasks.runQuietly(progress -> new GateContext(
                new WorkspaceVerdictSource(new CalibrationRepository(open)).verdict(r.version(), judge),
                JudgeUsageMeter.measure(new JudgeRunRepository(open), r.version(), judge)
                        .orElseGet(() -> TokenEstimate.of(r.rubric(), SampleSources.fromWorkspace(open, 1))),
                PriceTables.forWorkspace(open.directory()).table(), SampleSources.eventSize(open)), context -> {
                    gateReasons.setAll(context.verdict().failedConditions());
                    gate.set(context.verdict());
                    usage = context.usage();
                    prices = context.prices();
                    eventSize = context.eventSize();
                    // Setting the property recomputes the plan (listener in the constructor).
                    inputTokens.set(-1);
                    inputTokens.set((int) Math.round(context.usage().promptTokensPerCall()));
                }, failure -> message.set("Cannot read the verdicts: " + failure.getMessage()));
    }

    private void recomputePlan() {
        Map<BudgetField, Long> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (BudgetField f : BudgetField.values()) {
            String text = budgetInputs.get(f).get().strip().replace("_", "").replace(",", "");
            try {
                long v = Long.parseLong(text);
                long max = f == BudgetField.JUDGE_TPM ? Long.MAX_VALUE : Integer.MAX_VALUE;
                if (v < (f.mayBeZero() ? 0 : 1) || v > max) {
                    throw new NumberFormatException();
                }
                values.put(f, v);
            } catch (NumberFormatException e) {
                problems.add(f.label() + ": '" + budgetInputs.get(f).get() + "' is not a whole number "
                        + (f.mayBeZero() ? "of 0 or more" : "of 1 or more"));
            }
        }
        RubricChoice r = rubric.get();
        if (!problems.isEmpty() || r == null) {
            plan.set(null);
            budgetLines.clear();
            budgetMarkdown.set("");
            budgetError.set(r == null ? "Choose a rubric first." : String.join("\n", problems));
            return;
        }
        if (usage == null || prices == null) {
            plan.set(null);
            budgetLines.clear();
            budgetMarkdown.set("");
            budgetError.set("Measuring the judge's token use in this workspace...");
            return;
        }
        String judgeModel = model.get().isBlank() ? "<judge model>" : model.get().strip();
        BudgetPlan p;
        try {
            p = new BudgetPlan(new BudgetInputs(judgeModel, r.rubric().name() + " version " + r.version(),
                    new TrainingShape(values.get(BudgetField.PROMPTS_PER_STEP).intValue(),
                            values.get(BudgetField.ROLLOUTS).intValue(), values.get(BudgetField.STEPS).intValue(),
                            values.get(BudgetField.BATCH_SIZE).intValue()),
                    new JudgeQuota(values.get(BudgetField.JUDGE_RPM).intValue(), values.get(BudgetField.JUDGE_TPM)),
                    BudgetInputs.DEFAULT_TARGET_STEP_SECONDS,
                    JudgeLatency.resolve(OptionalInt.of(values.get(BudgetField.LATENCY_MS).intValue()), usage),
                    OptionalInt.of(values.get(BudgetField.CONCURRENCY).intValue()), usage, prices, eventSize));
        } catch (IllegalArgumentException e) {
            plan.set(null);
            budgetLines.clear();
            budgetMarkdown.set("");
            budgetError.set(e.getMessage());
            return;
        }
        plan.set(p);
        budgetError.set(values.get(BudgetField.CONCURRENCY) > 1024
                ? "Judge calls in flight per invocation must be at most 1,024 for the Lambda handler." : "");
        budgetLines.setAll(lines(p));
        budgetMarkdown.set(p.markdown(gate.get() != null && !gate.get().validated()));
    }

    private static List<BudgetLine> lines(BudgetPlan p) {
        JudgeUsage used = p.inputs().usage();
        return List.of(
                new BudgetLine("Judge calls per step", grouped(p.callsPerStep()), false),
                new BudgetLine("Judge calls in total", grouped(p.callsForRun()), false),
                new BudgetLine("Prompt tokens per call (" + (used.measured() ? "measured" : "estimated") + ")",
                        grouped(Math.round(used.promptTokensPerCall())), false),
                new BudgetLine("Output tokens per call", grouped(Math.round(used.output().mean())), false),
                new BudgetLine("Cost per step, with prompt caching", cost(p.costWithCaching(), true), false),
                new BudgetLine("Cost for the run, with / without caching", cost(p.costWithCaching(), false) + " / "
                        + cost(p.costWithoutCaching(), false), false),
                new BudgetLine("Requests per minute needed / quota", fixed(p.requiredRequestsPerMinute()) + " / "
                        + fixed(p.quotaRequestsPerMinute()) + (p.quotaMeetsTarget() ? "" : "  (quota too low)"), false),
                new BudgetLine("Judge calls in flight", grouped(p.judgeCallsInFlight()), false),
                new BudgetLine("lambda_concurrency_limit", Integer.toString(p.lambdaConcurrencyLimit()), true),
                new BudgetLine("lambda_batch_size (samples per invocation)", p.lambdaBatchSize()
                        + (p.batchSizeLoweredByPayload() ? " (lowered by the 6 MB payload limit)" : ""), true),
                new BudgetLine("Lambda event bytes per sample, largest", p.inputs().eventSize().measured()
                        ? grouped(p.inputs().eventSize().maxBytesPerSample()) + " (" + grouped(p.eventBytesPerInvocation())
                        + " per invocation of " + grouped(BudgetPlan.payloadBudgetBytes()) + " allowed)"
                        : "not measured (no samples)", false),
                new BudgetLine("Estimated seconds per step", fixed(p.estimatedStepSeconds()), false),
                new BudgetLine("Estimated hours for the run", fixed(p.estimatedRunHours()), false));
    }

    private static String cost(Cost cost, boolean perStep) {
        return switch (cost) {
            case Cost.Known k -> fixed(perStep ? k.perStep() : k.perRun()) + (k.example() ? " (example prices)" : "");
            case Cost.Unknown u -> "unknown: " + u.reason();
        };
    }

    private static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Writes the chosen export in the background; {@link #written()} lists the files. */
    public void export() {
        Workspace open = workspace.get();
        RubricChoice r = rubric.get();
        ExportKind k = kind.get();
        if (open == null || r == null || !canExportBinding().get()) {
            return;
        }
        String judge = model.get().strip();
        boolean allowUnvalidated = overrideUnvalidated.get();
        Path out = Path.of(outputFolder.get().strip());
        BudgetPlan budget = plan.get();
        int concurrency = budget == null ? 1 : budget.handlerConcurrency();
        int provisioned = budget == null ? 1 : budget.lambdaConcurrencyLimit();
        exporting.set(true);
        written.clear();
        messageIsProblem.set(true);
        message.set("");
        tasks.run("Exporting the " + k.what(), progress -> {
            boolean mark = k.gated() && ExportGate.check(new WorkspaceVerdictSource(new CalibrationRepository(open)),
                    k.what(), r.version(), judge, allowUnvalidated);
            String yaml = Files.readString(open.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER).resolve(r.fileName()));
            return switch (k) {
                case PROMPT_BUNDLE -> PromptBundleExporter.export(r.rubric(), yaml, judge, mark, out);
                case TRAINING_DATA -> {
                    List<ExportSample> samples = SampleSources.fromWorkspace(open, Integer.MAX_VALUE);
                    if (samples.isEmpty()) {
                        throw new IllegalStateException("the workspace holds no samples; import some first");
                    }
                    Path file = out.resolve("training-data.jsonl");
                    TrainingDataExporter.export(samples, file);
                    yield List.of(file);
                }
                case LAMBDA_PACKAGE -> new LambdaBundleExporter(LambdaJars.locate()).export(new LambdaBundleRequest(
                        r.rubric(), yaml, judge, LambdaBundleRequest.DEFAULT_FUNCTION_NAME, concurrency, Optional.empty(),
                        Optional.empty(), 2048, true, provisioned, false, budget,
                        SampleSources.fromWorkspace(open, EVENT_SAMPLES), mark), out);
            };
        }, files -> {
            exporting.set(false);
            written.setAll(files.stream().map(Path::toString).toList());
            messageIsProblem.set(false);
            message.set("Wrote " + files.size() + " file(s) to " + out + ".");
        }, failure -> {
            exporting.set(false);
            message.set(failure instanceof ExportRefusedException refused ? refused.getMessage()
                    : "Export failed: " + failure.getMessage());
        });
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

    public StringProperty budgetInput(BudgetField field) {
        return budgetInputs.get(field);
    }

    public IntegerProperty inputTokensProperty() {
        return inputTokens;
    }

    /** The plan of the current inputs; null while an input is not a valid number. */
    public ObjectProperty<BudgetPlan> planProperty() {
        return plan;
    }

    public ObservableList<BudgetLine> budgetLines() {
        return budgetLines;
    }

    public StringProperty budgetErrorProperty() {
        return budgetError;
    }

    public StringProperty budgetMarkdownProperty() {
        return budgetMarkdown;
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
