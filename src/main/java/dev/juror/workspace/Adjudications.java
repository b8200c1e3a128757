package dev.juror.workspace;

import dev.juror.store.Adjudication;
import dev.juror.store.AdjudicationRepository;
import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import java.util.List;
import java.util.Objects;

/** Adjudicated scores as the review desk records them and calibration reads them. */
public final class Adjudications {

    private final AdjudicationRepository adjudications;

    public Adjudications(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public Adjudications(Repositories repositories) {
        this.adjudications = repositories.adjudications();
    }

    /** Stores the adjudications of one item in one transaction; committed before this returns. */
    public List<Adjudication> record(List<Adjudication> adjudications) {
        return this.adjudications.record(adjudications);
    }

    /** The adjudication that counts for each item and dimension: the last one stored. */
    public List<Adjudication> latest() {
        return adjudications.latest();
    }
}
