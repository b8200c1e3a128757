package dev.juror.app.workspace;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace the workbench has open. Opening (and seeding) runs in the background; screens
 * observe {@link #workspaceProperty()} and reload when {@link #revisionProperty()} moves (after an
 * import, for instance). One workspace at a time: the previous one is closed once the next is open.
 */
public final class WorkspaceSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSession.class);

    /** How much of the shipped seed a newly opened workspace gets. */
    public enum Seeding {
        /** rubrics and the sample contracts, imported (first start) */
        RUBRICS_AND_SAMPLES,
        /** the rubrics only, when the folder has none */
        RUBRICS
    }

    private final BackgroundTasks tasks;
    private final WorkspaceSeeder seeder = new WorkspaceSeeder();
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    public WorkspaceSession(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public Workspace current() {
        return workspace.get();
    }

    public boolean isOpen() {
        return workspace.get() != null;
    }

    /** Changes whenever the open workspace's data changed (a new workspace, an import). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Opens {@code dir} in the background; {@code onOpened} and {@code onFailure} run on the FX thread. */
    public void open(Path dir, Seeding seeding, Consumer<Workspace> onOpened, Consumer<Throwable> onFailure) {
        Path target = dir.toAbsolutePath().normalize();
        Workspace previous = workspace.get();
        if (previous != null && previous.directory().equals(target)) {
            onOpened.accept(previous);
            return;
        }
        tasks.run("Opening workspace " + target.getFileName(), progress -> {
            Workspace opened = Workspace.open(target);
            try {
                seeder.seedIfEmpty(opened, seeding == Seeding.RUBRICS_AND_SAMPLES, progress);
            } catch (Exception | Error e) {
                opened.close();
                throw e;
            }
            return opened;
        }, opened -> {
            workspace.set(opened);
            revision.set(revision.get() + 1);
            if (previous != null) {
                tasks.runQuietly(progress -> {
                    previous.close();
                    return previous;
                }, closed -> { }, failure -> log.warn("Could not close {}", previous, failure));
            }
            onOpened.accept(opened);
        }, onFailure);
    }

    /** Tells the screens that the data of the open workspace changed. */
    public void dataChanged() {
        revision.set(revision.get() + 1);
    }

    /** Closes the open workspace (on the calling thread: used when the app stops). */
    @Override
    public void close() {
        Workspace open = workspace.get();
        workspace.set(null);
        if (open != null) {
            open.close();
        }
    }
}
