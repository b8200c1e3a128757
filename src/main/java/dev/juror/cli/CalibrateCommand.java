package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.JudgeDimension;
import dev.juror.io.AtomicFiles;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.store.Workspace;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror calibrate --rubric FILE [--run ID ...] [--anchors NAME] [--json] [--html OUT]}. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Judge vs humans per rubric dimension, beside human vs human, with bootstrap intervals;",
                "leave-one-annotator-out, repeat consistency, cross-judge, sample score, disagreements,",
                "model comparison, and drift when two or more runs are given",
                "(on a frozen anchor set with --anchors). A pairwise rubric: agreement on preferences",
                "(A/B/tie) and the judge's position consistency, a pairwise section per run in --json."})
public final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--rubric", required = true, paramLabel = "FILE", description = "The rubric YAML file.")
    Path rubricFile;

    @Option(names = "--run", paramLabel = "ID", description = "A judge run to calibrate (repeatable): 7 or run-7.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--anchors", paramLabel = "NAME",
            description = "Measure drift on this frozen anchor set (juror anchors freeze) instead of the current labels.")
    String anchors;

    @Option(names = "--json", description = "Print the machine-readable report.")
    boolean json;

    @Option(names = "--html", paramLabel = "OUT", description = "Write the self-contained HTML report here.")
    Path html;

    @Mixin
    FailedResultsOption failedResults;

    @Mixin
    LabelChoiceOptions labels;

    @Mixin
    BootstrapOptions bootstrap;

    @Option(names = "--k", paramLabel = "K", defaultValue = "2", description = "k of best-of-k in the model comparison (default 2).")
    int k;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (k < 1) {
            throw new UserInputException("--k must be at least 1, was " + k);
        }
        PrintWriter out = spec.commandLine().getOut();
        Rubric rubric = CalibrationSetup.anyRubric(rubricFile, spec.commandLine().getErr());
        BootstrapConfig config = bootstrap.config();
        if (rubric.mode() == Mode.PAIRWISE) {
            try (Workspace opened = workspace.open()) {
                return PairwiseCalibrateRun.call(opened, rubric, runs, config, labels.choice(), failedResults.allowed(),
                        anchors != null || html != null, json, out);
            }
        }
        WorkspaceCalibration.Result r;
        try (Workspace opened = workspace.open()) {
            WorkspaceCalibration calibration = new WorkspaceCalibration(opened);
            r = CalibrationSetup.run(opened, calibration, rubric, runs, config, k, anchors, failedResults.allowed(),
                    labels.choice());
            if (r.drift() != null) {
                calibration.recordAlerts(rubric.name(), r.drift().alerts());
            }
        }
        if (html != null) {
            AtomicFiles.write(html, r.html(List.of()));
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("reference", r.reference().label());
            doc.put("calibration", r.report());
            doc.put("model_comparison", r.models());
            doc.put("drift", r.drift());
            doc.put("notes", r.notes());
            doc.put("label_sources", r.labelSources());
            doc.put("missed_issues", r.missedIssues());
            out.println(ReportJson.write(doc));
        } else {
            printSummary(out, r);
            if (html != null) {
                out.println("HTML report: " + html);
            }
        }
        out.flush();
        return CliRunner.OK;
    }

    static void printSummary(PrintWriter out, WorkspaceCalibration.Result r) {
        var report = r.report();
        out.println(report.rubric() + " (version " + report.rubricVersion() + "): " + report.humanLabels()
                + " human labels from " + String.join(", ", report.humans()) + "; " + report.runs().size() + " judge run(s)");
        r.notes().forEach(n -> out.println("note: " + n));
        for (DimensionCalibration d : report.dimensions()) {
            out.println(d.dimension());
            out.println("  human vs human   n=" + d.humanCeiling().doublyCovered() + "  kappa_quadratic "
                    + Text.withCi(d.humanCeiling().agreement().kappaQuadratic()) + "  alpha_ordinal "
                    + Text.est(d.humanCeiling().alphaOrdinal()));
            for (JudgeDimension j : d.judges()) {
                out.println("  " + j.run() + " vs humans  n=" + j.vsHumans().items() + "  kappa_quadratic "
                        + Text.withCi(j.vsHumans().kappaQuadratic()) + "  exact " + Text.est(j.vsHumans().stat("exact").estimate())
                        + "  bias " + Text.est(j.vsHumans().stat("bias").estimate()));
                out.println("    leave-one-annotator-out mean difference " + Text.withCi(j.loao().meanDifference())
                        + "; flip rate " + Text.est(j.consistency().flipRate()));
            }
        }
        report.runs().forEach(run -> out.println(run.id() + ": " + run.disagreementCount()
                + " disagreements; sample score MAE vs humans " + Text.withCi(run.sampleScore().mae())));
        if (r.drift() != null) {
            r.drift().alerts().forEach(a -> out.println("drift: " + a.summary()));
        }
    }
}
