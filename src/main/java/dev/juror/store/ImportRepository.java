package dev.juror.store;

import dev.juror.dataset.ImportBatch;

/**
 * Writes imported batches. Samples, rollouts, documents and comments are written only here, one
 * batch per {@link ImportTransaction}; the import use case decides what to do with its plan.
 */
public final class ImportRepository {

    /** The longest text a prediction, metadata or comment field may have; longer lines are refused. */
    public static final int MAX_TEXT_CHARS = ImportPlanner.MAX_TEXT_CHARS;

    private final Workspace workspace;

    public ImportRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Opens the transaction of one batch's import; close it (a commit-less close rolls back). */
    public ImportTransaction begin(ImportBatch batch) {
        return new ImportTransaction(workspace, batch);
    }
}
