package dev.juror.calibration;

import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.calibration.views.CrossJudgeMatrix;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.Disagreement;
import dev.juror.calibration.views.HumanCeiling;
import dev.juror.calibration.views.ItemPairs;
import dev.juror.calibration.views.ItemScores;
import dev.juror.calibration.views.JudgeDimension;
import dev.juror.calibration.views.JudgeVsHumans;
import dev.juror.calibration.views.LeaveOneAnnotatorOut;
import dev.juror.calibration.views.RepeatConsistency;
import dev.juror.calibration.views.RunAgreement;
import dev.juror.calibration.views.SampleScoreAgreement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Computes the calibration views of one rubric from in-memory labels and judge runs. Deterministic:
 * the same input and bootstrap seed give the same report (apart from {@code created_at}).
 */
public final class CalibrationEngine {

    /** Disagreements listed per run; the count covers all of them. */
    public static final int DISAGREEMENTS_LISTED = 50;
    /** A judge is "wrong" on an item (cross-judge shared errors) when this far from the humans' mean. */
    public static final double ERROR_THRESHOLD = 1.0;

    private final BootstrapConfig config;
    private final Clock clock;

    public CalibrationEngine(BootstrapConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public CalibrationEngine(BootstrapConfig config) {
        this(config, Clock.systemUTC());
    }

    public CalibrationReport calibrate(CalibrationInput input) {
        ScoreRange scale = input.scale();
        List<String> humans = input.humans();
        ItemScores humanScores = new ItemScores(input.humanLabels());
        Map<String, Map<Item, Rating>> judgeByRun = new LinkedHashMap<>();
        for (JudgeRun run : input.runs()) {
            judgeByRun.put(run.id(), run.ratings().stream().collect(
                    Collectors.toMap(Item::of, r -> r, (a, b) -> a, LinkedHashMap::new)));
        }
        List<DimensionCalibration> dimensions = new ArrayList<>();
        List<CrossJudgeMatrix> cross = new ArrayList<>();
        for (String dimension : input.dimensions()) {
            Map<Item, Map<String, Rating>> humansOfDim = humanScores.ofDimension(dimension);
            HumanCeiling ceiling = HumanCeiling.of(humansOfDim, humans, scale, config);
            Set<String> doubly = new TreeSet<>();
            humansOfDim.forEach((item, r) -> {
                if (r.size() >= 2) {
                    doubly.add(item.itemKey());
                }
            });
            List<JudgeDimension> judges = new ArrayList<>();
            for (JudgeRun run : input.runs()) {
                Map<Item, Rating> judge = judgeByRun.get(run.id());
                ItemPairs all = JudgeVsHumans.pairs(humansOfDim, judge, scale, null);
                Map<Item, int[]> repeats = run.repeatScores();
                RepeatConsistency consistency = RepeatConsistency.of(repeats, run.repeats(), dimension);
                Set<String> unstable = RepeatConsistency.unstableKeys(repeats, dimension);
                Set<String> stable = new TreeSet<>();
                judge.keySet().forEach(item -> {
                    if (item.dimension().equals(dimension) && !unstable.contains(item.itemKey())) {
                        stable.add(item.itemKey());
                    }
                });
                judges.add(new JudgeDimension(run.id(), all.agreement(config),
                        JudgeVsHumans.pairs(humansOfDim, judge, scale, doubly).agreement(config),
                        LeaveOneAnnotatorOut.compute(humansOfDim, judge, humans, scale, config),
                        consistency,
                        JudgeVsHumans.pairs(humansOfDim, judge, scale, stable).agreement(config),
                        square(all.table(), scale.size()), histogram(judge, dimension, scale)));
            }
            dimensions.add(new DimensionCalibration(dimension, ceiling, humanHistogram(humansOfDim, scale), judges));
            if (!input.runs().isEmpty()) {
                cross.add(CrossJudgeMatrix.of(dimension, humansOfDim, judgeByRun, scale, ERROR_THRESHOLD));
            }
        }
        List<RunAgreement> runs = new ArrayList<>();
        Map<Item, Map<String, Rating>> allHumans = humanScores.byItem();
        for (JudgeRun run : input.runs()) {
            Map<Item, Rating> judge = judgeByRun.get(run.id());
            List<Disagreement> list = Disagreement.rank(allHumans, judge);
            runs.add(new RunAgreement(run.id(), run.rubricVersion(), run.judgeModel(), run.createdAt(), run.repeats(),
                    SampleScoreAgreement.judgeVsHumans(input.rubric(), judge.values(), input.humanLabels(), config),
                    list.size(), List.copyOf(list.subList(0, Math.min(DISAGREEMENTS_LISTED, list.size())))));
        }
        return new CalibrationReport(input.rubric().name(), input.rubricVersion(), scale.min(), scale.max(),
                clock.instant(), humans, input.humanLabels().size(),
                new CalibrationReport.BootstrapInfo(config.resamples(), config.level(), config.seed(), "item"),
                SampleScoreAgreement.humanVsHuman(input.rubric(), input.humanLabels(), config),
                dimensions, runs, cross);
    }

    private static int[][] square(int[] table, int k) {
        int[][] out = new int[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(table, i * k, out[i], 0, k);
        }
        return out;
    }

    private static long[] histogram(Map<Item, Rating> judge, String dimension, ScoreRange scale) {
        long[] h = new long[scale.size()];
        judge.forEach((item, r) -> {
            if (item.dimension().equals(dimension)) {
                h[scale.index(r.score())]++;
            }
        });
        return h;
    }

    private static long[] humanHistogram(Map<Item, Map<String, Rating>> humans, ScoreRange scale) {
        long[] h = new long[scale.size()];
        humans.values().forEach(raters -> raters.values().forEach(r -> h[scale.index(r.score())]++));
        return h;
    }
}
