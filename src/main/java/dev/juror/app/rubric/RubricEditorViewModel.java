package dev.juror.app.rubric;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.io.AtomicFiles;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.Judge;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Problem;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * State and commands of the rubric editor. The form edits a {@link RubricDraft}; every edit is
 * recorded for undo and, once edits pause, checked with the strict reader and rendered into the
 * prompt preview in the background. Problems come back keyed by the form field they belong to.
 * Save re-checks, writes the file atomically, and reports the new version and a diff against the
 * previously saved one. Knows nothing of controls.
 */
public final class RubricEditorViewModel {

    /** What a save did: the file, its new version, the version before, and the changed lines. */
    public record SaveOutcome(Path file, String version, String previousVersion, List<LineDiff.Line> diff) {
        public SaveOutcome {
            diff = List.copyOf(diff);
        }
    }

    /** The work of one refresh: the check and, when the draft is valid, the preview. */
    private record Refresh(DraftYaml.Validation validation, Optional<Preview> preview) {
    }

    /** Thrown by the save task when the draft has problems; carries them back to the form. */
    private static final class InvalidDraft extends Exception {
        private final List<Problem> problems;

        InvalidDraft(List<Problem> problems) {
            super(problems.size() + " problem(s)");
            this.problems = problems;
        }
    }

    private static final long PREVIEW_SEED = 7;

