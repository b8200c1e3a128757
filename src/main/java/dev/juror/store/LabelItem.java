package dev.juror.store;

/** What a label is about: one rubric dimension of one comment (position; -1 = whole response) of a rollout. */
public record LabelItem(long rolloutId, int commentPosition, String dimension) {
}
