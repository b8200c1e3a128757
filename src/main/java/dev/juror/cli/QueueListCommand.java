package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.StoredQueue;
import dev.juror.store.Workspace;
import dev.juror.workspace.queues.ReviewQueues;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror queue list [--json]}: the stored queues, oldest first, with each labeller's progress. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the review queues, oldest first, with how far each labeller is.")
public final class QueueListCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<QueueJson> queues = new ArrayList<>();
        try (Workspace opened = workspace.open()) {
            ReviewQueues service = new ReviewQueues(opened);
            for (StoredQueue q : service.all()) {
                queues.add(QueueJson.of(q, service.progress(q), null));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(queues));
        } else if (queues.isEmpty()) {
            out.println("no review queues yet; create one with juror queue create --name NAME --strategy S");
        } else {
            for (QueueJson q : queues) {
                out.println(q.name() + "  " + q.strategy() + (q.run() == null ? "" : " (run " + q.run() + ")")
                        + "  " + QueueJson.progressLine(q.progress()));
            }
        }
        out.flush();
        return CliRunner.OK;
    }
}
