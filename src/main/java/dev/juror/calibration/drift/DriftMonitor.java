package dev.juror.calibration.drift;

import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.stats.JudgeComparison;
import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.calibration.stats.TwoRaterResult;
import dev.juror.calibration.views.ItemPairs;
import dev.juror.calibration.views.ItemScores;
import dev.juror.calibration.views.StatWithCi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drift of judge agreement and judge scores. On the anchor set (items with human labels, the
 * humans' consensus = median, rounded half to even): quadratic kappa per run and per rubric version,
 * and each run against the baseline run with a paired bootstrap of the kappa difference on the
 * items both scored (alarm when the whole interval is below 0; warn when its lower bound is below
 * -margin, i.e. non-inferiority not shown). Over time: runs grouped into windows; per window the
 * histogram of all judge scores, PSI against the first window, and a tabular CUSUM on the window
 * mean expressed in standard errors of the baseline window ((mean - mean0) / (sd0 / sqrt(n))).
 */
public final class DriftMonitor {

    private final ScoreRange scale;
    private final BootstrapConfig config;
    private final DriftSettings settings;

    public DriftMonitor(ScoreRange scale, BootstrapConfig config, DriftSettings settings) {
        this.scale = scale;
        this.config = config;
        this.settings = settings;
    }

    /**
     * @param runs        judge runs, any order (sorted by creation time here)
     * @param humanLabels the anchor set's human labels (latest per labeller and item)
     * @param dimensions  dimensions to report
     * @param baselineId  the accepted run to compare with, or null for the earliest run
     */
    public DriftReport analyse(List<JudgeRun> runs, List<Rating> humanLabels, List<String> dimensions, String baselineId) {
        List<JudgeRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(JudgeRun::createdAt).thenComparing(JudgeRun::id));
        List<DriftAlert> alerts = new ArrayList<>();
        if (ordered.isEmpty()) {
            return new DriftReport(0, "", List.of(), List.of(), alerts);
        }
        JudgeRun baseline = baselineId == null ? ordered.get(0) : ordered.stream().filter(r -> r.id().equals(baselineId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("baseline run " + baselineId + " not given"));
        ItemScores humans = new ItemScores(humanLabels);
        Map<Item, Integer> consensus = new TreeMap<>();
        humans.byItem().forEach((item, r) -> consensus.put(item, ItemScores.consensus(r.values())));
        Map<String, Map<Item, Integer>> judge = new LinkedHashMap<>();
        for (JudgeRun run : ordered) {
            Map<Item, Integer> m = new LinkedHashMap<>();
            run.ratings().forEach(r -> m.put(Item.of(r), r.score()));
            judge.put(run.id(), m);
        }
        List<DriftReport.DimensionDrift> dims = new ArrayList<>();
        for (String dimension : dimensions) {
            List<Item> anchors = consensus.keySet().stream().filter(i -> i.dimension().equals(dimension)).toList();
            List<DriftReport.RunPoint> points = new ArrayList<>();
            for (JudgeRun run : ordered) {
                ItemPairs pairs = new ItemPairs(scale);
                Map<Item, Integer> scores = judge.get(run.id());
                for (Item a : anchors) {
                    Integer s = scores.get(a);
                    if (s != null) {
                        pairs.add(a.itemKey(), s, consensus.get(a));
                    }
                }
                StatWithCi qwk = pairs.agreement(config).kappaQuadratic();
                StatWithCi diff = run == baseline
                        ? StatWithCi.without(Estimate.of(0), "baseline")
                        : difference(anchors, scores, judge.get(baseline.id()), consensus);
                points.add(new DriftReport.RunPoint(run.id(), run.rubricVersion(), run.judgeModel(), run.createdAt(),
                        pairs.items(), qwk, diff));
                if (run != baseline) {
                    runAlerts(run, dimension, qwk, pairs.items(), diff, alerts);
                }
            }
            dims.add(new DriftReport.DimensionDrift(dimension, versions(ordered, judge, anchors, consensus), points));
        }
        List<DriftReport.Window> windows = windows(ordered, alerts);
        int anchorCount = (int) consensus.keySet().stream().filter(i -> dimensions.contains(i.dimension())).count();
        return new DriftReport(anchorCount, baseline.id(), dims, windows, alerts);
    }

    private StatWithCi difference(List<Item> anchors, Map<Item, Integer> run, Map<Item, Integer> base,
                                  Map<Item, Integer> consensus) {
        int n = anchors.size();
        int[] first = new int[n];
        int[] second = new int[n];
        int[] ref = new int[n];
        for (int i = 0; i < n; i++) {
            Item a = anchors.get(i);
            first[i] = run.getOrDefault(a, RatingMatrix.MISSING);
            second[i] = base.getOrDefault(a, RatingMatrix.MISSING);
            ref[i] = consensus.get(a);
        }
        JudgeComparison cmp = JudgeComparison.of(first, second, ref, scale);
        if (cmp.comparedItems() == 0) {
            return StatWithCi.without(Estimate.undefined("no anchor item scored by both runs"), "no items");
        }
        BootstrapResult r = cmp.differenceInterval(TwoRaterResult.KAPPA_QUADRATIC, config);
        return StatWithCi.of(r);
    }

    private void runAlerts(JudgeRun run, String dimension, StatWithCi qwk, int items, StatWithCi diff,
                           List<DriftAlert> alerts) {
        String subject = "run " + run.id() + " (" + run.rubricVersion() + ", " + run.judgeModel() + "), " + dimension;
        if (qwk.estimate() instanceof Estimate.Defined d && d.value() < settings.kappaFloor()) {
            alerts.add(new DriftAlert("kappa_floor", DriftAlert.Severity.ALARM, subject, d.value(), settings.kappaFloor(),
                    // Named with its item set: this kappa is against the humans' consensus (median) on the
                    // anchor items, so it differs from the per-labeller kappa of the agreement table.
                    String.format(java.util.Locale.ROOT, "quadratic kappa vs the humans' consensus (median label) on "
                            + "%d anchor items %.3f is below the floor %.3f", items, d.value(), settings.kappaFloor())));
        }
        if (diff.ci() instanceof Interval.Bounds b) {
            if (b.high() < 0) {
                alerts.add(new DriftAlert("kappa_drop", DriftAlert.Severity.ALARM, subject, diff.estimate().valueOr(0),
                        0.0, String.format(java.util.Locale.ROOT,
                        "kappa fell by %.3f against the baseline; interval [%.3f, %.3f] excludes 0",
                        -diff.estimate().valueOr(0), b.low(), b.high())));
            } else if (b.low() < -settings.margin()) {
                alerts.add(new DriftAlert("not_non_inferior", DriftAlert.Severity.WARN, subject, b.low(),
                        -settings.margin(), String.format(java.util.Locale.ROOT,
                        "lower bound of the kappa difference %.3f is below -%.3f: not shown to be as good as the baseline",
                        b.low(), settings.margin())));
            }
        }
    }

    private List<DriftReport.VersionPoint> versions(List<JudgeRun> runs, Map<String, Map<Item, Integer>> judge,
                                                    List<Item> anchors, Map<Item, Integer> consensus) {
        Map<String, List<JudgeRun>> byVersion = new LinkedHashMap<>();
        runs.forEach(r -> byVersion.computeIfAbsent(r.rubricVersion(), k -> new ArrayList<>()).add(r));
        List<DriftReport.VersionPoint> out = new ArrayList<>();
        byVersion.forEach((version, list) -> {
            ItemPairs pairs = new ItemPairs(scale);
            for (Item a : anchors) {
                List<Integer> js = new ArrayList<>();
                for (JudgeRun r : list) {
                    Integer s = judge.get(r.id()).get(a);
                    if (s != null) {
                        js.add(s);
                    }
                }
                int[] x = js.stream().mapToInt(Integer::intValue).toArray();
                int[] y = new int[x.length];
                java.util.Arrays.fill(y, consensus.get(a));
                pairs.add(a.itemKey(), x, y);
            }
            out.add(new DriftReport.VersionPoint(version, list.stream().map(JudgeRun::id).toList(), pairs.items(),
                    pairs.agreement(config).kappaQuadratic()));
        });
        return out;
    }

    private List<DriftReport.Window> windows(List<JudgeRun> runs, List<DriftAlert> alerts) {
        long size = settings.window().toMillis();
        Map<Long, List<JudgeRun>> byWindow = new TreeMap<>();
        runs.forEach(r -> byWindow.computeIfAbsent(Math.floorDiv(r.createdAt().toEpochMilli(), size), k -> new ArrayList<>())
                .add(r));
        List<long[]> histograms = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (List<JudgeRun> list : byWindow.values()) {
            long[] h = new long[scale.size()];
            List<Double> v = new ArrayList<>();
            for (JudgeRun r : list) {
                for (Rating rating : r.ratings()) {
                    h[scale.index(rating.score())]++;
                    v.add((double) rating.score());
                }
            }
            histograms.add(h);
            values.add(v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] base = values.get(0);
        double mean0 = mean(base);
        double sd0 = sd(base, mean0);
        boolean cusumDefined = base.length >= 2 && sd0 > 0;
        // CUSUM on the standardised window means (target 0, k and h in standard errors)
        List<Double> zs = new ArrayList<>();
        if (cusumDefined) {
            for (double[] v : values) {
                if (v.length > 0) {
                    zs.add((mean(v) - mean0) / (sd0 / Math.sqrt(v.length)));
                }
            }
        }
        List<TabularCusum.Step> steps = new TabularCusum(0, settings.cusumK(), settings.cusumH(), false)
                .run(zs.stream().mapToDouble(Double::doubleValue).toArray());
        int step = 0;
        List<DriftReport.Window> out = new ArrayList<>();
        int w = 0;
        for (Map.Entry<Long, List<JudgeRun>> e : byWindow.entrySet()) {
            Instant start = Instant.ofEpochMilli(e.getKey() * size);
            double[] v = values.get(w);
            Psi.Result psi = Psi.compute(histograms.get(0), histograms.get(w), Psi.DEFAULT_EPSILON, settings.psiWarn(),
                    settings.psiAlarm());
            Estimate mean = v.length == 0 ? Estimate.undefined("no scores in this window") : Estimate.of(mean(v));
            Estimate z;
            Estimate up;
            Estimate down;
            boolean alarm = false;
            if (!cusumDefined) {
                String why = base.length < 2 ? "the baseline window has fewer than 2 scores"
                        : "the baseline window's scores do not vary (SD 0)";
                z = up = down = Estimate.undefined(why);
            } else if (v.length == 0) {
                z = up = down = Estimate.undefined("no scores in this window");
            } else {
                TabularCusum.Step st = steps.get(step++);
                alarm = st.alarm();
                z = Estimate.of(st.value());
                up = Estimate.of(st.upper());
                down = Estimate.of(st.lower());
            }
            List<String> ids = e.getValue().stream().map(JudgeRun::id).toList();
            out.add(new DriftReport.Window(start, ids, v.length, histograms.get(w), mean, psi.value(), psi.band(), z, up,
                    down, alarm));
            if (w > 0 && (psi.band() == Psi.Band.MAJOR || psi.band() == Psi.Band.MODERATE)) {
                boolean major = psi.band() == Psi.Band.MAJOR;
                alerts.add(new DriftAlert("psi", major ? DriftAlert.Severity.ALARM : DriftAlert.Severity.WARN,
                        "window " + start, psi.value().valueOr(0), major ? settings.psiAlarm() : settings.psiWarn(),
                        String.format(java.util.Locale.ROOT, "judge score distribution shifted: PSI %.3f (%s) against window %s",
                                psi.value().valueOr(0), psi.band().name().toLowerCase(java.util.Locale.ROOT),
                                out.get(0).start())));
            }
            if (alarm) {
                alerts.add(new DriftAlert("cusum", DriftAlert.Severity.ALARM, "window " + start,
                        Math.max(up.value(), down.value()), settings.cusumH(), String.format(java.util.Locale.ROOT,
                        "sustained %s shift of the mean judge score (CUSUM %.2f > %.2f standard errors)",
                        up.value() > down.value() ? "upward" : "downward", Math.max(up.value(), down.value()),
                        settings.cusumH())));
            }
            w++;
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    private static double sd(double[] v, double mean) {
        if (v.length < 2) {
            return 0;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
