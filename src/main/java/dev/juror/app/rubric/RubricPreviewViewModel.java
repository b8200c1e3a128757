package dev.juror.app.rubric;

import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import java.util.SplittableRandom;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The rubric editor's prompt preview: the prompt the judge would get under the last valid draft,
 * the line saying what it was rendered against, and that draft's version. An invalid draft leaves
 * the last valid preview in place and says so.
 */
public final class RubricPreviewViewModel {

    /** The same shuffle every time, so the preview does not jump between refreshes. */
    private static final long PREVIEW_SEED = 7;

    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview",
            Preview.empty("Open a rubric to see its prompt."));
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper(this, "previewNote", "");
    private final ReadOnlyStringWrapper draftVersion = new ReadOnlyStringWrapper(this, "draftVersion", "");

    /** Renders the prompt of {@code rubric} against one rollout's inputs; safe off the FX thread. */
    static Preview render(Rubric rubric, SampleInputs against) {
        PromptRenderer renderer = new PromptRenderer(new SplittableRandom(PREVIEW_SEED));
        RenderedPrompt p = renderer.render(rubric, rubric.mode() == Mode.PAIRWISE ? against.pairwise()
                : against.pointwise());
        String text = "=== System message ===\n" + p.system().stripTrailing() + "\n\n"
                + "=== User message: static part (the same for every rollout of the sample; cached) ===\n"
                + p.userPrefix().stripTrailing() + "\n\n"
                + "=== User message: candidate part (new every call) ===\n" + p.userSuffix();
        return Preview.of(text);
    }

    /** Shows a valid draft's rendered prompt. */
    void showValid(Rubric valid, Preview rendered, String inputsLabel, boolean dirty) {
        draftVersion.set(CanonicalForm.version(valid));
        if (rendered != null) {
            preview.set(rendered);
        }
        previewNote.set("Rendered against " + inputsLabel + ", rubric version " + draftVersion.get()
                + (dirty ? " (unsaved)" : ""));
    }

    /** Keeps the last valid preview and says how many problems stand in the way. */
    void showInvalid(int problemCount) {
        draftVersion.set("");
        previewNote.set("Shows the last valid version: fix the " + problemCount + " problem"
                + (problemCount == 1 ? "" : "s") + " marked in red to update it");
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    /** Version of the draft when it is valid, else "". */
    public ReadOnlyStringProperty draftVersionProperty() {
        return draftVersion.getReadOnlyProperty();
    }
}
