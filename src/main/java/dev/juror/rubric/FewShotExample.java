package dev.juror.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed example in the rubric: a response (or comment) the experts scored, shown to the judge in the
 * system prompt so the levels are illustrated by real cases. Fixed, not retrieved per call: the exported
 * prompt is self-contained and what was calibrated is what gets deployed.
 *
 * <p>The texts usually come from the policy's own predictions, so they are data: the prompt puts them in
 * delimited blocks and escapes anything that looks like one of Juror's tags (see {@link Delimiters}).
 *
 * @param comment     the graded text as the judge sees a candidate (for comments: excerpt, comment, action)
 * @param context     a short stretch of the target document around the excerpt, or empty
 * @param scores      the experts' score per dimension, on the rubric's scale (boolean: pass = 1, fail = 0),
 *                    in the rubric's dimension order
 * @param explanation why the experts scored it so (their note), or empty
 */
public record FewShotExample(String comment, String context, Map<String, Integer> scores, String explanation) {

    /** Most examples one rubric holds: enough to show every level of a 1-5 scale a few times. */
    public static final int MAX_PER_RUBRIC = 20;

    public FewShotExample {
        context = context == null ? "" : context;
        explanation = explanation == null ? "" : explanation;
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("an example needs the text it scores");
        }
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
