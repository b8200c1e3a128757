package dev.juror.calibration;

import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything a pointwise calibration needs, in memory: the rubric (dimensions, scale, aggregation,
 * thresholds), the humans' latest labels and the judge runs to compare with them.
 *
 * @param humanLabels one rating per (labeller, item): the latest label counts
 */
public record CalibrationInput(Rubric rubric, String rubricVersion, List<Rating> humanLabels, List<JudgeRun> runs) {

    public CalibrationInput {
        Objects.requireNonNull(rubric, "rubric");
        if (rubric.mode() == Mode.PAIRWISE) {
            throw new IllegalArgumentException("rubric " + rubric.name()
                    + " is pairwise; use PairwiseCalibration for A/B/tie verdicts");
        }
        rubricVersion = rubricVersion == null ? "" : rubricVersion;
        humanLabels = List.copyOf(humanLabels);
        runs = List.copyOf(runs);
    }

    /** The rubric's scale as the statistics see it (boolean: fail 0, pass 1). */
    public ScoreRange scale() {
        return Scales.of(rubric);
    }

    public List<String> dimensions() {
        return rubric.dimensionNames();
    }

    /** Labellers in name order. */
    public List<String> humans() {
        return List.copyOf(new TreeSet<>(humanLabels.stream().map(Rating::rater).toList()));
    }
}
