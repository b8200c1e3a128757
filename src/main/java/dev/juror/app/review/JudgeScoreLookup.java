package dev.juror.app.review;

import java.util.Map;

/**
 * Hook for judge scores on the review desk. Judge runs do not exist yet; when they do, an
 * implementation returns the latest judge scores per dimension for an item, and the desk shows
 * them exactly like another labeller's: hidden in blind mode until this labeller has submitted.
 */
@FunctionalInterface
public interface JudgeScoreLookup {

    /** Dimension name to score for the item; empty when no judge has scored it. */
    Map<String, String> scoresFor(ItemKey item);

    JudgeScoreLookup NONE = item -> Map.of();
}
