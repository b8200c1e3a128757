package dev.juror.app.rubric;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Problem;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * State and commands of the rubric editor's form (its parts: {@link RubricPreviewViewModel} for the
 * prompt preview, {@link RubricTrialViewModel} for the sample and the trial). The form edits a {@link RubricDraft}; every edit is
 * recorded for undo and, once edits pause, checked with the strict reader and rendered into the
 * prompt preview in the background. Problems come back keyed by the form field they belong to.
 * Save re-checks, writes the file atomically, and reports the new version and a diff against the
 * previously saved one. Knows nothing of controls.
 */
public final class RubricEditorViewModel {

    /** The work of one refresh: the check and, when the draft is valid, the preview. */
    private record Refresh(DraftYaml.Validation validation, Optional<Preview> preview) {
    }

    private final BackgroundTasks tasks;
    private final Debouncer debouncer;
    private final LongSupplier millis;
    private final DraftYaml draftYaml = new DraftYaml();
    private final EditHistory<RubricDraft> history = new EditHistory<>();
    private final RubricSave saver = new RubricSave(draftYaml);

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<RubricDraft> draft = new ReadOnlyObjectWrapper<>(this, "draft");
    private final ReadOnlyLongWrapper formRevision = new ReadOnlyLongWrapper(this, "formRevision");
    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper generalProblems = new ReadOnlyStringWrapper(this, "generalProblems", "");
    private final ReadOnlyStringWrapper savedVersion = new ReadOnlyStringWrapper(this, "savedVersion", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<RubricSave.Outcome> lastSave = new ReadOnlyObjectWrapper<>(this, "lastSave");
    private final RubricPreviewViewModel preview = new RubricPreviewViewModel();
    private final RubricTrialViewModel trial;

    private Rubric savedRubric;
    private RubricDraft savedDraft;
    private long refreshGeneration;

    public RubricEditorViewModel(BackgroundTasks tasks, Debouncer debouncer, LongSupplier millis) {
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.millis = millis;
        this.trial = new RubricTrialViewModel(tasks, draftYaml, status::set, this::refreshNow,
                this::scheduleRefresh);
    }

    // ---- workspace, files, samples ----

    /** Shows the rubric files and samples of a workspace (null: nothing open). */
    public void load(Workspace opened) {
        files.clear();
        trial.forget(); // before the rubric opens: its first preview must not use the last workspace's sample
        if (opened == null) {
            trial.load(null);
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
        trial.load(opened);
    }

    /** Opens a rubric file; unsaved edits of the previous one are dropped (the view asks first). */
    public void open(Path path) {
        tasks.runQuietly(progress -> new RubricYaml().read(path), rubric -> {
            file.set(path);
            savedRubric = rubric;
            savedDraft = draftYaml.draftOf(rubric);
            savedVersion.set(CanonicalForm.version(rubric));
            lastSave.set(null);
            trial.clearTrial();
            history.clear();
            replaceDraft(savedDraft);
            status.set("Opened " + path.getFileName() + ", version " + savedVersion.get());
        }, failure -> status.set(failure instanceof RubricException e
                ? "Cannot open " + path.getFileName() + ": " + String.join("; ", e.lines())
                + ". Fix it with juror rubric check, or in a text editor."
                : "Cannot open " + path.getFileName() + ": " + failure.getMessage()));
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
            b.dimensions.add(DimensionDraft.blank(DimensionDraft.freshName(b.dimensions), scale));
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
        SampleInputs against = trial.inputs();
        String source = file.get() == null ? "editor" : file.get().getFileName().toString();
        tasks.runQuietly(progress -> {
            DraftYaml.Validation validation = draftYaml.validate(current, source);
            Optional<Preview> rendered = validation.rubric().map(r -> RubricPreviewViewModel.render(r, against));
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
        Optional<Rubric> valid = refresh.validation().rubric();
        if (valid.isPresent()) {
            preview.showValid(valid.get(), refresh.preview().orElse(null), trial.inputs().label(), dirty.get());
        } else {
            preview.showInvalid(refresh.validation().problems().size());
        }
    }

    private void showProblems(List<Problem> found) {
        Map<String, String> byField = FieldPaths.messagesByField(found, draft.get());
        generalProblems.set(byField.getOrDefault(FieldPaths.GENERAL, ""));
        byField.remove(FieldPaths.GENERAL);
        problems.keySet().retainAll(byField.keySet());
        problems.putAll(byField);
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
        tasks.run("Saving " + target.getFileName(), progress -> saver.save(current, target, previous), saved -> {
            savedRubric = saved.rubric();
            savedDraft = current;
            RubricSave.Outcome outcome = saved.outcome();
            savedVersion.set(outcome.version());
            lastSave.set(outcome);
            dirty.set(!current.equals(draft.get()));
            status.set(outcome.version().equals(outcome.previousVersion())
                    ? "Saved " + target.getFileName() + ": no change of meaning, version stays " + outcome.version()
                    : "Saved " + target.getFileName() + ": version " + outcome.version() + " (was "
                    + outcome.previousVersion() + ")");
            refreshNow();
        }, failure -> {
            if (failure instanceof RubricSave.InvalidDraft invalid) {
                showProblems(invalid.problems());
                int n = invalid.problems().size();
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

    /** Grades the chosen rollout with the chosen judge under the current draft (checked first). */
    public void tryOnSample() {
        trial.tryOn(draft.get(), file.get() == null ? "editor" : file.get().getFileName().toString());
    }

    /** Where the Bedrock region/profile and the OpenAI-compatible base URL come from (the Settings dialog). */
    public void setJudgeSettings(Supplier<JudgeSettings> settings) {
        trial.setJudgeSettings(settings);
    }

    // ---- parts ----

    /** The prompt preview of the last valid draft. */
    public RubricPreviewViewModel preview() {
        return preview;
    }

    /** The sample the preview renders against, and "Try on this sample". */
    public RubricTrialViewModel trial() {
        return trial;
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



    public ReadOnlyStringProperty savedVersionProperty() {
        return savedVersion.getReadOnlyProperty();
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

    public ReadOnlyObjectProperty<RubricSave.Outcome> lastSaveProperty() {
        return lastSave.getReadOnlyProperty();
    }






}
