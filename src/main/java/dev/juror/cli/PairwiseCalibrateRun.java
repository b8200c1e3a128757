package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.verdict.Condition;
import dev.juror.calibration.views.PairwiseDimension;
import dev.juror.calibration.views.PreferenceAgreement;
import dev.juror.rubric.Rubric;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.calibration.LabelChoice;
import dev.juror.workspace.calibration.PairwiseWorkspaceCalibration;
import dev.juror.workspace.calibration.Reference;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code juror calibrate} for a pairwise rubric: checks the options that apply, calibrates through
 * {@link PairwiseWorkspaceCalibration}, and prints the summary or the JSON (a {@code pairwise}
 * section per run).
 */
final class PairwiseCalibrateRun {

    private PairwiseCalibrateRun() {
    }

    static int call(Workspace workspace, Rubric rubric, List<String> runIds, BootstrapConfig config, LabelChoice labels,
                    boolean allowFailedResults, boolean anchorsOrHtml, boolean json, PrintWriter out) {
        if (anchorsOrHtml) {
            throw new UserInputException("--anchors and --html do not apply to pairwise rubric " + rubric.name()
                    + " yet; leave them out (use --json for the full report)");
        }
        if (labels.reference() != Reference.EACH) {
            throw new UserInputException("--reference " + labels.reference().label() + " does not apply to pairwise rubric "
                    + rubric.name() + "; the judge is measured against each labeller's preference (--reference each)");
        }
        if (runIds.isEmpty()) {
            throw new UserInputException("--run: pairwise rubric " + rubric.name() + " needs a pairwise judge run to"
                    + " calibrate; list the runs with juror runs");
        }
        WorkspaceCalibration lookup = new WorkspaceCalibration(workspace);
        List<StoredJudgeRun> runs = new ArrayList<>();
        for (String text : runIds) {
            StoredJudgeRun run = lookup.findRun(text).orElseThrow(() -> new UserInputException(
                    "--run " + text + ": no such judge run in " + workspace.directory() + "; list the runs with juror runs"));
            if (!run.rubricName().equals(rubric.name())) {
                throw new UserInputException("--run " + text + " judged rubric " + run.rubricName() + ", not " + rubric.name());
            }
            if (!run.pairwise()) {
                throw new UserInputException("--run " + text + " is not a pairwise run; judge the pairs with juror judge");
            }
            if (run.hasUnresolvedFailures() && !allowFailedResults) {
                throw new UserInputException("--run " + text + ": " + run.unresolvedFailuresSentence()
                        + "; judge them again or accept the run with its failures left out (--allow-failed-results)");
            }
            runs.add(run);
        }
        PairwiseWorkspaceCalibration.Result r = new PairwiseWorkspaceCalibration(workspace)
                .run(rubric, runs, config, labels.includeUnblinded());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("rubric", r.rubric());
            doc.put("rubric_version", r.rubricVersion());
            doc.put("mode", "pairwise");
            doc.put("human_preferences", r.preferences());
            doc.put("humans", r.humans());
            doc.put("pairwise", r.runs());
            doc.put("notes", r.notes());
            out.println(ReportJson.write(doc));
        } else {
            print(out, r);
        }
        out.flush();
        return CliRunner.OK;
    }

    private static void print(PrintWriter out, PairwiseWorkspaceCalibration.Result r) {
        out.println(r.rubric() + " (pairwise, version " + r.rubricVersion() + "): " + r.preferences()
                + " human preferences from " + (r.humans().isEmpty() ? "nobody" : String.join(", ", r.humans())));
        r.notes().forEach(n -> out.println("note: " + n));
        for (PairwiseWorkspaceCalibration.RunReport run : r.runs()) {
            out.println(run.run() + " (" + run.pairs() + " pairs): " + PairwiseRunText.consistencyLine(run.positionConsistency()));
            for (PairwiseDimension d : run.dimensions()) {
                out.println("  " + d.dimension());
                out.println("    human vs human  " + line(d.humanVsHuman()));
                out.println("    judge vs humans " + line(d.judgeVsHumans()));
                out.println("    position consistency " + Text.est(d.positionConsistency().consistency()) + " on "
                        + d.positionConsistency().pairs() + " pairs");
            }
            out.println("  verdict conditions: " + (run.validated() ? "all pass" : "not all pass"));
            for (Condition c : run.conditions()) {
                out.println("    " + c.summary());
            }
        }
    }

    private static String line(PreferenceAgreement a) {
        return "n=" + a.items() + "  kappa " + Text.withCi(a.kappa()) + "  exact " + Text.est(a.exact().estimate())
                + "  accuracy without ties " + Text.est(a.accuracyExcludingTies().estimate()) + " (n=" + a.decisive() + ")";
    }
}
