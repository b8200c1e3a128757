package dev.juror.watch.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code expert_divergence}: the experts, labelling checkpoint rollouts blind, no longer agree with the
 * judge as they did when it was validated. Alarm at the first checkpoint where either
 * <ul>
 *   <li>a dimension's agreement interval lies wholly below the validated agreement (upper end below the
 *       bundle's kappa), with at least {@link #MIN_LABELLED} labelled rollouts; or</li>
 *   <li>the judge's mean rose since the first checkpoint while the experts' did not keep up: the paired
 *       bootstrap ({@link #RESAMPLES} resamples of each checkpoint's rollouts, judge and expert score kept
 *       together) puts the lower quantile of (judge - expert at the checkpoint) - (judge - expert at the
 *       first) above 0; the quantile is {@link #ALPHA} split over the checkpoints compared (Bonferroni),
 *       so a run with many checkpoints is not more likely to alarm by chance.</li>
 * </ul>
 */
public final class ExpertDivergenceDetector implements Detector {

    public static final int MIN_LABELLED = 20;
    public static final int RESAMPLES = 2000;
    public static final double ALPHA = 0.05;
    static final long SEED = 13;

    @Override
    public String name() {
        return DetectorNames.EXPERT_DIVERGENCE;
    }

    @Override
    public Detection detect(DetectionInput in) {
        if (in.checkpoints().isEmpty() && in.scores().isEmpty()) {
            return Detection.quiet(name() + ": no checkpoint rollouts with expert labels yet");
        }
        List<String> notes = new ArrayList<>();
        List<Alarm> alarms = new ArrayList<>();
        if (in.baseline().agreement().isEmpty()) {
            notes.add(name() + ": no validated agreement in the baseline; checkpoints are not compared with it");
        } else {
            belowValidated(in, notes).ifPresent(alarms::add);
        }
        if (in.scores().size() < 2) {
            notes.add(name() + ": the judge-versus-expert trend needs the scored pairs of two checkpoints or more, "
                    + in.scores().size() + " given");
        } else {
            trend(in, notes).ifPresent(alarms::add);
        }
        return new Detection(alarms.stream().min(Comparator.comparingInt(Alarm::step)), notes);
    }

    private Optional<Alarm> belowValidated(DetectionInput in, List<String> notes) {
        List<CheckpointAgreement> ordered = in.checkpoints().stream()
                .sorted(Comparator.comparingInt(CheckpointAgreement::step)).toList();
        for (CheckpointAgreement c : ordered) {
            if (c.labelled() < MIN_LABELLED) {
                notes.add(name() + ": checkpoint " + c.checkpoint() + " has " + c.labelled() + " labelled rollouts, needs "
                        + MIN_LABELLED);
                continue;
            }
            for (var e : in.baseline().agreement().entrySet()) {
                Double upper = c.upper().get(e.getKey());
                if (upper == null || upper.isNaN() || upper >= e.getValue().kappa()) {
                    continue;
                }
                Map<String, Double> numbers = new LinkedHashMap<>();
                numbers.put("agreement", c.agreement().getOrDefault(e.getKey(), Double.NaN));
                numbers.put("lower", c.lower().getOrDefault(e.getKey(), Double.NaN));
                numbers.put("upper", upper);
                numbers.put("validated_agreement", e.getValue().kappa());
                numbers.put("labelled", (double) c.labelled());
                return Optional.of(new Alarm(name(), c.step(), WindowedDetector.f("at checkpoint %s (step %d) the judge"
                                + " agrees with the experts on %s at kappa %.2f [%.2f, %.2f] over %d rollouts, below the"
                                + " validated %.2f", c.checkpoint(), c.step(), e.getKey(), numbers.get("agreement"),
                        numbers.get("lower"), upper, c.labelled(), e.getValue().kappa()), numbers, List.of()));
            }
        }
        return Optional.empty();
    }

    private Optional<Alarm> trend(DetectionInput in, List<String> notes) {
        List<CheckpointScores> ordered = in.scores().stream().sorted(Comparator.comparingInt(CheckpointScores::step)).toList();
        CheckpointScores first = ordered.get(0);
        if (first.pairs().size() < MIN_LABELLED) {
            notes.add(name() + ": the first checkpoint " + first.checkpoint() + " has " + first.pairs().size()
                    + " scored pairs, needs " + MIN_LABELLED + " for the trend");
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double quantile = ALPHA / (ordered.size() - 1);
        for (CheckpointScores c : ordered.subList(1, ordered.size())) {
            if (c.pairs().size() < MIN_LABELLED) {
                notes.add(name() + ": checkpoint " + c.checkpoint() + " has " + c.pairs().size() + " scored pairs, needs "
                        + MIN_LABELLED);
                continue;
            }
            double[] judgeNow = c.judge();
            double[] expertNow = c.expert();
            double[] judgeFirst = first.judge();
            double[] expertFirst = first.expert();
            double judgeRise = mean(judgeNow) - mean(judgeFirst);
            double expertRise = mean(expertNow) - mean(expertFirst);
            double[] d = new double[RESAMPLES];
            for (int b = 0; b < RESAMPLES; b++) {
                d[b] = gap(judgeNow, expertNow, random) - gap(judgeFirst, expertFirst, random);
            }
            java.util.Arrays.sort(d);
            double lower = d[(int) Math.floor(quantile * (RESAMPLES - 1))];
            if (judgeRise > 0 && lower > 0) {
                Map<String, Double> numbers = new LinkedHashMap<>();
                numbers.put("judge_rise", judgeRise);
                numbers.put("expert_rise", expertRise);
                numbers.put("gap_rise_lower", lower);
                numbers.put("pairs", (double) c.pairs().size());
                numbers.put("quantile", quantile);
                List<String> examples = c.pairs().stream()
                        .sorted(Comparator.comparingDouble(p -> p.expert() - p.judge()))
                        .limit(WindowedDetector.EXAMPLES).map(CheckpointScores.Pair::rollout).toList();
                return Optional.of(new Alarm(name(), c.step(), WindowedDetector.f("from checkpoint %s (step %d) to %s"
                                + " (step %d) the judge's mean rose %.3f while the experts' moved %+.3f (paired bootstrap:"
                                + " the gap grew by at least %.3f, one-sided %.1f %% bound)", first.checkpoint(), first.step(),
                        c.checkpoint(), c.step(), judgeRise, expertRise, lower, 100 * quantile), numbers, examples));
            }
        }
        return Optional.empty();
    }

    /** Mean of judge minus expert over one resample of the checkpoint's pairs. */
    private static double gap(double[] judge, double[] expert, SplittableRandom random) {
        int n = judge.length;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int j = random.nextInt(n);
            sum += judge[j] - expert[j];
        }
        return sum / n;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
