package dev.juror.app.align;

import dev.juror.workspace.align.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A round's numbers as the panel's tables and list show them (text only, so the view stays thin). */
public final class AlignRows {

    /**
     * One candidate on the validation split; {@code status} is chosen, judged or "rejected: why".
     *
     * @param kappaLower the lower bound of the kappa interval per dimension, as text (absent: not judged)
     */
    public record CandidateRow(String id, String origin, String description, Map<String, String> kappaLower,
                               String status) {

        /** The lower bound on one dimension, or empty. */
        public String lower(String dimension) {
            return kappaLower.getOrDefault(dimension, "");
        }
    }

    /** The chosen candidate against the baseline on the test split, one dimension. */
    public record DimensionRow(String dimension, String items, String baseline, String chosen, String difference,
                               String ceiling) {
    }

    /** A past round, as {@code juror align list} shows it. */
    public record RoundLine(Experiment round) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "#%d %s: %s (%d candidates, %d calls, test used %d×)", round.id(),
                    round.rubric(), round.chosen().isEmpty() ? "baseline kept" : round.chosen() + " → "
                    + round.newVersion(), round.candidates().size(), round.calls(), round.testUses());
        }
    }

    private AlignRows() {
    }

    static List<CandidateRow> candidates(Experiment round) {
        List<CandidateRow> rows = new ArrayList<>();
        for (Experiment.CandidateRecord c : round.candidates()) {
            String status = !c.rejection().isEmpty() ? "rejected: " + c.rejection()
                    : c.id().equals(round.chosen()) ? "chosen" : c.id().equals("baseline") ? "baseline" : "judged";
            Map<String, String> lower = new java.util.LinkedHashMap<>();
            c.kappaLower().forEach((d, v) -> lower.put(d, num(v)));
            rows.add(new CandidateRow(c.id(), c.origin(), c.description(), lower, status));
        }
        return rows;
    }

    static List<DimensionRow> comparison(Experiment round) {
        return round.test().stream().map(d -> new DimensionRow(d.dimension(), Integer.toString(d.items()),
                num(d.baselineKappa()), num(d.kappa()) + ci(d.kappaLow(), d.kappaHigh()),
                signed(d.difference()) + ci(d.differenceLow(), d.differenceHigh()),
                num(d.ceilingKappa()) + ci(d.ceilingLow(), d.ceilingHigh()))).toList();
    }

    /** One line saying what the round did. */
    static String summary(Experiment round) {
        String head = "Round " + round.id() + " of " + round.rubric() + " (" + round.provider() + " " + round.model()
                + ", baseline run " + round.baselineRun() + "): " + round.calls() + " calls, "
                + (round.costEstimate() == null ? "cost unknown"
                : String.format(Locale.ROOT, "estimated %.4f %s", round.costEstimate(), round.currency())) + ". ";
        String test = "Test split judged " + round.testUses() + (round.testUses() == 1 ? " time." : " times.");
        return head + (round.chosen().isEmpty()
                ? "No candidate ranked above the baseline on the validation split: no new version, test split untouched."
                : "Chosen: " + round.chosen() + ", new version " + round.newVersion() + ". " + test);
    }

    /** The dimensions the candidates were scored on, in the rubric's order (the baseline's first). */
    static List<String> dimensions(Experiment round) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        round.candidates().forEach(c -> names.addAll(c.kappaLower().keySet()));
        return List.copyOf(names);
    }

    static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String ci(Double low, Double high) {
        return low == null || high == null ? "" : " [" + num(low) + ", " + num(high) + "]";
    }
}
