package dev.juror.app.align;

import dev.juror.judge.run.JudgeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One round as the Align panel's form describes it (the same choices as {@code juror align}).
 *
 * @param rubric         the rubric file open in the editor (left as it is)
 * @param model          the judge model; blank for the rubric's {@code judge.model_id}
 * @param settings       the connection names from the Settings dialog (no credentials)
 * @param typedEdits     edited copies of the rubric to try as candidates
 * @param maxCost        the cost cap in the price table's currency, or empty for none
 */
public record AlignForm(Path rubric, String provider, String model, JudgeSettings settings, boolean fewShot,
                        boolean proposals, List<Path> typedEdits, long maxCalls, OptionalDouble maxCost,
                        long splitSeed, boolean reuseTestSplit) {

    public AlignForm {
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(settings, "settings");
        model = model == null ? "" : model.strip();
        typedEdits = List.copyOf(typedEdits);
    }
}
