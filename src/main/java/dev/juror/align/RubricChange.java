package dev.juror.align;

import java.util.List;

/**
 * A change to a rubric as the judge model proposed it: what it is meant to fix, and its edits.
 *
 * @param description one line saying what it fixes, as proposed (shown in the report, never to a judge)
 * @param edits       the structured edits, applied in order
 */
public record RubricChange(String description, List<RubricEdit> edits) {

    public RubricChange {
        edits = List.copyOf(edits);
    }
}
