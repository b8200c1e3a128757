package dev.juror.app.calibration;

import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.drift.DriftAlert;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Krippendorff;
import dev.juror.calibration.stats.Level;
import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.TwoRaterResult;
import dev.juror.calibration.verdict.Verdict;
import dev.juror.calibration.views.Agreement;
import dev.juror.calibration.views.CrossJudgeMatrix;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.Disagreement;
import dev.juror.calibration.views.JudgeDimension;
import dev.juror.calibration.views.ModelComparison;
import dev.juror.calibration.views.RunAgreement;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns a workspace calibration into the dashboard's rows and points (plain Java, runs off the FX thread). */
final class DashboardBuilder {

    private DashboardBuilder() {
    }

    static Dashboard build(WorkspaceCalibration.Result r, Verdict verdict) {
        CalibrationReport report = r.report();
        String primary = report.runs().isEmpty() ? null : report.runs().get(0).id();
        List<Dashboard.MetricRow> metrics = new ArrayList<>();
        Map<String, int[][]> confusion = new LinkedHashMap<>();
        List<Dashboard.ConsistencyRow> consistency = new ArrayList<>();
        for (DimensionCalibration d : report.dimensions()) {
            for (JudgeDimension j : d.judges()) {
                metrics.add(row(d.dimension(), j.run() + " vs humans", j.vsHumans(),
                        judgeAlpha(r, j.run(), d.dimension()), false));
                consistency.add(new Dashboard.ConsistencyRow(j.run(), d.dimension(), j.consistency().repeats(),
                        j.consistency().items(), j.consistency().unstableCount(), Numbers.percent(j.consistency().flipRate()),
                        Numbers.est(j.consistency().meanSd()), Numbers.est(j.consistency().alphaOrdinal())));
            }
            metrics.add(row(d.dimension(), "human vs human", d.humanCeiling().agreement(),
                    d.humanCeiling().alphaOrdinal(), true));
            d.judge(primary == null ? "" : primary).ifPresent(j -> confusion.put(d.dimension(), j.confusion()));
        }
        return new Dashboard(r, primary, verdict, metrics, confusion, report.scaleMin(), report.scaleMax(),
                disagreements(report, primary), consistency, crossJudge(report), models(r.models()), trend(r),
                r.drift() == null ? List.of() : r.drift().alerts().stream().map(DriftAlert::summary).toList(),
                r.notes());
    }

    private static Dashboard.MetricRow row(String dimension, String comparison, Agreement a, Estimate alpha,
                                           boolean ceiling) {
        return new Dashboard.MetricRow(dimension, comparison, Integer.toString(a.items()),
                Numbers.est(a.stat(TwoRaterResult.EXACT).estimate()), Numbers.est(a.stat(TwoRaterResult.WITHIN_1).estimate()),
                Numbers.withCi(a.kappaQuadratic()), Numbers.est(alpha),
                Numbers.est(a.stat(TwoRaterResult.SPEARMAN).estimate()), Numbers.est(a.stat(TwoRaterResult.MAE).estimate()),
                Numbers.est(a.stat(TwoRaterResult.BIAS).estimate()), ceiling);
    }

    /** Krippendorff's ordinal alpha with the judge as one more rater beside the humans, on items the judge scored. */
    private static Estimate judgeAlpha(WorkspaceCalibration.Result r, String run, String dimension) {
        JudgeRun judge = r.runs().stream().filter(j -> j.id().equals(run)).findFirst().orElse(null);
        if (judge == null) {
            return Estimate.undefined("run not loaded");
        }
        Map<Item, Integer> judged = new TreeMap<>();
        judge.ratings().stream().filter(x -> x.dimension().equals(dimension)).forEach(x -> judged.put(Item.of(x), x.score()));
        List<String> humans = r.labels().ratings().stream().map(Rating::rater).distinct().sorted().toList();
        Map<Item, int[]> rows = new TreeMap<>();
        for (Rating h : r.labels().ratings()) {
            Item item = Item.of(h);
            if (!h.dimension().equals(dimension) || !judged.containsKey(item)) {
                continue;
            }
            int[] row = rows.computeIfAbsent(item, k -> {
                int[] fresh = new int[humans.size() + 1];
                java.util.Arrays.fill(fresh, RatingMatrix.MISSING);
                fresh[humans.size()] = judged.get(k);
                return fresh;
            });
            row[humans.indexOf(h.rater())] = h.score();
        }
        return rows.isEmpty() ? Estimate.undefined("no item scored by the judge and a human")
                : Krippendorff.alpha(RatingMatrix.ofItemRows(rows.values().toArray(int[][]::new)), Level.ORDINAL);
    }

