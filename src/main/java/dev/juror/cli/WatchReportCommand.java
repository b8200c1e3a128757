package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.io.AtomicFiles;
import dev.juror.store.StoreException;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.WatchReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror watch report --run NAME}: the detectors over a training run. Exit 3 when any alarm
 * fired, so a pipeline can stop the job.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Run the reward-hacking detectors over a training run and report: alarms (step, evidence,",
                "example rollouts), a summary per step, what could not be judged. Exit 3 when any alarm fired."})
public final class WatchReportCommand implements Callable<Integer> {

    /** Exit code when an alarm fired. */
    public static final int ALARM = 3;

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The training run.")
    String run;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts.")
    Path html;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WatchReport report;
        try (Workspace opened = workspace.open()) {
            report = new WatchReports(opened).report(run);
        } catch (WatchInputException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (StoreException e) {
            throw new UserInputException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            try {
                AtomicFiles.write(html, WatchReportHtml.page(report));
            } catch (IOException e) {
                throw new UserInputException("--html " + html + ": cannot write: " + e.getMessage(), e);
            }
        }
        if (json) {
            out.println(ReportJson.write(WatchReportJson.of(report)));
        } else {
            WatchReportText.print(out, report);
            if (html != null) {
                out.println("Wrote " + html);
            }
        }
        out.flush();
        return report.alarmed() ? ALARM : CliRunner.OK;
    }
}
