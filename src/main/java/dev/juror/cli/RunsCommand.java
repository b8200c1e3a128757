package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror runs}: the workspace's judge runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the judge runs of a workspace, newest first.")
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<StoredJudgeRun> runs;
        try (Workspace opened = workspace.open()) {
            runs = new WorkspaceLookups(opened).runs();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(runs.stream().map(RunJson::summary).toList()));
        } else if (runs.isEmpty()) {
            out.println("no judge runs yet; start one with juror judge --rubric FILE --provider heuristic");
        } else {
            out.printf("%-5s %-28s %-28s %-10s %-40s %-9s %s%n", "id", "status", "rubric@version", "provider", "model",
                    "results", "ok");
            for (StoredJudgeRun run : runs) {
                out.printf("%-5d %-28s %-28s %-10s %-40s %-9s %d%n", run.id(), run.statusText(),
                        run.rubricName() + "@" + run.rubricVersion(), run.provider(), run.model(),
                        run.results() + "/" + run.expectedResults(), run.statusCounts().getOrDefault("ok", 0));
            }
        }
        out.flush();
        return CliRunner.OK;
    }
}
