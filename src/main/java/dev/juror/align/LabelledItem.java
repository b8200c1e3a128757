package dev.juror.align;

import java.util.Map;

/**
 * One calibration item the experts labelled: its key, the sample (contract) it belongs to, and the
 * experts' score per dimension (median of the latest labels). Splits work on these.
 */
public record LabelledItem(String itemKey, String sampleId, Map<String, Integer> expertScores) {

    public LabelledItem {
        expertScores = Map.copyOf(expertScores);
    }

    /** The mean expert score over the dimensions: what a sample is stratified by. */
    double meanScore() {
        return expertScores.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
