package dev.juror.workspace;

import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace an export reads verdicts, samples, judge runs and {@code prices.yaml} from. The
 * workbench lends its open workspace ({@link #of}); a command names a folder ({@link #folder}),
 * opened on first use only (an export that needs nothing from it never opens it) and closed with
 * this object. A folder that does not exist is never created: it has no verdicts and no samples.
 */
public final class ExportWorkspace implements AutoCloseable {

    private final Path directory;
    private Workspace open;
    private final boolean owned;

    private ExportWorkspace(Path directory, Workspace open, boolean owned) {
        this.directory = directory;
        this.open = open;
        this.owned = owned;
    }

    /** An open workspace, lent: closing this does not close it. */
    public static ExportWorkspace of(Workspace open) {
        return new ExportWorkspace(open.directory(), open, false);
    }

    /** A workspace folder, opened when first needed. */
    public static ExportWorkspace folder(Path directory) {
        return new ExportWorkspace(directory, null, true);
    }

    public Path directory() {
        return directory;
    }

    /**
     * The open workspace; empty when the folder does not exist.
     *
     * @throws dev.juror.store.WorkspaceException when the folder cannot be opened as a workspace
     */
    public synchronized Optional<Workspace> workspace() {
        if (open == null && directory != null && Files.isDirectory(directory)) {
            open = Workspace.open(directory);
        }
        return Optional.ofNullable(open);
    }

    @Override
    public synchronized void close() {
        if (owned && open != null) {
            open.close();
            open = null;
        }
    }
}