    private static List<Dashboard.DisagreementRow> disagreements(CalibrationReport report, String primary) {
        return report.runs().stream().filter(run -> run.id().equals(primary)).findFirst()
                .map(RunAgreement::disagreements).orElse(List.of()).stream()
                .map(d -> disagreement(d, primary)).toList();
    }

    private static Dashboard.DisagreementRow disagreement(Disagreement d, String run) {
        String humans = d.humans().stream().map(h -> h.labeller() + " " + h.score()).collect(Collectors.joining(", "));
        String notes = d.humans().stream().filter(h -> h.note() != null && !h.note().isBlank())
                .map(h -> h.labeller() + ": " + h.note()).collect(Collectors.joining(" | "));
        return new Dashboard.DisagreementRow(d.itemKey(), d.dimension(), d.judgeScore(), humans,
                String.format(Locale.ROOT, "%.1f", d.gap()), d.judgeRationale() == null ? "" : d.judgeRationale(), notes,
                run);
    }

    private static List<Dashboard.CrossJudgeRow> crossJudge(CalibrationReport report) {
        List<Dashboard.CrossJudgeRow> rows = new ArrayList<>();
        for (CrossJudgeMatrix m : report.crossJudge()) {
            for (CrossJudgeMatrix.Cell c : m.cells()) {
                String both = "";
                String corr = "";
                for (CrossJudgeMatrix.SharedErrors s : m.sharedErrors()) {
                    if (s.a().equals(c.a()) && s.b().equals(c.b())) {
                        both = s.bothWrong() + " of " + s.eitherWrong();
                        corr = Numbers.est(s.errorCorrelation());
                    }
                }
                rows.add(new Dashboard.CrossJudgeRow(m.dimension(), c.a(), c.b(), c.n(), Numbers.est(c.kappaQuadratic()),
                        Numbers.est(c.exact()), both, corr));
            }
        }
        return rows;
    }

    static List<Dashboard.ModelRow> models(Map<String, List<ModelComparison.ModelRow>> models) {
        List<Dashboard.ModelRow> rows = new ArrayList<>();
        models.forEach((run, list) -> list.forEach(m -> rows.add(new Dashboard.ModelRow(run, m.model(), m.rollouts(),
                Numbers.percent(m.validityRate()) + " (" + m.schemaValid() + "/" + m.rollouts() + ")",
                Numbers.withCi(m.meanSampleScore()), m.k(),
                Numbers.est(m.bestOfK()) + (m.bestOfK().isDefined() ? " (" + m.bestOfKSamples() + " samples)" : "")))));
        return rows;
    }

    /** Each run's kappa per dimension in time order, with the drift alerts about it. */
    private static List<Dashboard.TrendPoint> trend(WorkspaceCalibration.Result r) {
        List<Dashboard.TrendPoint> points = new ArrayList<>();
        List<RunAgreement> runs = r.report().runs().stream().sorted(Comparator.comparing(RunAgreement::createdAt)
                .thenComparing(RunAgreement::id)).toList();
        List<DriftAlert> alerts = r.drift() == null ? List.of() : r.drift().alerts();
        for (RunAgreement run : runs) {
            for (DimensionCalibration d : r.report().dimensions()) {
                d.judge(run.id()).ifPresent(j -> {
                    Estimate k = j.vsHumans().kappaQuadratic().estimate();
                    if (k.isDefined()) {
                        String alert = alerts.stream()
                                .filter(a -> a.subject().startsWith("run " + run.id() + " ")
                                        && a.subject().endsWith(", " + d.dimension()))
                                .map(a -> a.severity() + " " + a.kind() + ": " + a.message())
                                .collect(Collectors.joining("\n"));
                        points.add(new Dashboard.TrendPoint(run.id(), run.rubricVersion(), run.createdAt(),
                                d.dimension(), k.value(), alert));
                    }
                });
            }
        }
        return points;
    }
}
