package dev.juror.calibration.regression;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a suite: scores every rollout the cases name (each once, even when several cases use it)
 * and checks each expectation. A rollout that could not be scored fails every expectation that
 * needs a score, saying why; flag expectations still see the flags the checks raised.
 */
public final class SuiteRunner {

    private final Clock clock;

    public SuiteRunner(Clock clock) {
        this.clock = clock;
    }

    public SuiteResult run(RegressionSuite suite, String rubricVersion, String judgeModel, RolloutScorer scorer) {
        Map<RolloutRef, ScoredRollout> scored = new HashMap<>();
        List<SuiteResult.CaseResult> results = new ArrayList<>();
        for (RegressionSuite.SuiteCase c : suite.cases()) {
            ScoredRollout own = scored.computeIfAbsent(c.rollout(), scorer::score);
            List<SuiteResult.Check> checks = new ArrayList<>();
            for (Expectation e : c.expectations()) {
                checks.add(check(e, own, scored, scorer));
            }
            results.add(new SuiteResult.CaseResult(c.id(), checks.stream().allMatch(SuiteResult.Check::passed),
                    c.rollout().toString(), checks));
        }
        return new SuiteResult(suite.name(), suite.hash(), rubricVersion, judgeModel, clock.instant(), results);
    }

    private static SuiteResult.Check check(Expectation e, ScoredRollout own, Map<RolloutRef, ScoredRollout> scored,
                                           RolloutScorer scorer) {
        return switch (e) {
            case Expectation.FlagRaised f -> new SuiteResult.Check(e.describe(), e.path(), own.flags().contains(f.flag()),
                    "flags raised: " + (own.flags().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(own.flags()))));
            case Expectation.FlagNotRaised f -> new SuiteResult.Check(e.describe(), e.path(),
                    !own.flags().contains(f.flag()), "flags raised: "
                    + (own.flags().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(own.flags()))));
            case Expectation.SampleScoreBound b -> {
                if (own.sampleScore().isEmpty()) {
                    yield notScored(e, own);
                }
                double s = own.sampleScore().getAsDouble();
                boolean ok = (b.min() == null || s >= b.min()) && (b.max() == null || s <= b.max());
                yield new SuiteResult.Check(e.describe(), e.path(), ok, "sample score " + fmt(s));
            }
            case Expectation.Outscores o -> {
                ScoredRollout other = scored.computeIfAbsent(o.other(), scorer::score);
                if (own.sampleScore().isEmpty()) {
                    yield notScored(e, own);
                }
                if (other.sampleScore().isEmpty()) {
                    yield new SuiteResult.Check(e.describe(), e.path(), false, o.other() + " not scored: "
                            + (other.error().isEmpty() ? "no sample score" : other.error()));
                }
                double a = own.sampleScore().getAsDouble();
                double b = other.sampleScore().getAsDouble();
                yield new SuiteResult.Check(e.describe(), e.path(), a > b, fmt(a) + " vs " + fmt(b));
            }
            case Expectation.DimensionRange d -> dimension(d, own);
        };
    }

    private static SuiteResult.Check dimension(Expectation.DimensionRange d, ScoredRollout own) {
        if (!own.error().isEmpty() || own.commentScores().isEmpty()) {
            return notScored(d, own);
        }
        List<String> found = new ArrayList<>();
        boolean ok = true;
        List<Integer> positions = d.comment() == null ? own.commentScores().keySet().stream().sorted().toList()
                : List.of(d.comment());
        for (int p : positions) {
            Map<String, Integer> dims = own.commentScores().get(p);
            Integer score = dims == null ? null : dims.get(d.dimension());
            if (score == null) {
                found.add("comment " + p + ": no " + d.dimension() + " score");
                ok = false;
            } else {
                found.add("comment " + p + ": " + score);
                ok &= score >= d.min() && score <= d.max();
            }
        }
        return new SuiteResult.Check(d.describe(), d.path(), ok, String.join(", ", found));
    }

    private static SuiteResult.Check notScored(Expectation e, ScoredRollout own) {
        return new SuiteResult.Check(e.describe(), e.path(), false,
                "not scored: " + (own.error().isEmpty() ? "the judge gave no score" : own.error()));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
