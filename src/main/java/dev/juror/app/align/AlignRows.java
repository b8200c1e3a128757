package dev.juror.app.align;

import dev.juror.workspace.align.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A round's numbers as the panel's tables and list show them (text only, so the view stays thin). */
public final class AlignRows {

    /** One candidate on the validation split; {@code status} is chosen, judged or "rejected: why". */
    public record CandidateRow(String id, String origin, String description, String kappaLower, String status) {
    }

    /** The chosen candidate against the baseline on the test split, one dimension. */
    public record DimensionRow(String dimension, String items, String baseline, String chosen, String difference,
                               String ceiling) {
    }

    /** A past round, as {@code juror align list} shows it. */
    public record RoundLine(Experiment round) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "#%d  %s  %s, %d candidates, %d calls, test used %d×%s", round.id(),
                    round.rubric(), round.chosen().isEmpty() ? "baseline kept" : "chose " + round.chosen(),
                    round.candidates().size(), round.calls(), round.testUses(),
                    round.newVersion().isEmpty() ? "" : ", new version " + round.newVersion());
        }
    }

    private AlignRows() {
    }

    static List<CandidateRow> candidates(Experiment round) {
        List<CandidateRow> rows = new ArrayList<>();
        for (Experiment.CandidateRecord c : round.candidates()) {
            String status = !c.rejection().isEmpty() ? "rejected: " + c.rejection()
                    : c.id().equals(round.chosen()) ? "chosen" : c.id().equals("baseline") ? "baseline" : "judged";
            rows.add(new CandidateRow(c.id(), c.origin(), c.description(), perDimension(c.kappaLower()), status));
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

    static String perDimension(Map<String, Double> values) {
        if (values.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        values.forEach((d, v) -> parts.add(d + " " + num(v)));
        return String.join(", ", parts);
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
