package dev.juror.workspace.watch;

import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredQueue;
import dev.juror.store.TrainingCheckpoint;
import dev.juror.store.TrainingRun;
import dev.juror.store.Workspace;
import dev.juror.watch.StepRecords;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the workbench's Training screen reads of a workspace besides the report ({@link WatchReports}):
 * its training runs, one run's records step by step, and the run's checkpoint rollouts (to open them
 * in the review desk).
 */
public final class TrainingRunReads {

    /** The rollout metadata field that holds a checkpoint's training step. */
    public static final String STEP_FIELD = "step";
    /** The rollout metadata field that names a checkpoint rollout's training run. */
    public static final String RUN_FIELD = "training_run";

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

    /**
     * One step's records (empty when the step has none), read from the store on its own.
     *
     * @throws IllegalArgumentException when the workspace has no run of that name
     */
    public Optional<StepRecords> step(String run, int step) {
        TrainingRun found = repositories.trainingRuns().find(run).orElseThrow(() -> new IllegalArgumentException(
                "There is no training run " + run + " in this workspace."));
        StepRecords records = repositories.trainingRuns().step(found, step);
        return records.size() == 0 ? Optional.empty() : Optional.of(records);
    }

    /**
     * The run's checkpoints that have rollouts in the workspace, in the order they first appear: the
     * checkpoints bound to the run ({@code juror watch import --checkpoint}, {@code juror watch
     * sample}) at their bound step, and rollouts tagged {@code metadata.checkpoint} by hand whose
     * {@code metadata.training_run} is this run or absent, at their {@code metadata.step} when their
     * rollouts agree on a whole number (else unknown). A checkpoint bound to another run is left out.
     */
    public List<CheckpointForReview> checkpoints(String run) {
        Map<Long, String> checkpointOf = repositories.rollouts().metadataValues(ReviewQueues.CHECKPOINT_FIELD);
        if (checkpointOf.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> bound = new HashMap<>();
        Set<String> elsewhere = new HashSet<>();
        for (TrainingCheckpoint c : repositories.checkpoints().ofRun(run)) {
            bound.put(c.checkpoint(), c.step());
        }
        Map<Long, String> stepOf = repositories.rollouts().metadataValues(STEP_FIELD);
        Map<Long, String> runOf = repositories.rollouts().metadataValues(RUN_FIELD);
        Map<String, Builder> byName = new LinkedHashMap<>();
        for (RolloutRepository.Summary r : repositories.rollouts().summaries()) {
            String name = checkpointOf.get(r.rolloutId());
            String taggedRun = runOf.get(r.rolloutId());
            if (name == null || elsewhere.contains(name) || (!bound.containsKey(name) && taggedRun != null
                    && !taggedRun.equals(run))) {
                continue;
            }
            if (!bound.containsKey(name) && repositories.checkpoints().find(name).isPresent()) {
                elsewhere.add(name); // bound to another run
                continue;
            }
            byName.computeIfAbsent(name, n -> new Builder(r)).add(stepOf.get(r.rolloutId()));
        }
        List<StoredQueue> queues = repositories.queues().all().stream()
                .filter(q -> q.strategy().equals(QueueStrategy.CHECKPOINT.id())).toList();
        List<CheckpointForReview> out = new ArrayList<>();
        byName.forEach((name, b) -> out.add(new CheckpointForReview(name,
                bound.containsKey(name) ? OptionalInt.of(bound.get(name)) : b.step(), b.count, b.first.sampleId(),
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
