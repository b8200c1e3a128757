package dev.juror.workspace.watch;

import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredQueue;
import dev.juror.store.TrainingRun;
import dev.juror.store.Workspace;
import dev.juror.watch.RunSeries;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the workbench's Training screen reads of a workspace: its training runs, one run's records
 * step by step, and the checkpoints its rollouts carry (to open them in the review desk).
 */
public final class TrainingRunReads {

    /** The rollout metadata field that holds a checkpoint's training step. */
    public static final String STEP_FIELD = "step";

    private final Repositories repositories;
    private final WatchRuns runs;

    public TrainingRunReads(Workspace workspace) {
        this.repositories = Repositories.of(workspace);
        this.runs = new WatchRuns(workspace);
    }

    /** Every training run with its numbers, oldest first (as {@code juror watch runs} lists them). */
    public List<WatchRuns.RunLine> runs() {
        return runs.list();
    }

    /** @throws IllegalArgumentException when the workspace has no run of that name */
    public RunSeries series(String run) {
        TrainingRun found = repositories.trainingRuns().find(run).orElseThrow(() -> new IllegalArgumentException(
                "There is no training run " + run + " in this workspace."));
        return repositories.trainingRuns().series(found);
    }

    /**
     * The checkpoints the workspace's rollouts carry, in the order they first appear. A checkpoint's
     * step is its rollouts' {@code metadata.step} when they agree on a whole number, else unknown.
     */
    public List<CheckpointRollouts> checkpoints() {
        Map<Long, String> checkpointOf = repositories.rollouts().metadataValues(ReviewQueues.CHECKPOINT_FIELD);
        if (checkpointOf.isEmpty()) {
            return List.of();
        }
        Map<Long, String> stepOf = repositories.rollouts().metadataValues(STEP_FIELD);
        Map<String, Builder> byName = new LinkedHashMap<>();
        for (RolloutRepository.Summary r : repositories.rollouts().summaries()) {
            String name = checkpointOf.get(r.rolloutId());
            if (name != null) {
                byName.computeIfAbsent(name, n -> new Builder(r)).add(stepOf.get(r.rolloutId()));
            }
        }
        List<StoredQueue> queues = repositories.queues().all().stream()
                .filter(q -> q.strategy().equals(QueueStrategy.CHECKPOINT.id())).toList();
        List<CheckpointRollouts> out = new ArrayList<>();
        byName.forEach((name, b) -> out.add(new CheckpointRollouts(name, b.step(), b.count, b.first.sampleId(),
                b.first.index(), queues.stream().filter(q -> q.checkpoint().equals(name)).toList())));
        return out;
    }

    /** One checkpoint's rollouts as they are read. */
    private static final class Builder {
        private final RolloutRepository.Summary first;
        private int count;
        private Integer step;
        private boolean stepsDiffer;

        Builder(RolloutRepository.Summary first) {
            this.first = first;
        }

        void add(String stepValue) {
            count++;
            Integer parsed = wholeNumber(stepValue);
            if (parsed == null || (step != null && !step.equals(parsed))) {
                stepsDiffer = true;
            } else {
                step = parsed;
            }
        }

        OptionalInt step() {
            return step == null || stepsDiffer ? OptionalInt.empty() : OptionalInt.of(step);
        }

        private static Integer wholeNumber(String value) {
            if (value == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(value);
                return d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE ? (int) d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
