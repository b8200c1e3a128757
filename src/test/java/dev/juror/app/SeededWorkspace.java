package dev.juror.app;

import dev.juror.app.tasks.TaskProgress;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.store.Workspace;
import java.nio.file.Path;

/** Test helper: a workspace in a temporary folder, seeded with the shipped rubrics and samples. */
public final class SeededWorkspace {

    private SeededWorkspace() {
    }

    public static Workspace open(Path dir) throws Exception {
        Workspace workspace = Workspace.open(dir);
        new WorkspaceSeeder().seedIfEmpty(workspace, true, TaskProgress.NONE);
        return workspace;
    }
}
