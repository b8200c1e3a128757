package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredQueue;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.queues.LabellerProgress;
import dev.juror.workspace.queues.ReviewQueues;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code juror queue show NAME [--json]}: a queue, each labeller's progress and assigned rollouts. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a review queue: how it was chosen, each labeller's progress and assigned rollouts.")
public final class QueueShowCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue's name.")
    String name;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StoredQueue queue;
        List<LabellerProgress> progress;
        Map<Long, RolloutRepository.Summary> rollouts;
        try (Workspace opened = workspace.open()) {
            ReviewQueues queues = new ReviewQueues(opened);
            queue = queues.find(name).orElseThrow(() -> new UserInputException(notFound(queues.all())));
            progress = queues.progress(queue);
            rollouts = new WorkspaceLookups(opened).rolloutSummaries().stream()
                    .collect(Collectors.toMap(RolloutRepository.Summary::rolloutId, Function.identity()));
        }
        QueueJson shown = QueueJson.of(queue, progress, rollouts);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        } else {
            out.println("queue " + queue.name() + ": " + QueueJson.how(queue) + "; " + queue.targetCount()
                    + " per labeller, overlap " + queue.overlap() + "; created by " + queue.createdBy() + " on "
                    + queue.createdAt().truncatedTo(ChronoUnit.SECONDS));
            out.println("progress: " + QueueJson.progressLine(progress));
            shown.items().forEach((labeller, items) -> out.println(labeller + ": " + String.join(", ",
                    items.stream().map(i -> i.sample() + " #" + i.rollout()).toList())));
        }
        out.flush();
        return CliRunner.OK;
    }

    private String notFound(List<StoredQueue> all) {
        return "there is no queue named " + name + (all.isEmpty() ? "; there are no queues yet (juror queue create)."
                : "; the queues are: " + all.stream().map(StoredQueue::name).collect(Collectors.joining(", ")) + ".");
    }
}
