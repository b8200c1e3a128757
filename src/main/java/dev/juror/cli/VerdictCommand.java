package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.verdict.Condition;
import dev.juror.calibration.verdict.Verdict;
import dev.juror.io.AtomicFiles;
import dev.juror.rubric.Rubric;
import dev.juror.store.Workspace;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror verdict --rubric FILE --run ID}: VALIDATED or NOT VALIDATED against the rubric's
 * thresholds, every failed condition with its numbers; stored with the rubric version and judge
 * model. Exit code 0 when validated, 3 when not (so a script can gate on it), 2 on bad input.
 */
@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = {"Decide whether a judge run is validated by the rubric's thresholds and store the verdict.",
                "Exit code: 0 VALIDATED, 3 NOT VALIDATED, 2 bad input (including a run with unresolved service",
                "failures, unless --allow-failed-results)."})
public final class VerdictCommand implements Callable<Integer> {

    public static final int NOT_VALIDATED = 3;

    @Option(names = "--rubric", required = true, paramLabel = "FILE", description = "The rubric YAML file.")
    Path rubricFile;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The judge run to decide on: 7 or run-7.")
    String run;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Option(names = "--html", paramLabel = "OUT", description = "Also write the HTML calibration report with the verdict.")
    Path html;

    @Mixin
    FailedResultsOption failedResults;

    @Mixin
    LabelChoiceOptions labels;

    @Mixin
    BootstrapOptions bootstrap;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Rubric rubric = CalibrationSetup.rubric(rubricFile, spec.commandLine().getErr());
        BootstrapConfig config = bootstrap.config();
        Verdict verdict;
        WorkspaceCalibration.Result r;
        try (Workspace opened = workspace.open()) {
            WorkspaceCalibration calibration = new WorkspaceCalibration(opened, Clock.systemUTC());
            r = CalibrationSetup.run(opened, calibration, rubric, List.of(run), config, 2, failedResults.allowed(),
                    labels.choice());
            verdict = calibration.decide(r, r.report().runs().get(0).id());
            calibration.record(verdict);
        }
        if (html != null) {
            AtomicFiles.write(html, r.html(List.of(verdict)));
        }
        if (json) {
            out.println(ReportJson.write(verdict));
        } else {
            out.println(verdict.status().label() + ": " + verdict.rubric() + " version " + verdict.rubricVersion()
                    + ", judge " + verdict.judgeModel() + ", " + verdict.run());
            r.notes().forEach(n -> out.println("note: " + n));
            for (Condition c : verdict.conditions()) {
                out.println("  " + c.summary());
            }
            if (html != null) {
                out.println("HTML report: " + html);
            }
        }
        out.flush();
        return verdict.validated() ? CliRunner.OK : NOT_VALIDATED;
    }
}
