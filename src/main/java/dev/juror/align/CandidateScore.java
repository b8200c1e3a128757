package dev.juror.align;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A candidate's agreement with the experts on the validation split, per dimension: the quadratic
 * weighted kappa and the lower bound of its bootstrap interval (null when undefined).
 */
public record CandidateScore(String candidateId, Map<String, Double> kappa, Map<String, Double> kappaLower, int items) {

    public CandidateScore {
        kappa = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kappa));
        kappaLower = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kappaLower));
    }

    /**
     * What candidates are ranked by: the lowest per-dimension lower bound (the judge is as trustworthy
     * as its worst dimension); an undefined bound counts as the worst possible.
     */
    public double worstLower() {
        return kappaLower.values().stream().mapToDouble(v -> v == null || v.isNaN() ? Double.NEGATIVE_INFINITY : v).min()
                .orElse(Double.NEGATIVE_INFINITY);
    }

    /** The tie-break: the mean of the defined lower bounds. */
    public double meanLower() {
        return kappaLower.values().stream().mapToDouble(v -> v == null || v.isNaN() ? -1 : v).average().orElse(-1);
    }
}
