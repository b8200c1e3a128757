package dev.juror.app.rubric;

import dev.juror.io.AtomicFiles;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Problem;
import dev.juror.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The background half of the editor's Save: checks the draft once more, writes the rubric file
 * atomically and works out the new version and the changed lines. Writes nothing when the draft
 * has problems ({@link InvalidDraft} carries them back to the form).
 */
final class RubricSave {

    /** What a save did: the file, its new version, the version before, and the changed lines. */
    record Outcome(Path file, String version, String previousVersion, List<LineDiff.Line> diff) {
        Outcome {
            diff = List.copyOf(diff);
        }
    }

    /** The saved rubric with what the save did. */
    record Saved(Rubric rubric, Outcome outcome) {
    }

    /** Thrown when the draft has problems; carries them back to the form. */
    static final class InvalidDraft extends Exception {
        private final transient List<Problem> problems;

        InvalidDraft(List<Problem> problems) {
            super(problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    private final DraftYaml draftYaml;

    RubricSave(DraftYaml draftYaml) {
        this.draftYaml = draftYaml;
    }

    /** Checks and writes {@code draft} to {@code target}; {@code previous} is the rubric saved before, or null. */
    Saved save(RubricDraft draft, Path target, Rubric previous) throws InvalidDraft, IOException {
        DraftYaml.Validation validation = draftYaml.validate(draft, target.getFileName().toString());
        if (!validation.valid()) {
            throw new InvalidDraft(validation.problems());
        }
        Rubric rubric = validation.rubric().get();
        String before = previous == null ? "" : draftYaml.fileText(previous);
        String after = draftYaml.fileText(rubric);
        // Owner-only, as rubric saves have always been: a crash mid-save leaves the old file or the new one.
        AtomicFiles.write(target, after, AtomicFiles.Permissions.OWNER_ONLY);
        return new Saved(rubric, new Outcome(target, CanonicalForm.version(rubric),
                previous == null ? "" : CanonicalForm.version(previous), LineDiff.of(before, after)));
    }
}
