package dev.juror.cli;

import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.rubric.Preference;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.PairwiseResults.PairOutcome;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code juror judge} and {@code juror run show} report a pairwise run: per pair both verdicts
 * and the order-balanced winner, and the run's position consistency. In every verdict A is the
 * pair's first rollout, whichever order the judge saw them in.
 */
final class PairwiseRunText {

    private PairwiseRunText() {
    }

    static String consistencyLine(PositionConsistency pc) {
        if (pc.pairs() == 0) {
            return "position consistency: no pair judged ok in both orders yet";
        }
        return "position consistency " + Text.est(pc.consistency()) + ": " + pc.consistent() + "/" + pc.pairs()
                + " pairs gave the same winner in both orders; first-shown won both orders in " + pc.firstShownWins()
                + "/" + pc.inconsistent() + " inconsistent pairs (" + Text.est(pc.firstShownShare())
                + "); order-balanced winners A " + pc.balanced().get("A") + ", B " + pc.balanced().get("B") + ", tie "
                + pc.balanced().get("tie");
    }

    static void printPairs(PrintWriter out, List<PairOutcome> outcomes, Map<Long, String> sampleIds) {
        out.printf("%-15s %-30s %-6s %-13s %-13s %s%n", "pair (A-B)", "sample", "repeat", "A shown first",
                "B shown first", "balanced");
        for (PairOutcome o : outcomes) {
            out.printf("%-15s %-30s %-6d %-13s %-13s %s%n", o.pair(), sampleIds.getOrDefault(o.pair().first(), "?"),
                    o.repeat(), verdict(o.firstOrderVerdict(), o.firstShownFirst()),
                    verdict(o.secondOrderVerdict(), o.secondShownFirst()), balanced(o));
        }
    }

    static Map<String, Object> json(PairOutcome o, Map<Long, String> sampleIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rollout_a", o.pair().first());
        m.put("rollout_b", o.pair().second());
        m.put("sample_id", sampleIds.get(o.pair().first()));
        m.put("repeat", o.repeat());
        m.put("a_shown_first", order(o.firstOrderVerdict(), o.firstShownFirst()));
        m.put("b_shown_first", order(o.secondOrderVerdict(), o.secondShownFirst()));
        m.put("consistent", o.swapped().map(s -> s.consistent()).orElse(null));
        m.put("balanced", o.swapped().map(s -> s.balanced().json()).orElse(null));
        return m;
    }

    private static Map<String, Object> order(Optional<Preference> verdict, Optional<JudgeResultRow> result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", result.map(JudgeResultRow::status).orElse("pending"));
        m.put("verdict", verdict.map(Preference::json).orElse(null));
        m.put("result_id", result.map(JudgeResultRow::id).orElse(null));
        return m;
    }

    /** The verdict, or why there is none: the result's status, or {@code -} when not judged yet. */
    private static String verdict(Optional<Preference> verdict, Optional<JudgeResultRow> result) {
        return verdict.map(Preference::json).orElseGet(() -> result.map(JudgeResultRow::status).orElse("-"));
    }

    private static String balanced(PairOutcome o) {
        return o.swapped().map(s -> s.balanced().json() + (s.consistent() ? "" : " (orders disagree)")).orElse("-");
    }
}
