package dev.juror.app.calibration;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.views.PairwiseDimension;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.rubric.Rubric;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.calibration.PairwiseWorkspaceCalibration;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The dashboard for a pairwise rubric, kept small: the agreement figures per dimension (judge vs
 * humans and human vs human: kappa on A / B / tie with its interval, accuracy without ties) and the
 * judge's position consistency, as text in the dashboard's message line. The charts, verdict and
 * HTML report of pointwise rubrics are not drawn for it ({@code juror calibrate --json} has it all).
 */
final class PairwiseDashboard {

    private PairwiseDashboard() {
    }

    static void compute(BackgroundTasks tasks, Workspace open, Rubric rubric, List<Long> runIds, int resamples,
                        boolean includeUnblinded, StringProperty message, ObjectProperty<Dashboard> dashboard) {
        dashboard.set(null);
        message.set("Computing the pairwise calibration (bootstrap with " + resamples + " resamples) ...");
        tasks.run("Calibrating " + rubric.name(), progress -> {
            WorkspaceCalibration lookup = new WorkspaceCalibration(open);
            List<StoredJudgeRun> runs = new ArrayList<>();
            for (long id : runIds) {
                lookup.findRun(Long.toString(id)).filter(StoredJudgeRun::pairwise).ifPresent(runs::add);
            }
            if (runs.isEmpty()) {
                return "None of the chosen runs compared pairs: choose a pairwise judge run of " + rubric.name() + ".";
            }
            return summary(new PairwiseWorkspaceCalibration(open).run(rubric, runs,
                    BootstrapConfig.defaults(1).withResamples(resamples), includeUnblinded));
        }, message::set, failure -> message.set("Could not calibrate: " + failure.getMessage()));
    }

    static String summary(PairwiseWorkspaceCalibration.Result r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.preferences() + " human preferences from " + (r.humans().isEmpty() ? "nobody yet"
                : String.join(", ", r.humans())) + (r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")"));
        for (PairwiseWorkspaceCalibration.RunReport run : r.runs()) {
            var pc = run.positionConsistency();
            parts.add(run.run() + ": position consistency " + number(pc.consistency()) + " (" + pc.consistent() + " of "
                    + pc.pairs() + " pairs kept their winner when the order was swapped); "
                    + (run.validated() ? "every verdict condition passes" : "not every verdict condition passes"));
            for (PairwiseDimension d : run.dimensions()) {
                parts.add(d.dimension() + ": judge vs humans kappa " + withCi(d.judgeVsHumans().kappa())
                        + ", accuracy without ties " + number(d.judgeVsHumans().accuracyExcludingTies().estimate())
                        + " on " + d.judgeVsHumans().items() + " pairs; humans among themselves kappa "
                        + withCi(d.humanVsHuman().kappa()) + " on " + d.humanVsHuman().items() + " pairs");
            }
        }
        return String.join(".\n", parts) + ".";
    }

    private static String withCi(StatWithCi s) {
        return number(s.estimate()) + (s.lower().isDefined() ? " [" + number(s.lower()) + ", " + number(s.upper()) + "]" : "");
    }

    private static String number(Estimate e) {
        return e.isDefined() ? String.format(Locale.ROOT, "%.2f", e.value()) : "not measured";
    }
}