    private final BackgroundTasks tasks;
    private final Debouncer debouncer;
    private final LongSupplier millis;
    private final DraftYaml draftYaml = new DraftYaml();
    private final EditHistory<RubricDraft> history = new EditHistory<>();

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<RubricDraft> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    private final ReadOnlyLongWrapper formRevision = new ReadOnlyLongWrapper(this, "formRevision");
    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper generalProblems = new ReadOnlyStringWrapper(this, "generalProblems", "");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview",
            Preview.empty("Open a rubric to see its prompt."));
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper(this, "previewNote", "");
    private final ReadOnlyStringWrapper savedVersion = new ReadOnlyStringWrapper(this, "savedVersion", "");
    private final ReadOnlyStringWrapper draftVersion = new ReadOnlyStringWrapper(this, "draftVersion", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<SaveOutcome> lastSave = new ReadOnlyObjectWrapper<>(this, "lastSave");
    private final ObservableList<SampleChoice> samples = FXCollections.observableArrayList();
    private final ObservableList<RolloutChoice> rollouts = FXCollections.observableArrayList();
    private final ObjectProperty<SampleChoice> sample = new SimpleObjectProperty<>(this, "sample");
    private final ObjectProperty<RolloutChoice> rollout = new SimpleObjectProperty<>(this, "rollout");
    private final ReadOnlyObjectWrapper<TrialResult> trial = new ReadOnlyObjectWrapper<>(this, "trial");
    private final ReadOnlyBooleanWrapper trying = new ReadOnlyBooleanWrapper(this, "trying");
    /** The judge "Try on this sample" asks: heuristic (no credentials), bedrock or openai. */
    private final javafx.beans.property.ObjectProperty<String> trialProvider =
            new javafx.beans.property.SimpleObjectProperty<>(this, "trialProvider", HeuristicJudge.PROVIDER);
    /** Provider settings from the workbench's Settings (region, profile, base URL); never credentials. */
    private java.util.function.Supplier<JudgeSettings> judgeSettings = () -> JudgeSettings.NONE;

    private Workspace workspace;
    private Rubric savedRubric;
    private RubricDraft savedDraft;
    private Rubric lastValid;
    private SampleInputs inputs = SampleInputs.NONE;
    private long refreshGeneration;
    private String lastEditedField;

    public RubricEditorViewModel(BackgroundTasks tasks, Debouncer debouncer, LongSupplier millis) {
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.millis = millis;
        sample.addListener((obs, old, now) -> loadRollouts(now));
        rollout.addListener((obs, old, now) -> loadInputs(now));
    }

    // ---- workspace, files, samples ----

    /** Shows the rubric files and samples of a workspace (null: nothing open). */
    public void load(Workspace opened) {
        this.workspace = opened;
        files.clear();
        samples.clear();
        rollouts.clear();
        inputs = SampleInputs.NONE;
        if (opened == null) {
            return;
        }
        Path dir = opened.directory();
        Path current = file.get();
        tasks.runQuietly(progress -> RubricFolder.list(dir), list -> {
            files.setAll(list);
            Path choice = current != null && list.contains(current) ? current
                    : list.stream().filter(p -> p.getFileName().toString().startsWith("contract-review")).findFirst()
                            .orElse(list.isEmpty() ? null : list.get(0));
            if (choice != null && !choice.equals(current)) {
                open(choice);
            }
        }, failure -> status.set("Cannot list " + dir.resolve(RubricFolder.FOLDER) + ": " + failure.getMessage()));
        SampleSource source = new SampleSource(opened);
        tasks.runQuietly(progress -> source.samples(), list -> {
            samples.setAll(list);
            sample.set(list.stream().filter(s -> s.rollouts() > 0).findFirst().orElse(null));
        }, failure -> status.set("Cannot list the samples: " + failure.getMessage()));
    }

    /** Opens a rubric file; unsaved edits of the previous one are dropped (the view asks first). */
    public void open(Path path) {
        tasks.runQuietly(progress -> new RubricYaml().read(path), rubric -> {
            file.set(path);
            savedRubric = rubric;
            savedDraft = draftYaml.draftOf(rubric);
            savedVersion.set(CanonicalForm.version(rubric));
            lastSave.set(null);
            trial.set(null);
            history.clear();
            replaceDraft(savedDraft);
            status.set("Opened " + path.getFileName() + ", version " + savedVersion.get());
        }, failure -> status.set(failure instanceof RubricException e
                ? "Cannot open " + path.getFileName() + ": " + String.join("; ", e.lines())
                + ". Fix it with juror rubric check, or in a text editor."
                : "Cannot open " + path.getFileName() + ": " + failure.getMessage()));
    }

    private void loadRollouts(SampleChoice choice) {
        rollouts.clear();
        if (choice == null || workspace == null) {
            return;
        }
        SampleSource source = new SampleSource(workspace);
        tasks.runQuietly(progress -> source.rollouts(choice.id()), list -> {
            if (choice.equals(sample.get())) {
                rollouts.setAll(list);
                rollout.set(list.isEmpty() ? null : list.get(0));
            }
        }, failure -> status.set("Cannot read the rollouts of " + choice.id() + ": " + failure.getMessage()));
    }

    private void loadInputs(RolloutChoice choice) {
        if (choice == null || workspace == null) {
            inputs = SampleInputs.NONE;
            scheduleRefresh();
            return;
        }
        SampleSource source = new SampleSource(workspace);
        tasks.runQuietly(progress -> source.inputs(choice), loaded -> {
            if (choice.equals(rollout.get())) {
                inputs = loaded;
                trial.set(null);
                refreshNow();
            }
        }, failure -> status.set("Cannot read " + choice + ": " + failure.getMessage()));
    }

    // ---- editing ----

    /** A value typed into the field at {@code fieldPath}; consecutive edits of one field undo together. */
    public void edit(String fieldPath, UnaryOperator<RubricDraft> change) {
        RubricDraft before = draft.get();
        if (before == null) {
            return;
        }
        RubricDraft after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        history.record(before, fieldPath, millis.getAsLong());
        lastEditedField = fieldPath;
        draft.set(after);
        afterEdit();
    }

    /** An edit that changes which fields exist (a dimension added, moved, removed, a new scale): the form is rebuilt. */
    public void restructure(UnaryOperator<RubricDraft> change) {
        RubricDraft before = draft.get();
        if (before == null) {
            return;
        }
        RubricDraft after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        history.record(before, null, millis.getAsLong());
        draft.set(after);
        formRevision.set(formRevision.get() + 1);
        afterEdit();
    }

    /** A new scale for one dimension: the level boxes follow when the scale is complete. */
    public void editScale(int index, String scale) {
        DimensionDraft before = draft.get().dimensions().get(index);
        DimensionDraft after = before.withScale(scale);
        if (!after.levels().equals(before.levels())) {
            restructure(d -> d.editDimension(index, x -> after));
        } else {
            edit(FieldPaths.dimension(index, "scale"), d -> d.editDimension(index, x -> after));
        }
    }

    public void addDimension() {
        restructure(d -> d.edit(b -> {
            String scale = b.dimensions.isEmpty() ? "1-5" : b.dimensions.get(0).scale();
            b.dimensions.add(DimensionDraft.blank(freshName(b.dimensions), scale));
        }));
    }

    public void removeDimension(int index) {
        restructure(d -> d.edit(b -> b.dimensions.remove(index)));
    }

    /** Moves a dimension up ({@code -1}) or down ({@code +1}); nothing happens at either end. */
    public void moveDimension(int index, int delta) {
        int target = index + delta;
        if (target < 0 || target >= draft.get().dimensions().size()) {
            return;
        }
        restructure(d -> d.edit(b -> b.dimensions.add(target, b.dimensions.remove(index))));
    }

    private static String freshName(List<DimensionDraft> dims) {
        int n = dims.size() + 1;
        while (true) {
            String name = "New_dimension_" + n;
            if (dims.stream().noneMatch(x -> x.name().equals(name))) {
                return name;
            }
            n++;
        }
    }

    public void undo() {
        RubricDraft current = draft.get();
        if (current != null) {
            history.undo(current).ifPresent(this::replaceDraftKeepingHistory);
        }
    }

    public void redo() {
        RubricDraft current = draft.get();
        if (current != null) {
            history.redo(current).ifPresent(this::replaceDraftKeepingHistory);
        }
    }

    private void replaceDraftKeepingHistory(RubricDraft next) {
        draft.set(next);
        formRevision.set(formRevision.get() + 1);
        afterEdit();
    }

    private void replaceDraft(RubricDraft next) {
        draft.set(next);
        formRevision.set(formRevision.get() + 1);
        afterEdit();
        refreshNow();
    }

    private void afterEdit() {
        dirty.set(savedDraft != null && !savedDraft.equals(draft.get()));
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        scheduleRefresh();
    }

    // ---- checking and preview ----

    private void scheduleRefresh() {
        debouncer.trigger(this::refreshNow);
    }

    /** Checks the draft and renders the preview now (in the background); stale answers are dropped. */
    public void refreshNow() {
        RubricDraft current = draft.get();
        if (current == null) {
            return;
        }
        long generation = ++refreshGeneration;
        SampleInputs against = inputs;
        String source = file.get() == null ? "editor" : file.get().getFileName().toString();
        tasks.runQuietly(progress -> {
            DraftYaml.Validation validation = draftYaml.validate(current, source);
            Optional<Preview> rendered = validation.rubric().map(r -> render(r, against));
            return new Refresh(validation, rendered);
        }, refresh -> {
            if (generation == refreshGeneration) {
                apply(refresh);
            }
        }, failure -> {
            if (generation == refreshGeneration) {
                status.set("Cannot render the preview: " + failure.getMessage());
            }
        });
    }

    private void apply(Refresh refresh) {
        showProblems(refresh.validation().problems());
        if (refresh.validation().rubric().isPresent()) {
            lastValid = refresh.validation().rubric().get();
            draftVersion.set(CanonicalForm.version(lastValid));
            refresh.preview().ifPresent(preview::set);
            previewNote.set("Rendered against " + inputs.label() + ", rubric version " + draftVersion.get()
                    + (dirty.get() ? " (unsaved)" : ""));
        } else {
            lastValid = null;
            draftVersion.set("");
            int n = refresh.validation().problems().size();
            previewNote.set("Shows the last valid version: fix the " + n + " problem" + (n == 1 ? "" : "s")
                    + " marked in red to update it");
        }
    }

    private void showProblems(List<Problem> found) {
        Set<String> fields = fieldPaths(draft.get());
        Map<String, String> byField = new LinkedHashMap<>();
        for (Problem p : found) {
            String field = FieldPaths.fieldFor(p.path(), fields);
            String message = field.equals(FieldPaths.GENERAL) || field.equals(DraftYaml.ADVANCED)
                    ? p.toString() : p.message();
            byField.merge(field, message, (a, b) -> a + "\n" + b);
        }
        generalProblems.set(byField.getOrDefault(FieldPaths.GENERAL, ""));
        byField.remove(FieldPaths.GENERAL);
        problems.keySet().retainAll(byField.keySet());
        problems.putAll(byField);
    }

    /** Every field path the form shows for a draft; problems are mapped onto these. */
    static Set<String> fieldPaths(RubricDraft d) {
        Set<String> out = new LinkedHashSet<>(List.of("name", "description", "objective", "approach", "unit", "mode",
                "dimensions", "edge_cases", "encourage", "discourage", "aggregation.deal_breaker_floor",
                "validation.min_kappa_lower_bound", "validation.min_items", "validation.require_within_human_ceiling",
                "validation.human_ceiling_margin", "validation.max_flip_rate", "validation.require_regression_pass",
                DraftYaml.ADVANCED));
        for (int i = 0; i < d.dimensions().size(); i++) {
            for (String key : List.of("name", "question", "scale", "levels", "mandatory_rules", "weight",
                    "deal_breaker")) {
                out.add(FieldPaths.dimension(i, key));
            }
            out.add("dimensions[" + i + "]");
            for (LevelText level : d.dimensions().get(i).levels()) {
                out.add(FieldPaths.level(i, level.key()));
            }
        }
        return out;
    }

    private static Preview render(Rubric rubric, SampleInputs against) {
        PromptRenderer renderer = new PromptRenderer(new SplittableRandom(PREVIEW_SEED));
        RenderedPrompt p = renderer.render(rubric, rubric.mode() == Mode.PAIRWISE ? against.pairwise()
                : against.pointwise());
        String text = "=== System message ===\n" + p.system().stripTrailing() + "\n\n"
                + "=== User message: static part (the same for every rollout of the sample; cached) ===\n"
                + p.userPrefix().stripTrailing() + "\n\n"
                + "=== User message: candidate part (new every call) ===\n" + p.userSuffix();
        return Preview.of(text);
    }

    // ---- save ----

    /** Saves when the draft is valid; otherwise shows its problems and writes nothing. */
    public void save() {
        RubricDraft current = draft.get();
        Path target = file.get();
        if (current == null || target == null) {
            return;
        }
        Rubric previous = savedRubric;
        tasks.run("Saving " + target.getFileName(), progress -> {
            DraftYaml.Validation validation = draftYaml.validate(current, target.getFileName().toString());
            if (!validation.valid()) {
                throw new InvalidDraft(validation.problems());
            }
            Rubric rubric = validation.rubric().get();
            String before = previous == null ? "" : draftYaml.fileText(previous);
            String after = draftYaml.fileText(rubric);
            // Owner-only, as rubric saves have always been: a crash mid-save leaves the old file or the new one.
            AtomicFiles.write(target, after, AtomicFiles.Permissions.OWNER_ONLY);
            SaveOutcome outcome = new SaveOutcome(target, CanonicalForm.version(rubric),
                    previous == null ? "" : CanonicalForm.version(previous), LineDiff.of(before, after));
            return Map.entry(rubric, outcome);
        }, saved -> {
            savedRubric = saved.getKey();
            savedDraft = current;
            SaveOutcome outcome = saved.getValue();
            savedVersion.set(outcome.version());
            lastSave.set(outcome);
            dirty.set(!current.equals(draft.get()));
            status.set(outcome.version().equals(outcome.previousVersion())
                    ? "Saved " + target.getFileName() + ": no change of meaning, version stays " + outcome.version()
                    : "Saved " + target.getFileName() + ": version " + outcome.version() + " (was "
                    + outcome.previousVersion() + ")");
            refreshNow();
        }, failure -> {
            if (failure instanceof InvalidDraft invalid) {
                showProblems(invalid.problems);
                int n = invalid.problems.size();
                status.set("Not saved: fix the " + n + " problem" + (n == 1 ? "" : "s") + " marked in red first");
            } else if (failure instanceof CancellationException) {
                status.set("Save cancelled; the file was not changed");
            } else {
                status.set("Could not save " + target + ": " + failure.getMessage()
                        + ". Check that the folder is writable; the file was not changed.");
            }
        });
    }

    // ---- try on this sample ----

    /** The judges "Try on this sample" offers, in menu order. */
    public static final List<String> TRIAL_PROVIDERS = List.of(HeuristicJudge.PROVIDER, "bedrock", "openai");

    public javafx.beans.property.ObjectProperty<String> trialProviderProperty() {
        return trialProvider;
    }

    /** Where the Bedrock region/profile and the OpenAI-compatible base URL come from (the Settings dialog). */
    public void setJudgeSettings(java.util.function.Supplier<JudgeSettings> settings) {
        this.judgeSettings = settings;
    }

    /** Grades the chosen rollout with the chosen judge under the current draft (checked first). */
    public void tryOnSample() {
        RubricDraft current = draft.get();
        SampleInputs against = inputs;
        if (current == null) {
            return;
        }
        if (against.isPlaceholder()) {
            trial.set(TrialResult.refused("choose a sample and a rollout first"));
            return;
        }
        trying.set(true);
        String trialProviderName = trialProvider.get() == null ? HeuristicJudge.PROVIDER : trialProvider.get();
        JudgeSettings settingsNow = judgeSettings.get();
        String source = file.get() == null ? "editor" : file.get().getFileName().toString();
        tasks.run("Trying the rubric on " + against.label(), progress -> {
            DraftYaml.Validation validation = draftYaml.validate(current, source);
            if (!validation.valid()) {
                int n = validation.problems().size();
                return TrialResult.refused("the rubric has " + n + " problem" + (n == 1 ? "" : "s")
                        + "; fix those marked in red first");
            }
            Rubric rubric = validation.rubric().get();
            String provider = trialProviderName;
            if (provider.equals(HeuristicJudge.PROVIDER)) {
                Optional<String> unsupported = HeuristicJudge.supports(rubric);
                if (unsupported.isPresent()) {
                    return TrialResult.refused(unsupported.get());
                }
            }
            String model = JudgeFactory.model(provider, null, rubric.judge().modelId());
            Judge judge;
            try {
                // A person waits for this one call: a dead endpoint is reported in seconds.
                judge = JudgeFactory.judge(provider, model, settingsNow, null, RetryPolicy.INTERACTIVE);
            } catch (JudgeSetupException e) {
                return TrialResult.refused(provider + ": " + e.detail() + " (set it in File > Settings)");
            }
            try (judge) {
                JudgeResult result = judge.judge(JudgeItem.pointwise(against.rolloutKey(), rubric,
                        against.systemPrompt(), against.target(), against.reference(), against.prediction()));
                return TrialResult.of(model, against.label(), CanonicalForm.version(rubric), result);
            }
        }, result -> {
            trying.set(false);
            trial.set(result);
        }, failure -> {
            trying.set(false);
            trial.set(TrialResult.refused(failure instanceof CancellationException ? "cancelled"
                    : "the judge failed: " + failure.getMessage()));
        });
    }

    // ---- properties ----

    public ObservableList<Path> files() {
        return files;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RubricDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** Moves when the form must be rebuilt from the draft (open, undo, redo, a structural edit). */
    public ReadOnlyLongProperty formRevisionProperty() {
        return formRevision.getReadOnlyProperty();
    }

    /** Problem text per field path; the general ones are in {@link #generalProblemsProperty()}. */
    public ObservableMap<String, String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty generalProblemsProperty() {
        return generalProblems.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedVersionProperty() {
        return savedVersion.getReadOnlyProperty();
    }

    /** Version of the draft when it is valid, else "". */
    public ReadOnlyStringProperty draftVersionProperty() {
        return draftVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaveOutcome> lastSaveProperty() {
        return lastSave.getReadOnlyProperty();
    }

    public ObservableList<SampleChoice> samples() {
        return samples;
    }

    public ObservableList<RolloutChoice> rollouts() {
        return rollouts;
    }

    public ObjectProperty<SampleChoice> sampleProperty() {
        return sample;
    }

    public ObjectProperty<RolloutChoice> rolloutProperty() {
        return rollout;
    }

    public ReadOnlyObjectProperty<TrialResult> trialProperty() {
        return trial.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tryingProperty() {
        return trying.getReadOnlyProperty();
    }
}
