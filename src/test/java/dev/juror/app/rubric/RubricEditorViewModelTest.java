package dev.juror.app.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rubric editor's view models without a screen: tasks run inline, checks run at once (no
 * debounce), and a fake clock keeps edits of one field apart or together for undo.
 */
class RubricEditorViewModelTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private final AtomicLong millis = new AtomicLong(1_000_000);
    private RubricEditorViewModel vm;
    private Path file;

    @BeforeEach
    void open() throws Exception {
        workspace = SeededWorkspace.open(dir.resolve("ws"));
        vm = new RubricEditorViewModel(new InlineBackgroundTasks(), Debouncer.IMMEDIATE, millis::get);
        vm.load(workspace);
        file = vm.fileProperty().get();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void loadOpensTheContractReviewRubricAndRendersItsPromptAgainstASample() {
        assertThat(file.getFileName().toString()).isEqualTo("contract-review.yaml");
        assertThat(vm.files()).contains(file);
        assertThat(vm.savedVersionProperty().get()).isNotEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.trial().sampleProperty().get()).isNotNull();
        assertThat(vm.trial().rolloutProperty().get()).isNotNull();
        assertThat(vm.preview().previewProperty().get().text()).startsWith("=== System message ===")
                .contains("# Scoring dimensions");
        assertThat(vm.preview().previewNoteProperty().get()).startsWith("Rendered against ")
                .endsWith("rubric version " + vm.savedVersionProperty().get());
        assertThat(vm.preview().draftVersionProperty().get()).isEqualTo(vm.savedVersionProperty().get());
    }

    @Test
    void anEmptyLevelIsMarkedOnItsFieldSaveWritesNothingAndUndoBringsItBack() throws Exception {
        String before = Files.readString(file);
        String previewBefore = vm.preview().previewProperty().get().text();
        LevelText level = vm.draftProperty().get().dimensions().get(0).levels().get(0);
        String path = FieldPaths.level(0, level.key());

        vm.edit(path, d -> d.editDimension(0, x -> x.withLevel(level.key(), "")));

        assertThat(vm.problems()).containsKey(path);
        assertThat(vm.preview().draftVersionProperty().get()).isEmpty();
        assertThat(vm.preview().previewNoteProperty().get()).startsWith("Shows the last valid version: fix the 1 problem");
        assertThat(vm.preview().previewProperty().get().text()).isEqualTo(previewBefore);
        vm.save();
        assertThat(vm.statusProperty().get()).isEqualTo("Not saved: fix the 1 problem marked in red first");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(vm.lastSaveProperty().get()).isNull();

        vm.undo();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.canRedoProperty().get()).isTrue();
    }

    @Test
    void aValidEditIsSavedAsANewVersionWithItsDiff() throws Exception {
        String oldVersion = vm.savedVersionProperty().get();

        vm.edit("objective", d -> d.edit(b -> b.objective = b.objective + " Prefer short comments."));

        assertThat(vm.dirtyProperty().get()).isTrue();
        String newVersion = vm.preview().draftVersionProperty().get();
        assertThat(newVersion).isNotEmpty().isNotEqualTo(oldVersion);
        assertThat(vm.preview().previewNoteProperty().get()).endsWith(" (unsaved)");
        vm.save();
        assertThat(vm.savedVersionProperty().get()).isEqualTo(newVersion);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Saved contract-review.yaml: version " + newVersion
                + " (was " + oldVersion + ")");
        assertThat(Files.readString(file)).contains("Prefer short comments.");
        var saved = vm.lastSaveProperty().get();
        assertThat(saved.previousVersion()).isEqualTo(oldVersion);
        assertThat(LineDiff.unified(saved.diff(), 0)).anyMatch(l -> l.startsWith("+ ") && l.contains("Prefer short"))
                .anyMatch(l -> l.startsWith("- "));
    }

    @Test
    void structuralEditsRebuildTheFormAndUndoAndRedoThemWhole() {
        int dimensions = vm.draftProperty().get().dimensions().size();
        long revision = vm.formRevisionProperty().get();

        vm.addDimension();
        assertThat(vm.formRevisionProperty().get()).isGreaterThan(revision);
        assertThat(vm.draftProperty().get().dimensions()).hasSize(dimensions + 1)
                .last().satisfies(d -> assertThat(d.name()).isEqualTo("New_dimension_" + (dimensions + 1)));
        vm.moveDimension(dimensions, -1);
        assertThat(vm.draftProperty().get().dimensions().get(dimensions - 1).name())
                .isEqualTo("New_dimension_" + (dimensions + 1));
        vm.moveDimension(0, -1); // nothing above the first
        assertThat(vm.canUndoProperty().get()).isTrue();

        vm.undo();
        vm.undo();
        assertThat(vm.draftProperty().get().dimensions()).hasSize(dimensions);
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.draftProperty().get().dimensions()).hasSize(dimensions + 1);
    }

    @Test
    void tryingTheDraftGradesTheChosenRolloutWithTheHeuristicJudgeOrSaysWhyNot() {
        vm.tryOnSample();
        TrialResult graded = vm.trial().trialProperty().get();
        assertThat(graded.headline()).startsWith("heuristic-v1 on ").contains("rubric version "
                + vm.savedVersionProperty().get());
        assertThat(vm.trial().tryingProperty().get()).isFalse();

        LevelText level = vm.draftProperty().get().dimensions().get(0).levels().get(0);
        vm.edit(FieldPaths.level(0, level.key()), d -> d.editDimension(0, x -> x.withLevel(level.key(), "")));
        vm.tryOnSample();
        assertThat(vm.trial().trialProperty().get().headline())
                .isEqualTo("Cannot try this rubric: the rubric has 1 problem; fix those marked in red first");
    }
}
