package dev.juror.store;

import dev.juror.calibration.views.PairwiseCalibration;
import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.calibration.views.PairwiseCalibration.SwappedVerdict;
import dev.juror.judge.run.RolloutPair;
import dev.juror.judge.run.RunResult;
import dev.juror.rubric.Preference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pairwise run's stored results read as pairs: per pair and repeat, the result with the pair's
 * first rollout shown as candidate A and the one with its second rollout shown as A, each verdict
 * in the pair's own naming (A = the pair's first rollout), and the run's position consistency,
 * computed by {@link PairwiseCalibration}. A verdict is read back from the stored sample score,
 * candidate A's share of the win (1, 0.5, 0), so no further column is needed for it.
 */
public final class PairwiseResults {

    private PairwiseResults() {
    }

    /**
     * One pair in one repeat.
     *
     * @param firstShownFirst  the result with {@code pair.first()} shown as candidate A, if stored
     * @param secondShownFirst the result with {@code pair.second()} shown as candidate A, if stored
     */
    public record PairOutcome(RolloutPair pair, int repeat, Optional<JudgeResultRow> firstShownFirst,
                              Optional<JudgeResultRow> secondShownFirst) {

        /** The verdict with the pair's first rollout shown first; empty unless that result is ok. */
        public Optional<Preference> firstOrderVerdict() {
            return firstShownFirst.flatMap(PairwiseResults::shownVerdict);
        }

        /**
         * The verdict with the pair's second rollout shown first, mapped back to the pair's naming:
         * the judge's "A" there is the pair's second rollout, so A and B swap.
         */
        public Optional<Preference> secondOrderVerdict() {
            return secondShownFirst.flatMap(PairwiseResults::shownVerdict).map(PairwiseResults::swapped);
        }

        /** Both orders as the position-consistency statistics take them; empty unless both are ok. */
        public Optional<SwappedVerdict> swapped() {
            Optional<Preference> a = firstOrderVerdict();
            Optional<Preference> b = secondOrderVerdict();
            return a.isPresent() && b.isPresent() ? Optional.of(new SwappedVerdict(key(), a.get(), b.get()))
                    : Optional.empty();
        }

        /** {@code first-second#repeat}. */
        public String key() {
            return pair + "#" + repeat;
        }
    }

    /** Every pair of the run in every repeat, in the run's order, with whatever results are stored. */
    public static List<PairOutcome> of(StoredJudgeRun run, List<JudgeResultRow> results) {
        Map<String, JudgeResultRow> byKey = new HashMap<>();
        for (JudgeResultRow r : results) {
            byKey.put(RunResult.key(r.rolloutId(), r.rolloutBId(), r.repeat()), r);
        }
        List<PairOutcome> outcomes = new ArrayList<>();
        for (int repeat = 0; repeat < run.repeats(); repeat++) {
            for (RolloutPair pair : run.pairs()) {
                outcomes.add(new PairOutcome(pair, repeat,
                        Optional.ofNullable(byKey.get(RunResult.key(pair.first(), OptionalLong.of(pair.second()), repeat))),
                        Optional.ofNullable(byKey.get(RunResult.key(pair.second(), OptionalLong.of(pair.first()), repeat)))));
            }
        }
        return outcomes;
    }

    /**
     * Position consistency over the pairs judged ok in both orders (each repeat of a pair counts as
     * one probe): consistent share, first-shown wins among the inconsistent, order-balanced winners.
     */
    public static PositionConsistency consistency(List<PairOutcome> outcomes) {
        return PairwiseCalibration.positionConsistency(outcomes.stream().flatMap(o -> o.swapped().stream()).toList());
    }

    /** The verdict as shown, from an ok result's sample score (candidate A's share). */
    private static Optional<Preference> shownVerdict(JudgeResultRow row) {
        if (!row.status().equals("ok") || row.sampleScore().isEmpty()) {
            return Optional.empty();
        }
        double shareOfA = row.sampleScore().getAsDouble();
        for (Preference p : Preference.values()) {
            if (p.valueForA() == shareOfA) {
                return Optional.of(p);
            }
        }
        throw new StoreException("judge result " + row.id() + " has pairwise score " + shareOfA
                + ", which is not 1, 0.5 or 0; the workspace is damaged", null);
    }

    private static Preference swapped(Preference p) {
        return switch (p) {
            case A -> Preference.B;
            case B -> Preference.A;
            case TIE -> Preference.TIE;
        };
    }
}
