package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.store.Workspace;
import dev.juror.workspace.watch.WatchRuns;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror watch runs}: the training runs of the workspace. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the training runs: bundle, records, steps, how records were placed on steps.")
public final class WatchRunsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the runs as a JSON array.")
    boolean json;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    record RunJson(String name, String bundle, Integer calls_per_step, String placement, long records,
                   Integer first_step, Integer last_step, int metric_steps) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<WatchRuns.RunLine> runs;
        try (Workspace opened = workspace.open()) {
            runs = new WatchRuns(opened).list();
        }
        if (json) {
            out.println(ReportJson.write(runs.stream().map(l -> new RunJson(l.run().name(), l.run().bundle().orElse(null),
                    l.run().callsPerStep().isPresent() ? l.run().callsPerStep().getAsInt() : null, l.run().placement(),
                    l.stats().records(), l.stats().firstStep().isPresent() ? l.stats().firstStep().getAsInt() : null,
                    l.stats().lastStep().isPresent() ? l.stats().lastStep().getAsInt() : null,
                    l.stats().metricSteps())).toList()));
        } else if (runs.isEmpty()) {
            out.println("No training runs yet: juror watch import --run NAME FILE...");
        } else {
            for (WatchRuns.RunLine l : runs) {
                out.println(l.run().name() + ": " + l.stats().records() + " reward records"
                        + l.stats().firstStep().stream().mapToObj(f -> ", steps " + f + "-"
                        + l.stats().lastStep().getAsInt()).findFirst().orElse("")
                        + ", placed by " + l.run().placement() + ", " + l.stats().metricSteps()
                        + " steps of training metrics, bundle " + l.run().bundle().orElse("(none yet)"));
            }
        }
        out.flush();
        return CliRunner.OK;
    }
}
