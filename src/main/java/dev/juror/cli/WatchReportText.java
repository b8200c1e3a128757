package dev.juror.cli;

import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.StepSummary;
import dev.juror.watch.detect.WatchReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text of {@code juror watch report}: alarms first (what a person must act on), then the steps in brief. */
final class WatchReportText {

    /** Step lines shown: the first, the last, evenly spaced ones between and every alarm's (the JSON has every step). */
    static final int STEP_LINES = 12;

    private WatchReportText() {
    }

    /** "accuracy 0.71 [0.60, 0.80], grounding ..." */
    private static String kappas(CheckpointAgreement c) {
        List<String> parts = new java.util.ArrayList<>();
        c.agreement().forEach((dim, k) -> parts.add(String.format(Locale.ROOT, "%s %.2f [%.2f, %.2f]", dim, k,
                c.lower().getOrDefault(dim, Double.NaN), c.upper().getOrDefault(dim, Double.NaN))));
        return String.join(", ", parts);
    }

    static void print(PrintWriter out, WatchReport r) {
        long records = r.steps().stream().mapToLong(StepSummary::records).sum();
        out.println("Training run " + r.run() + ": " + records + " reward records over " + r.steps().size()
                + " steps" + (r.steps().isEmpty() ? "" : " (" + r.steps().get(0).step() + "-"
                + r.steps().get(r.steps().size() - 1).step() + ")") + ", placed by " + r.placement().wire());
        out.println();
        if (r.alarms().isEmpty()) {
            out.println("No alarm.");
        } else {
            out.println(r.alarms().size() + (r.alarms().size() == 1 ? " alarm:" : " alarms:"));
            for (Alarm a : r.alarms()) {
                out.println("  step " + a.step() + "  " + a.detector() + ": " + a.evidence());
                if (!a.examples().isEmpty()) {
                    out.println("      examples: " + String.join(", ", a.examples()));
                }
            }
        }
        out.println();
        if (!r.steps().isEmpty()) {
            out.println(String.format(Locale.ROOT, "%7s %7s %7s %7s %7s %8s %8s %8s %7s", "step", "records", "reward",
                    "min", "max", "length", "comments", "fallback", "shift"));
            List<StepSummary> steps = r.steps();
            java.util.SortedSet<Integer> lines = new java.util.TreeSet<>();
            int even = Math.min(STEP_LINES, steps.size());
            for (int k = 0; k < even; k++) {
                lines.add(even == 1 ? 0 : (int) Math.round(k * (steps.size() - 1) / (double) (even - 1)));
            }
            java.util.Set<Integer> alarmed = new java.util.HashSet<>();
            r.alarms().forEach(a -> alarmed.add(a.step()));
            for (int i = 0; i < steps.size(); i++) {
                if (alarmed.contains(steps.get(i).step())) {
                    lines.add(i);
                }
            }
            int shown = lines.size();
            for (int i : lines) {
                StepSummary s = steps.get(i);
                out.println(String.format(Locale.ROOT, "%7d %7d %7.3f %7.3f %7.3f %8.0f %8.2f %7.1f%% %7s%s", s.step(),
                        s.records(), s.rewardMean(), s.rewardMin(), s.rewardMax(), s.lengthMean(), s.commentsMean(),
                        100 * s.fallbackRate(), Double.isNaN(s.scoreShift()) ? "-" : String.format(Locale.ROOT, "%.3f",
                                s.scoreShift()), alarmed.contains(s.step()) ? "  <- alarm" : ""));
            }
            if (steps.size() > shown) {
                out.println("  (" + shown + " of " + steps.size() + " steps; --json or --html for every step)");
            }
        }
        for (CheckpointAgreement c : r.checkpoints()) {
            out.println("checkpoint " + c.checkpoint() + " (step " + c.step() + "): " + (c.labelled() == 0
                    ? "no labelled rollout yet" : c.labelled() + " labelled rollouts, kappa " + kappas(c)
                    + String.format(Locale.ROOT, "; judge mean %.3f, experts %.3f", c.judgeMean(), c.expertMean())));
        }
        if (!r.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            r.notes().forEach(n -> out.println("  " + n));
        }
    }
}
