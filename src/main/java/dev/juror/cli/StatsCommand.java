package dev.juror.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceStats;
import dev.juror.workspace.WorkspaceLookups;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code juror stats}: what a workspace holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count the samples, rollouts, comments and documents in a workspace, and its size on disk.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        WorkspaceStats stats;
        try (Workspace opened = workspace.open()) {
            stats = new WorkspaceLookups(opened).stats();
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("workspace", stats.workspace().toString());
        values.put("samples", stats.samples());
        values.put("rollouts", stats.rollouts());
        values.put("comments", stats.comments());
        values.put("documents", stats.documents());
        values.put("document_bytes", stats.documentBytes());
        values.put("database_bytes", stats.databaseBytes());
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(values));
        } else {
            values.forEach((key, value) -> out.printf("%-15s %s%n", key, value));
        }
        out.flush();
        return CliRunner.OK;
    }
}
