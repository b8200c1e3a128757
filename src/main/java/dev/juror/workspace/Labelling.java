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

    public Labelling(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public Labelling(Repositories repositories) {
        this.labels = repositories.labels();
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
