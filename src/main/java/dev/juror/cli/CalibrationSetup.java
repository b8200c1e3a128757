package dev.juror.cli;

import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.store.AnchorSet;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.calibration.LabelChoice;
import dev.juror.workspace.calibration.UnresolvedFailuresException;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks the rubric, {@code --run} and {@code --anchors} options, then calibrates through {@link WorkspaceCalibration}. */
final class CalibrationSetup {

    private CalibrationSetup() {
    }

    static Rubric rubric(Path file, PrintWriter err) {
        Rubric rubric = anyRubric(file, err);
        if (rubric.mode() == Mode.PAIRWISE) {
            throw new UserInputException(file + ": rubric " + rubric.name() + " is pairwise; this command works on"
                    + " pointwise rubrics (juror calibrate measures pairwise rubrics)");
        }
        return rubric;
    }

    /** The rubric, pointwise or pairwise (calibrate takes both). */
    static Rubric anyRubric(Path file, PrintWriter err) {
        return RubricFiles.load(file, err)
                .orElseThrow(() -> new UserInputException(file + ": the rubric has problems (listed above); fix them first"));
    }

    /** Checks every {@code --run} (exists, judged this rubric) so errors name the option, then calibrates. */
    static WorkspaceCalibration.Result run(Workspace workspace, WorkspaceCalibration calibration, Rubric rubric,
                                           List<String> runIds, BootstrapConfig config, int k, boolean allowFailedResults,
                                           LabelChoice labels) {
        return run(workspace, calibration, rubric, runIds, config, k, null, allowFailedResults, labels);
    }

    /**
     * As {@link #run(Workspace, WorkspaceCalibration, Rubric, List, BootstrapConfig, int, boolean, LabelChoice)}, measuring drift on the anchor
     * set named by {@code --anchors} (null: the current labels), which is checked first too. A run with
     * more service failures than its threshold allows is refused unless {@code allowFailedResults}
     * ({@code --allow-failed-results}). {@code labels} says which labels count and what the judge is
     * measured against ({@code --include-unblinded}, {@code --reference}).
     */
    static WorkspaceCalibration.Result run(Workspace workspace, WorkspaceCalibration calibration, Rubric rubric,
                                           List<String> runIds, BootstrapConfig config, int k, String anchors,
                                           boolean allowFailedResults, LabelChoice labels) {
        if (anchors != null) {
            AnchorSet set = new WorkspaceLookups(workspace).anchorSet(anchors).orElseThrow(() -> new UserInputException(
                    "--anchors " + anchors + ": no such anchor set in " + workspace.directory()
                            + "; list them with juror anchors list"));
            if (!set.rubricName().equals(rubric.name())) {
                throw new UserInputException("--anchors " + anchors + " was frozen for rubric " + set.rubricName()
                        + ", not " + rubric.name());
            }
        }
        List<Long> ids = new ArrayList<>();
        for (String text : runIds) {
            StoredJudgeRun run = calibration.findRun(text).orElseThrow(() -> new UserInputException(
                    "--run " + text + ": no such judge run in " + workspace.directory() + "; list the runs with juror runs"));
            String judged = run.rubricName();
            if (!judged.equals(rubric.name())) {
                throw new UserInputException("--run " + text + " judged rubric " + judged + ", not " + rubric.name());
            }
            ids.add(run.id());
        }
        try {
            return calibration.run(rubric, ids, config, k, anchors, allowFailedResults, labels);
        } catch (UnresolvedFailuresException e) {
            throw new UserInputException("--run " + e.runId() + ": " + e.getMessage() + " (--allow-failed-results)", e);
        }
    }
}
