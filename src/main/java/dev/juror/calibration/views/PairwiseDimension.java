package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.PairwiseCalibration.PairVerdict;
import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.calibration.views.PairwiseCalibration.SwappedVerdict;
import dev.juror.rubric.Preference;
import java.util.List;
import java.util.Map;

/**
 * One dimension of a pairwise rubric for one judge run: the judge against the humans, the humans
 * against each other, and the judge's position consistency on that dimension. Every verdict must
 * already be in the pair's own naming (A = the pair's first rollout), whatever order it was shown in.
 *
 * @param doublyCovered pairs with preferences of two or more humans on this dimension
 */
public record PairwiseDimension(String dimension,
                                @JsonProperty("judge_vs_humans") PreferenceAgreement judgeVsHumans,
                                @JsonProperty("human_vs_human") PreferenceAgreement humanVsHuman,
                                @JsonProperty("pairs_labelled_by_two_or_more") int doublyCovered,
                                @JsonProperty("position_consistency") PositionConsistency positionConsistency) {

    /**
     * @param judge   the judge's verdict per pair (the order-balanced one where both orders were judged)
     * @param swapped the pairs the judge gave a verdict on in both orders, for position consistency
     * @param humans  the humans' preferences that count
     */
    public static PairwiseDimension of(String dimension, Map<String, Preference> judge, List<SwappedVerdict> swapped,
                                       List<PairVerdict> humans, BootstrapConfig config) {
        return new PairwiseDimension(dimension, PreferenceAgreement.judgeVsHumans(judge, humans, config),
                PreferenceAgreement.humanVsHuman(humans, config), PreferenceAgreement.doublyCovered(humans),
                PairwiseCalibration.positionConsistency(swapped));
    }
}
