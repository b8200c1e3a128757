package dev.juror.workspace.watch;

import dev.juror.dataset.ImportBatch;
import dev.juror.store.Repositories;
import dev.juror.store.StoredQueue;
import dev.juror.store.TrainingCheckpoint;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import dev.juror.workspace.queues.QueueRequest;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code juror watch import --checkpoint C --step S FILE} and the storing half of {@code juror watch
 * sample}: a checkpoint's rollouts into the workspace, tagged with the checkpoint, its step and the
 * training run ({@code metadata.checkpoint}, {@code metadata.step}, {@code metadata.training_run}),
 * the checkpoint bound to its run and step (V16), and optionally its review queue. The import is
 * {@link Importer}'s, one transaction, so importing the same file again adds nothing.
 */
public final class CheckpointRollouts {

    /** The longest checkpoint name (the V16 column). */
    public static final int MAX_NAME = 200;

    /**
     * A review queue to create for the checkpoint.
     *
     * @param labellers who labels (at least one)
     * @param count     rollouts per labeller
     * @param overlap   labellers per rollout
     */
    public record QueuePlan(List<String> labellers, int count, int overlap, String createdBy) {
        public QueuePlan {
            labellers = List.copyOf(labellers);
        }
    }

    /**
     * What an import did.
     *
     * @param checkpoint the binding; empty when a refused import left the checkpoint unknown
     * @param rollouts  the checkpoint's rollouts in the workspace after the import
     * @param queue     the queue created now; empty when none was asked for or it existed
     * @param queueNote what became of the queue, or the command that creates it ("" when refused)
     */
    public record Outcome(Optional<TrainingCheckpoint> checkpoint, ImportResult result, int rollouts,
                          Optional<StoredQueue> queue, String queueNote) {
    }

    private final Repositories repositories;
    private final Importer importer;

    public CheckpointRollouts(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public CheckpointRollouts(Workspace workspace, Clock clock) {
        this.repositories = Repositories.of(Objects.requireNonNull(workspace, "workspace"), clock);
        this.importer = new Importer(workspace, clock);
    }

    /**
     * Refuses a checkpoint that cannot be bound to this run and step.
     *
     * @return the binding when the checkpoint is known already (same run and step)
     * @throws WatchInputException naming the option to change
     */
    public Optional<TrainingCheckpoint> check(String run, String checkpoint, int step) {
        if (run == null || run.isBlank()) {
            throw new WatchInputException("--run: give the training run's name");
        }
        if (checkpoint == null || checkpoint.isBlank()) {
            throw new WatchInputException("--checkpoint: give the checkpoint's name (e.g. step-200)");
        }
        if (checkpoint.length() > MAX_NAME) {
            throw new WatchInputException("--checkpoint: the name is " + checkpoint.length()
                    + " characters long; the limit is " + MAX_NAME);
        }
        if (step < 0) {
            throw new WatchInputException("--step " + step + ": a training step is 0 (before training) or more");
        }
        Optional<TrainingCheckpoint> known = repositories.checkpoints().find(checkpoint);
        known.ifPresent(k -> {
            if (!k.run().equals(run)) {
                throw new WatchInputException("--checkpoint " + checkpoint + " belongs to training run " + k.run()
                        + " (step " + k.step() + "); checkpoint names are unique in a workspace, since the review"
                        + " desk's checkpoint queue selects rollouts by name: give this one another name");
            }
            if (k.step() != step) {
                throw new WatchInputException("--checkpoint " + checkpoint + " of run " + run + " was taken at step "
                        + k.step() + ", not " + step + "; give --step " + k.step() + " or another checkpoint name");
            }
        });
        return known;
    }

    /** Parses {@code --step}: a whole number, 0 or more. */
    public static int step(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new WatchInputException("--step " + text + ": not a whole number; give the training step the"
                    + " checkpoint was taken at (0, 1, 2, ...)");
        }
    }

    /**
     * Imports the batch's rollouts as the checkpoint's; a batch with bad lines is refused whole (nothing
     * stored, no binding) unless {@code options} says to skip them.
     */
    public Outcome importBatch(String run, String checkpoint, int step, ImportBatch batch, ImportOptions options,
                               Optional<QueuePlan> queue) {
        check(run, checkpoint, step);
        ImportBatch tagged = CheckpointTagging.tag(batch, run, checkpoint, step, repositories.samples()::find);
        ImportResult result = importer.importBatch(tagged, options);
        if (result.refused()) {
            return new Outcome(repositories.checkpoints().find(checkpoint), result, rollouts(checkpoint),
                    Optional.empty(), "");
        }
        TrainingCheckpoint bound = bind(run, checkpoint, step, Optional.empty());
        return withQueue(bound, result, queue);
    }

    /** Binds the checkpoint (after {@link #check}); {@code watch sample} binds before its first answer. */
    TrainingCheckpoint bind(String run, String checkpoint, int step, Optional<String> model) {
        return repositories.checkpoints().bind(run, checkpoint, step, model);
    }

    /** The checkpoint's rollouts in the workspace (by {@code metadata.checkpoint}, as the desk's queue reads them). */
    int rollouts(String checkpoint) {
        return (int) repositories.rollouts().metadataValues(CheckpointTagging.CHECKPOINT).values().stream()
                .filter(checkpoint::equals).count();
    }

    Outcome withQueue(TrainingCheckpoint bound, ImportResult result, Optional<QueuePlan> queue) {
        String name = queueName(bound);
        int rollouts = rollouts(bound.checkpoint());
        if (repositories.queues().find(name).isPresent()) {
            return new Outcome(Optional.of(bound), result, rollouts, Optional.empty(), "review queue " + name + " exists already"
                    + " (a queue is drawn once; create another with juror queue create --strategy checkpoint"
                    + " --checkpoint " + bound.checkpoint() + ")");
        }
        if (queue.isEmpty()) {
            return new Outcome(Optional.of(bound), result, rollouts, Optional.empty(), "experts label them blind in a review queue: "
                    + "juror queue create --name " + name + " --strategy checkpoint --checkpoint " + bound.checkpoint()
                    + " --labellers A,B --count 20");
        }
        QueuePlan plan = queue.get();
        StoredQueue created = new ReviewQueues(repositories).create(new QueueRequest(name, QueueStrategy.CHECKPOINT,
                OptionalLong.empty(), plan.count(), plan.overlap(), plan.labellers(), OptionalLong.empty(),
                bound.checkpoint(), "", plan.createdBy()));
        return new Outcome(Optional.of(bound), result, rollouts, Optional.of(created), "review queue " + name + " created: "
                + plan.count() + " rollouts for each of " + String.join(", ", plan.labellers()));
    }

    /** The checkpoint's queue: {@code <run>/<checkpoint>}. */
    public static String queueName(TrainingCheckpoint checkpoint) {
        return checkpoint.run() + "/" + checkpoint.checkpoint();
    }
}
