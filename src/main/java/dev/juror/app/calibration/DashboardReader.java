package dev.juror.app.calibration;

import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.store.AnchorSet;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the calibration dashboard reads of the open workspace to offer its choices: the pointwise
 * rubrics, a rubric's judge runs (newest first) and its frozen anchor sets. Called on background
 * threads only. The workbench reads the workspace ({@link #following(Supplier)}); the dashboard's
 * one-view test answers from memory.
 */
public interface DashboardReader {

    WorkspaceRubrics.RubricList rubrics() throws IOException;

    List<StoredJudgeRun> runsOf(String rubricName);

    List<AnchorSet> anchorSetsOf(String rubricName);

    /** The reads on one open workspace. */
    static DashboardReader of(Workspace workspace) {
        return new DashboardReader() {
            @Override
            public WorkspaceRubrics.RubricList rubrics() throws IOException {
                return new WorkspaceRubrics(workspace).ofModes(java.util.Set.of(dev.juror.rubric.Mode.POINTWISE,
                        dev.juror.rubric.Mode.PAIRWISE));
            }

            @Override
            public List<StoredJudgeRun> runsOf(String rubricName) {
                return new WorkspaceLookups(workspace).runsOf(rubricName);
            }

            @Override
            public List<AnchorSet> anchorSetsOf(String rubricName) {
                return new WorkspaceLookups(workspace).anchorSetsOf(rubricName);
            }
        };
    }

    /**
     * The reads on whichever workspace is open (null when none): the same reader while the same
     * workspace stays open, so the dashboard can tell a reload from another workspace.
     */
    static Supplier<DashboardReader> following(Supplier<Workspace> workspace) {
        return new Supplier<>() {
            private Workspace readFor;
            private DashboardReader reader;

            @Override
            public DashboardReader get() {
                Workspace open = workspace.get();
                if (open != readFor) {
                    readFor = open;
                    reader = open == null ? null : of(open);
                }
                return reader;
            }
        };
    }
}
