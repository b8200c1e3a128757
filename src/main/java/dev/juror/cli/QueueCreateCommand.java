package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.StoredQueue;
import dev.juror.store.Workspace;
import dev.juror.workspace.queues.LabellerProgress;
import dev.juror.workspace.queues.QueueRequest;
import dev.juror.workspace.queues.QueueRequestException;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror queue create}: chooses rollouts by a strategy, hands them to labellers and stores the queue. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a review queue: rollouts chosen by a strategy, handed to each labeller.",
                "Strategies: stratified (equal numbers per judge score band of --run), disagreement (largest",
                "judge-vs-labeller gap of --run first), uncertain (the judge's repeats in --run disagree),",
                "fresh (a random sample of rollouts nobody has labelled), checkpoint (per metadata.checkpoint).",
                "The queue is stored fixed: the same rollouts stay assigned however the workspace changes."})
public final class QueueCreateCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The queue's name (unique).")
    String name;

    @Option(names = "--strategy", required = true, paramLabel = "S",
            description = "stratified, disagreement, uncertain, fresh or checkpoint.")
    String strategy;

    @Option(names = "--run", paramLabel = "ID", description = "The judge run (stratified, disagreement, uncertain).")
    Long run;

    @Option(names = "--count", paramLabel = "N", defaultValue = "20",
            description = "Rollouts per labeller (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--overlap", paramLabel = "K", defaultValue = "1",
            description = "Labellers per rollout, 1 to the number of labellers (default: ${DEFAULT-VALUE}).")
    int overlap;

    @Option(names = "--labellers", paramLabel = "A,B,C",
            description = "Who labels, comma-separated (default: your account name).")
    String labellers;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random draw (default: a new one, recorded).")
    Long seed;

    @Option(names = "--checkpoint", paramLabel = "C",
            description = "checkpoint only: this checkpoint's rollouts (default: each checkpoint in equal numbers).")
    String checkpoint;

    @Option(names = "--bands", paramLabel = "1-2,3,4-5",
            description = "stratified only: the score bands (default: each whole score its own band).")
    String bands;

    @Option(names = "--json", description = "Print the queue as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        QueueStrategy chosen = QueueStrategy.byId(strategy).orElseThrow(() -> new UserInputException(
                "--strategy: " + strategy + " is not a strategy; choose one of " + QueueStrategy.ids() + "."));
        if (bands != null && chosen != QueueStrategy.STRATIFIED) {
            throw new UserInputException("--bands: the " + chosen + " strategy has no score bands; only stratified does.");
        }
        String me = accountName();
        List<String> names = labellers == null ? List.of(me) : Arrays.asList(labellers.split(","));
        QueueRequest request = new QueueRequest(name, chosen, run == null ? OptionalLong.empty() : OptionalLong.of(run),
                count, overlap, names, seed == null ? OptionalLong.empty() : OptionalLong.of(seed), checkpoint, bands, me);
        StoredQueue queue;
        List<LabellerProgress> progress;
        try (Workspace opened = workspace.open()) {
            ReviewQueues queues = new ReviewQueues(opened);
            try {
                queue = queues.create(request);
            } catch (QueueRequestException e) {
                throw new UserInputException(optionOf(e.field()) + ": " + e.getMessage(), e);
            }
            progress = queues.progress(queue);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(QueueJson.of(queue, progress, null)));
        } else {
            out.println("Created queue " + queue.name() + " (" + QueueJson.how(queue) + "): "
                    + queue.rollouts().size() + " rollouts, overlap " + queue.overlap());
            for (LabellerProgress p : progress) {
                out.println("  " + p.labeller() + "  " + p.assigned() + " rollouts");
            }
            if (progress.stream().anyMatch(p -> p.assigned() < queue.targetCount())) {
                spec.commandLine().getErr().println("note: only " + queue.rollouts().size() + " rollouts fit the "
                        + queue.strategy() + " strategy, so some labellers have fewer than " + queue.targetCount());
                spec.commandLine().getErr().flush();
            }
        }
        out.flush();
        return CliRunner.OK;
    }

    static String optionOf(QueueRequestException.Field field) {
        return switch (field) {
            case NAME -> "--name";
            case STRATEGY -> "--strategy";
            case RUN -> "--run";
            case COUNT -> "--count";
            case OVERLAP -> "--overlap";
            case LABELLERS -> "--labellers";
            case CHECKPOINT -> "--checkpoint";
            case BANDS -> "--bands";
        };
    }

    private static String accountName() {
        String account = System.getProperty("user.name", "");
        return account.isBlank() ? "unknown" : account.strip();
    }
}
