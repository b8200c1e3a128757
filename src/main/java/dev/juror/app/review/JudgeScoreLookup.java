package dev.juror.app.review;

import java.util.Map;

/**
 * The judge scores the desk sets beside the experts' labels: those of the judge run chosen in the
 * judge panel ({@link RunScores}), or none. The desk shows them like another labeller's: hidden in
 * blind mode until this labeller has submitted the item.
 */
@FunctionalInterface
public interface JudgeScoreLookup {

    /** Dimension name to score for the item; empty when no judge has scored it. */
    Map<String, String> scoresFor(ItemKey item);

    /** Which judge the scores are from, in words a label's record keeps ("judge run 7"); "" for none. */
    default String source() {
        return "";
    }

    JudgeScoreLookup NONE = item -> Map.of();
}
