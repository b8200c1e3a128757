package dev.juror.judge.heuristic;

/**
 * A heuristic score on the 1-5 contract scale with the rule that gave it.
 *
 * @param score 1..5
 * @param rule  rule id ({@code G1}, {@code R3}, {@code A5})
 * @param why   what the rule saw, for the justification
 */
record RuleScore(int score, String rule, String why) {

    RuleScore {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("heuristic score must be 1..5, was " + score);
        }
    }

    String justification() {
        return "heuristic rule " + rule + ": " + why;
    }
}
