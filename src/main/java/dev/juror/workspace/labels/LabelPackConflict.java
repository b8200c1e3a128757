package dev.juror.workspace.labels;

/**
 * Something in a label pack that did not simply merge.
 *
 * @param line 1-based line of the pack
 */
public record LabelPackConflict(Kind kind, int line, String uid, String message) {

    public enum Kind {
        /** The pack's sample is not in this workspace: not imported. */
        UNKNOWN_SAMPLE,
        /** The sample is here but has no rollout at that index: not imported. */
        UNKNOWN_ROLLOUT,
        /** This workspace holds a different prediction under the same sample and index: not imported. */
        PREDICTION_MISMATCH,
        /** The rollout has no comment at that position: not imported. */
        UNKNOWN_COMMENT,
        /** Same labeller and item, the pack changes the score that counts: both kept, the pack's (imported last) counts. */
        SCORE_DIFFERS
    }

    public boolean imported() {
        return kind == Kind.SCORE_DIFFERS;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + message;
    }
}
