package dev.juror.align;

import java.util.List;

/**
 * Proposes candidate rubrics from the train split: few-shot examples, edits the judge model proposes
 * from disagreements, edits the engineer typed. A source that has nothing to propose returns an empty
 * list and says why through {@link #whyNone(AlignContext)}.
 */
public interface CandidateSource {

    /** {@code few-shot}, {@code proposed} or {@code typed}: the {@link Candidate#origin()} it gives. */
    String origin();

    List<Candidate> propose(AlignContext context);

    /**
     * Calls to the model {@link #propose} would make for {@code context}, counted against the round's call
     * cap before any is made (0 for sources that call nothing).
     */
    default int plannedCalls(AlignContext context) {
        return 0;
    }

    /** Why {@link #propose} gave nothing, in plain words, or empty when it did give something. */
    default String whyNone(AlignContext context) {
        return "";
    }
}
