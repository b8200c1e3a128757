package dev.juror.workspace.align;

import dev.juror.align.CandidateScore;
import dev.juror.calibration.CalibrationEngine;
import dev.juror.calibration.CalibrationInput;
import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.Scales;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.stats.JudgeComparison;
import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.TwoRaterResult;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers an alignment decides and reports on, from the calibration engine (the same statistics
 * {@code juror calibrate} shows): a candidate's per-dimension kappa on a split, and on the test split
 * the paired-bootstrap interval of the chosen rubric's kappa minus the baseline's.
 */
final class AlignScoring {

    private final Rubric rubric;
    private final BootstrapConfig config;

    AlignScoring(Rubric rubric, BootstrapConfig config) {
        this.rubric = rubric;
        this.config = config;
    }

    /** The run against the given labels (judge vs every labeller, as calibrate's agreement table). */
    CandidateScore score(String candidateId, List<Rating> labels, JudgeRun run) {
        CalibrationReport report = new CalibrationEngine(config).calibrate(new CalibrationInput(rubric,
                CanonicalForm.version(rubric), labels, List.of(run)));
        Map<String, Double> kappa = new LinkedHashMap<>();
        Map<String, Double> lower = new LinkedHashMap<>();
        int items = 0;
        for (DimensionCalibration d : report.dimensions()) {
            StatWithCi k = d.judge(run.id()).map(j -> j.vsHumans().kappaQuadratic())
                    .orElse(StatWithCi.without(Estimate.undefined("not judged"), "not judged"));
            kappa.put(d.dimension(), value(k.estimate()));
            lower.put(d.dimension(), value(k.lower()));
            items = Math.max(items, d.judge(run.id()).map(j -> j.vsHumans().items()).orElse(0));
        }
        return new CandidateScore(candidateId, kappa, lower, items);
    }

    /**
     * Per dimension, the paired-bootstrap interval of kappa(chosen) - kappa(baseline), both against the
     * experts' consensus (median label) on the items all three scored.
     */
    Map<String, StatWithCi> difference(JudgeRun chosen, JudgeRun baseline, List<Rating> labels) {
        Map<String, Map<String, List<Integer>>> human = new TreeMap<>();
        labels.forEach(r -> human.computeIfAbsent(r.dimension(), k -> new TreeMap<>())
                .computeIfAbsent(r.itemKey(), k -> new ArrayList<>()).add(r.score()));
        Map<String, Integer> first = byItem(chosen);
        Map<String, Integer> second = byItem(baseline);
        Map<String, StatWithCi> out = new LinkedHashMap<>();
        for (String dimension : rubric.dimensionNames()) {
            Map<String, List<Integer>> items = human.getOrDefault(dimension, Map.of());
            int n = items.size();
            int[] a = new int[n];
            int[] b = new int[n];
            int[] ref = new int[n];
            int i = 0;
            for (Map.Entry<String, List<Integer>> e : items.entrySet()) {
                String key = e.getKey() + "|" + dimension;
                a[i] = first.getOrDefault(key, RatingMatrix.MISSING);
                b[i] = second.getOrDefault(key, RatingMatrix.MISSING);
                ref[i] = Rating.median(e.getValue().stream().mapToInt(Integer::intValue).toArray());
                i++;
            }
            JudgeComparison cmp = JudgeComparison.of(a, b, ref, Scales.of(rubric));
            if (cmp.comparedItems() == 0) {
                out.put(dimension, StatWithCi.without(Estimate.undefined("no item scored by both"), "no items"));
                continue;
            }
            BootstrapResult r = cmp.differenceInterval(TwoRaterResult.KAPPA_QUADRATIC, config);
            out.put(dimension, StatWithCi.of(r));
        }
        return out;
    }

    private static Map<String, Integer> byItem(JudgeRun run) {
        Map<String, Integer> out = new LinkedHashMap<>();
        run.ratings().forEach(r -> out.put(r.itemKey() + "|" + r.dimension(), r.score()));
        return out;
    }

    static Double value(Estimate e) {
        return e.isDefined() ? e.value() : null;
    }

    static Double low(StatWithCi s) {
        return s.ci() instanceof Interval.Bounds b ? b.low() : null;
    }

    static Double high(StatWithCi s) {
        return s.ci() instanceof Interval.Bounds b ? b.high() : null;
    }
}
