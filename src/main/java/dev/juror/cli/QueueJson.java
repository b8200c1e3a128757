package dev.juror.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredQueue;
import dev.juror.workspace.queues.LabellerProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A queue as {@code juror queue ... --json} prints it, and its one-line text forms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QueueJson(String name, String strategy, Long run, String bands, String checkpoint, long seed,
                 @JsonProperty("count_per_labeller") int count, int overlap, List<String> labellers,
                 @JsonProperty("created_by") String createdBy, @JsonProperty("created_at") String createdAt,
                 List<LabellerProgress> progress, Map<String, List<Item>> items) {

    /** One assigned rollout: its sample, its 1-based number in the sample (as the desk shows it) and its id. */
    record Item(String sample, int rollout, @JsonProperty("rollout_id") long rolloutId) {
    }

    static QueueJson of(StoredQueue q, List<LabellerProgress> progress, Map<Long, RolloutRepository.Summary> rollouts) {
        Map<String, List<Item>> items = null;
        if (rollouts != null) {
            items = new LinkedHashMap<>();
            for (String labeller : q.labellers()) {
                items.put(labeller, q.assignedTo(labeller).stream().map(id -> {
                    RolloutRepository.Summary r = rollouts.get(id);
                    return r == null ? new Item("", 0, id) : new Item(r.sampleId(), r.index() + 1, id);
                }).toList());
            }
        }
        return new QueueJson(q.name(), q.strategy(), q.runId().isPresent() ? q.runId().getAsLong() : null,
                q.bands(), q.checkpoint(), q.seed(), q.targetCount(), q.overlap(), q.labellers(), q.createdBy(),
                q.createdAt().toString(), progress, items);
    }

    /** "stratified by run 3, bands 1-2,3, seed 42": how the queue was chosen. */
    static String how(StoredQueue q) {
        return q.strategy() + (q.runId().isPresent() ? " by judge run " + q.runId().getAsLong() : "")
                + (q.bands().isEmpty() ? "" : ", bands " + q.bands())
                + (q.checkpoint().isEmpty() ? "" : ", checkpoint " + q.checkpoint())
                + ", seed " + q.seed();
    }

    /** "Ann 12/40 · Bea 30/40". */
    static String progressLine(List<LabellerProgress> progress) {
        return String.join(" · ", progress.stream().map(LabellerProgress::toString).toList());
    }
}
