package dev.juror.workspace.calibration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.verdict.Condition;
import dev.juror.calibration.verdict.PairwiseVerdictRules;
import dev.juror.calibration.views.PairwiseCalibration.PairVerdict;
import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.calibration.views.PairwiseCalibration.SwappedVerdict;
import dev.juror.calibration.views.PairwiseDimension;
import dev.juror.judge.run.RolloutPair;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.store.JudgeRunLoader;
import dev.juror.store.PairwiseResults;
import dev.juror.store.PairwiseScoreRow;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredPreference;
import dev.juror.store.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Calibration of a pairwise rubric from a workspace: the humans' preferences that count against
 * each pairwise judge run, per dimension (see {@link PairwiseDimension}), the run's position
 * consistency, and the verdict conditions that apply to pairwise ({@link PairwiseVerdictRules}).
 *
 * <p>Every verdict is compared in the judge run's naming of the pair (A = the pair's first rollout):
 * a human preference stored with the pair the other way round, and a judge verdict given with the
 * second rollout shown first, are mapped back before comparing. The judge's verdict on a pair is
 * that of its first repeat, order-balanced when both orders were judged (a win only if the same
 * rollout wins in both orders, else a tie). Shared by {@code juror calibrate} and the dashboard.
 */
public final class PairwiseWorkspaceCalibration {

    private final Repositories repositories;

    public PairwiseWorkspaceCalibration(Workspace workspace) {
        this.repositories = Repositories.of(workspace);
    }

    /**
     * One judge run against the humans.
     *
     * @param pairs     pairs the run compares
     * @param validated every condition passed
     */
    public record RunReport(String run, @JsonProperty("rubric_version") String rubricVersion,
                            @JsonProperty("judge_model") String judgeModel, int pairs,
                            @JsonProperty("position_consistency") PositionConsistency positionConsistency,
                            List<PairwiseDimension> dimensions, List<Condition> conditions, boolean validated) {
    }

    /**
     * @param preferences the human preferences that count (one per labeller, pair and dimension)
     * @param notes       what was left out and why
     */
    public record Result(String rubric, @JsonProperty("rubric_version") String rubricVersion, int preferences,
                         List<String> humans, List<RunReport> runs, List<String> notes) {
    }

    /** The stored preferences and runs, calibrated; blind preferences only unless {@code includeUnblinded}. */
    public Result run(Rubric rubric, List<StoredJudgeRun> runs, BootstrapConfig config, boolean includeUnblinded) {
        String version = CanonicalForm.version(rubric);
        List<String> notes = new ArrayList<>();
        List<StoredPreference> counted = new ArrayList<>();
        int notBlind = 0;
        int otherDimensions = 0;
        for (StoredPreference p : repositories.preferences().latest()) {
            if (rubric.dimension(p.dimension()).isEmpty()) {
                otherDimensions++;
            } else if (!p.blind() && !includeUnblinded) {
                notBlind++;
            } else {
                counted.add(p);
            }
        }
        if (notBlind > 0) {
            notes.add(notBlind + (notBlind == 1 ? " preference was" : " preferences were") + " not given blind (the"
                    + " judge's verdict or other labellers' preferences were shown) and left out; count them with"
                    + " --include-unblinded");
        }
        if (otherDimensions > 0) {
            notes.add(otherDimensions + " preferences of dimensions this rubric does not have were left out");
        }
        List<RunReport> reports = new ArrayList<>();
        for (StoredJudgeRun run : runs) {
            reports.add(report(rubric, version, run, counted, config));
        }
        List<String> humans = new ArrayList<>(new TreeSet<>(counted.stream().map(StoredPreference::labeller).toList()));
        return new Result(rubric.name(), version, counted.size(), humans, reports, notes);
    }

    private RunReport report(Rubric rubric, String version, StoredJudgeRun run, List<StoredPreference> humans,
                             BootstrapConfig config) {
        Map<String, RolloutPair> pairs = new HashMap<>();
        run.pairs().forEach(p -> pairs.put(unordered(p.first(), p.second()), p));
        // per dimension, per pair key and repeat: [shown in the pair's order, shown swapped], mapped to the pair's naming
        Map<String, Map<String, Preference[]>> judged = new LinkedHashMap<>();
        for (PairwiseScoreRow row : repositories.pairwiseScores().of(run.id())) {
            RolloutPair pair = pairs.get(unordered(row.shownA(), row.shownB()));
            Optional<Preference> shown = verdict(row.shareOfA());
            if (pair == null || shown.isEmpty()) {
                continue;
            }
            boolean pairOrder = row.shownA() == pair.first();
            Preference[] both = judged.computeIfAbsent(row.dimension(), d -> new TreeMap<>())
                    .computeIfAbsent(pair + "#" + row.repeat(), k -> new Preference[2]);
            both[pairOrder ? 0 : 1] = pairOrder ? shown.get() : swap(shown.get());
        }
        List<PairwiseDimension> dimensions = new ArrayList<>();
        for (String dimension : rubric.dimensionNames()) {
            Map<String, Preference> judge = new TreeMap<>();
            List<SwappedVerdict> swapped = new ArrayList<>();
            judged.getOrDefault(dimension, Map.of()).forEach((key, both) -> {
                if (both[0] != null && both[1] != null) {
                    swapped.add(new SwappedVerdict(key, both[0], both[1]));
                }
                if (key.endsWith("#0")) {
                    String pair = key.substring(0, key.length() - 2);
                    judge.put(pair, both[0] != null && both[1] != null ? new SwappedVerdict(key, both[0], both[1]).balanced()
                            : both[0] != null ? both[0] : both[1]);
                }
            });
            List<PairVerdict> people = new ArrayList<>();
            for (StoredPreference p : humans) {
                if (p.dimension().equals(dimension)) {
                    RolloutPair pair = pairs.get(p.pairKey());
                    long first = pair != null ? pair.first() : Math.min(p.rolloutAId(), p.rolloutBId());
                    people.add(new PairVerdict(pair != null ? pair.toString() : p.pairKey(), p.labeller(), p.towards(first)));
                }
            }
            dimensions.add(PairwiseDimension.of(dimension, judge, swapped, people, config));
        }
        String id = JudgeRunLoader.PREFIX + run.id();
        List<Condition> conditions = PairwiseVerdictRules.conditions(rubric, version, id, run.rubricVersion(), dimensions);
        PositionConsistency overall = PairwiseResults.consistency(
                PairwiseResults.of(run, repositories.judgeResults().resultsOf(run.id())));
        return new RunReport(id, run.rubricVersion(), run.model(), run.pairs().size(), overall, dimensions, conditions,
                conditions.stream().allMatch(Condition::passed));
    }

    private static String unordered(long a, long b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }

    private static Optional<Preference> verdict(double shareOfA) {
        for (Preference p : Preference.values()) {
            if (p.valueForA() == shareOfA) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Preference swap(Preference p) {
        return switch (p) {
            case A -> Preference.B;
            case B -> Preference.A;
            case TIE -> Preference.TIE;
        };
    }
}
