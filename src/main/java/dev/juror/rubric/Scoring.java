package dev.juror.rubric;

import java.util.List;
import java.util.Map;

/**
 * Aggregation arithmetic of a rubric. Inputs are checked strictly (every dimension present, values
 * on the scale, no NaN) because a silently wrong score is worse than a refused one.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * Comment score = sum(weight * score) / sum(weight) over the rubric's dimensions. When the
     * rubric's aggregation enables the deal-breaker floor and a deal-breaker dimension is at the
     * scale minimum (1 on 1-5, fail on boolean), the comment score is the scale minimum.
     * Boolean dimensions are given as pass = 1, fail = 0.
     *
     * @throws IllegalArgumentException if a dimension is missing or unknown, or a score is not a
     *                                  valid value on the scale
     */
    public static double commentScore(Rubric rubric, Map<String, Double> dimensionScores) {
        if (rubric.mode() == Mode.PAIRWISE) {
            throw new IllegalArgumentException("rubric " + rubric.name() + " is pairwise; use winner(...)");
        }
        checkKeys(rubric, dimensionScores.keySet());
        double weighted = 0;
        double weights = 0;
        boolean floored = false;
        for (Dimension d : rubric.dimensions()) {
            Double score = dimensionScores.get(d.name());
            if (score == null || !d.scale().accepts(score)) {
                throw new IllegalArgumentException("dimension " + d.name() + ": score " + score
                        + " is not a value of scale " + d.scale().label());
            }
            weighted += d.weight() * score;
            weights += d.weight();
            if (d.dealBreaker() && score == d.scale().min()) {
                floored = true;
            }
        }
        if (floored && rubric.aggregation().dealBreakerFloor()) {
            return rubric.scale().min();
        }
        return weighted / weights;
    }

    /**
     * Sample score = mean of the comment scores.
     *
     * @throws IllegalArgumentException on an empty list (a prediction without comments has no judge
     *                                  score; the format check handles it) or a NaN
     */
    public static double sampleScore(List<Double> commentScores) {
        if (commentScores.isEmpty()) {
            throw new IllegalArgumentException("no comment scores: a prediction without comments has no judge"
                    + " score; let the format check score it");
        }
        double sum = 0;
        for (Double s : commentScores) {
            if (s == null || s.isNaN() || s.isInfinite()) {
                throw new IllegalArgumentException("comment score " + s + " is not a number");
            }
            sum += s;
        }
        return sum / commentScores.size();
    }

    /**
     * Pairwise winner: a weighted vote of the per-dimension verdicts (a tie gives no side its
     * weight); equal totals give a tie. With the deal-breaker rule enabled, if any deal-breaker
     * dimension has a non-tie verdict, only deal-breaker dimensions vote.
     */
    public static Preference winner(Rubric rubric, Map<String, Preference> verdicts) {
        if (rubric.mode() != Mode.PAIRWISE) {
            throw new IllegalArgumentException("rubric " + rubric.name() + " is pointwise; use commentScore(...)");
        }
        checkKeys(rubric, verdicts.keySet());
        boolean dealBreakerDecides = rubric.aggregation().dealBreakerFloor() && rubric.dimensions().stream()
                .anyMatch(d -> d.dealBreaker() && verdicts.get(d.name()) != Preference.TIE);
        double a = 0;
        double b = 0;
        for (Dimension d : rubric.dimensions()) {
            if (dealBreakerDecides && !d.dealBreaker()) {
                continue;
            }
            Preference p = verdicts.get(d.name());
            if (p == null) {
                throw new IllegalArgumentException("dimension " + d.name() + ": no verdict");
            }
            switch (p) {
                case A -> a += d.weight();
                case B -> b += d.weight();
                case TIE -> { }
            }
        }
        // Compare with a tolerance so weights like 0.1 + 0.2 vs 0.3 tie as a human would expect.
        if (Math.abs(a - b) < 1e-9) {
            return Preference.TIE;
        }
        return a > b ? Preference.A : Preference.B;
    }

    private static void checkKeys(Rubric rubric, java.util.Set<String> given) {
        List<String> expected = rubric.dimensionNames();
        for (String name : expected) {
            if (!given.contains(name)) {
                throw new IllegalArgumentException("no score for dimension " + name + "; expected all of " + expected);
            }
        }
        for (String name : given) {
            if (!expected.contains(name)) {
                throw new IllegalArgumentException("unknown dimension " + name + "; expected " + expected);
            }
        }
    }
}
