package dev.juror.workspace.align;

import java.util.Locale;

/** The round's report as Markdown ({@code report.md} beside the new rubric): what a reviewer reads. */
public final class AlignReport {

    private AlignReport() {
    }

    public static String markdown(Experiment e) {
        StringBuilder s = new StringBuilder();
        s.append("# Alignment ").append(e.id()).append(" of rubric ").append(e.rubric()).append("\n\n");
        s.append("Baseline version ").append(e.baselineVersion()).append(" (run ").append(e.baselineRun())
                .append("), judge ").append(e.provider()).append(' ').append(e.model()).append(", ")
                .append(e.createdAt()).append(".\n\n");
        s.append("Split (seed ").append(e.split().seed()).append(", by sample): train ").append(e.split().train().size())
                .append(" samples / ").append(e.split().trainItems()).append(" items, validation ")
                .append(e.split().validation().size()).append(" / ").append(e.split().validationItems())
                .append(", test ").append(e.split().test().size()).append(" / ").append(e.split().testItems())
                .append(". Test split judged ").append(e.testUses()).append(" time").append(e.testUses() == 1 ? "" : "s")
                .append(" so far.\n\n");
        s.append("## Candidates on the validation split\n\n");
        s.append("Ranked by the lowest per-dimension lower bound of the quadratic weighted kappa interval.\n\n");
        s.append("| candidate | origin | what it changes | kappa (lower bound) per dimension | calls | status |\n");
        s.append("|---|---|---|---|---|---|\n");
        for (Experiment.CandidateRecord c : e.candidates()) {
            StringBuilder k = new StringBuilder();
            c.kappa().forEach((d, v) -> k.append(d).append(' ').append(num(v)).append(" (")
                    .append(num(c.kappaLower().get(d))).append(") "));
            s.append("| ").append(c.id()).append(" | ").append(c.origin()).append(" | ").append(cell(c.description()))
                    .append(" | ").append(k.toString().trim()).append(" | ").append(c.calls()).append(" | ")
                    .append(c.rejection().isEmpty() ? (c.id().equals(e.chosen()) ? "chosen" : "judged")
                            : "rejected: " + cell(c.rejection())).append(" |\n");
        }
        s.append("\n");
        if (e.chosen().isEmpty()) {
            s.append("No candidate ranked above the baseline: no new version.\n\n");
        } else {
            s.append("## ").append(e.chosen()).append(" on the test split (run ").append(e.testRun()).append(")\n\n");
            s.append("New version ").append(e.newVersion()).append(": `").append(e.rubricFile()).append("`.\n\n");
            s.append("Kappa and baseline kappa: judge vs every labeller on the test items (as juror calibrate gives"
                    + " them); difference: new minus baseline, both against the experts' median label, paired bootstrap"
                    + " over the same items; human ceiling: labeller vs labeller on every doubly-labelled item.\n\n");
            s.append("| dimension | items | kappa [CI] | baseline kappa | difference [paired CI] | human ceiling [CI] |\n");
            s.append("|---|---|---|---|---|---|\n");
            for (Experiment.DimensionResult d : e.test()) {
                s.append("| ").append(d.dimension()).append(" | ").append(d.items()).append(" | ")
                        .append(num(d.kappa())).append(ci(d.kappaLow(), d.kappaHigh())).append(" | ")
                        .append(num(d.baselineKappa())).append(" | ").append(num(d.difference()))
                        .append(ci(d.differenceLow(), d.differenceHigh())).append(" | ").append(num(d.ceilingKappa()))
                        .append(ci(d.ceilingLow(), d.ceilingHigh())).append(" |\n");
            }
            s.append("\n");
        }
        s.append("Calls ").append(e.calls()).append(", tokens in ").append(e.inputTokens()).append(" out ")
                .append(e.outputTokens()).append(", estimated cost ")
                .append(e.costEstimate() == null ? "unknown" : String.format(Locale.ROOT, "%.4f %s", e.costEstimate(),
                        e.currency())).append(".\n");
        e.notes().forEach(n -> s.append("\n- ").append(n));
        return s.append("\n").toString();
    }

    static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ci(Double low, Double high) {
        return low == null || high == null ? "" : " [" + num(low) + ", " + num(high) + "]";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
