package dev.juror.workspace;

import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.Repositories;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import java.util.List;
import java.util.Objects;

/** The experts' labels as the review desk reads and stores them. */
public final class Labelling {

    private final LabelRepository labels;
    private final Repositories repositories;

    public Labelling(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public Labelling(Repositories repositories) {
        this.repositories = repositories;
        this.labels = repositories.labels();
    }

    /** A label with the sample and rollout index it is about, as {@code juror labels list} prints it. */
    public record Listed(String sampleId, int rolloutIndex, StoredLabel label) {
    }

    /**
     * The labels that count (the latest per labeller and item), or every label ever stored with
     * {@code history}; of one labeller when {@code labeller} is not null. In the store's order.
     */
    public List<Listed> listed(String labeller, boolean history) {
        List<StoredLabel> rows = history ? labeller == null ? allLabels() : labels.byLabeller(labeller)
                : labels.latest().stream().filter(l -> labeller == null || l.labeller().equals(labeller)).toList();
        java.util.Map<Long, dev.juror.store.StoredRollout> cache = new java.util.HashMap<>();
        return rows.stream().map(l -> {
            var rollout = cache.computeIfAbsent(l.rolloutId(), id -> repositories.rollouts().find(id).orElseThrow());
            return new Listed(rollout.sampleId(), rollout.index(), l);
        }).toList();
    }

    private List<StoredLabel> allLabels() {
        return labels.labellers().stream().flatMap(name -> labels.byLabeller(name).stream())
                .sorted(java.util.Comparator.comparingLong(StoredLabel::id)).toList();
    }

    /** Everyone who has labelled here, by name. */
    public List<String> labellers() {
        return labels.labellers();
    }

    /** The label that counts for every item and labeller (the latest one stored). */
    public List<StoredLabel> latest() {
        return labels.latest();
    }

    /** Stores one submit in one transaction; committed before this returns, so it survives a crash. */
    public List<StoredLabel> submit(List<NewLabel> labels) {
        return this.labels.submit(labels);
    }
}
