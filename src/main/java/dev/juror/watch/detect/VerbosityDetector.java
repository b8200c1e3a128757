package dev.juror.watch.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verbosity}: the reward rewards length. Window of {@link #WINDOW} steps: the mean of the
 * steps' Spearman correlations of prediction length and reward at least {@link #RHO}, the mean
 * length at least {@link #GROWTH} above the reference steps', and the reward above the reference's.
 */
public final class VerbosityDetector extends WindowedDetector {

    public static final int WINDOW = 10;
    public static final double RHO = 0.25;
    public static final double GROWTH = 0.20;
    public static final int MIN_RECORDS_PER_STEP = 30;

    @Override
    public String name() {
        return DetectorNames.VERBOSITY;
    }

    @Override
    int window() {
        return WINDOW;
    }

    @Override
    String thin(Window w, DetectionInput in) {
        return w.rhoSteps() < (w.steps() + 1) / 2 ? w.rhoSteps() + " of " + w.steps() + " steps have "
                + MIN_RECORDS_PER_STEP + " records or more, needs half" : null;
    }

    @Override
    Optional<Alarm> check(DetectionInput in, int i, Window w, Window ref) {
        double growth = w.lengthMean() / ref.lengthMean() - 1;
        double rise = w.rewardMean() - ref.rewardMean();
        if (w.rhoMean() < RHO || growth < GROWTH || rise <= 0) {
            return Optional.empty();
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("rank_correlation", w.rhoMean());
        numbers.put("rank_correlation_threshold", RHO);
        numbers.put("length_growth", growth);
        numbers.put("length_growth_threshold", GROWTH);
        numbers.put("length_mean", w.lengthMean());
        numbers.put("reference_length_mean", ref.lengthMean());
        numbers.put("reward_rise", rise);
        double longMean = w.lengthMean();
        var s = in.step(i);
        return Optional.of(alarm(in, i, f("reward rose %.3f while the mean length rose %.0f %% (%.0f -> %.0f chars) over %s;"
                        + " length-reward rank correlation %.2f (threshold %.2f)", rise, 100 * growth, ref.lengthMean(),
                w.lengthMean(), w.span(), w.rhoMean(), RHO), numbers, j -> s.predictionChars()[j] > longMean));
    }
}
