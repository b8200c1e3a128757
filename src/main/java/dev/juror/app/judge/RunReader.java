package dev.juror.app.judge;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.app.workspace.WorkspaceSeeder;
import dev.juror.rubric.Mode;
import dev.juror.store.JudgeScoreDetail;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.judging.JudgeRunEstimate;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the judge runs screen reads of the open workspace: rubrics, samples, stored runs, a run's
 * results and a result's scores, and what a run would cost. Called on background threads only. The workbench reads the
 * workspace ({@link #of(Workspace)}); the screen's one-view test answers from memory.
 */
public interface RunReader {

    WorkspaceRubrics.RubricList rubrics() throws IOException;

    List<String> sampleIds();

    List<StoredJudgeRun> runs();

    /** The runs as the list shows them; a batch run says so (and its job's status) in the workbench. */
    default List<RunLine> runLines() {
        return runs().stream().map(RunLine::new).toList();
    }

    /** What a run of {@code rubric} over these samples would cost, on demand and as a batch job. */
    JudgeRunEstimate.Estimate estimate(RubricChoice rubric, String model, List<String> sampleIds, int repeats)
            throws Exception;

    List<WorkspaceLookups.RunResult> resultsOf(long runId);

    /** The results of {@code runId} stored after result {@code afterId}, in arrival order. */
    List<WorkspaceLookups.RunResult> resultsAfter(long runId, long afterId);

    List<JudgeScoreDetail> scoreDetailsOf(long resultId);

    /** The reads on an open workspace: every pointwise and pairwise rubric of its rubrics folder. */
    static RunReader of(Workspace workspace) {
        // Each read makes its lookups on the background thread that asks, as the screen always did.
        return new RunReader() {
            private WorkspaceLookups lookups() {
                return new WorkspaceLookups(workspace);
            }

            @Override
            public WorkspaceRubrics.RubricList rubrics() throws IOException {
                return new WorkspaceRubrics(workspace).ofModes(EnumSet.allOf(Mode.class));
            }

            @Override
            public List<String> sampleIds() {
                return lookups().sampleIds();
            }

            @Override
            public List<StoredJudgeRun> runs() {
                return lookups().runs();
            }

            @Override
            public List<RunLine> runLines() {
                WorkspaceLookups lookups = lookups();
                return lookups.runs().stream().map(r -> new RunLine(r, lookups.batchStatus(r.id()).orElse(""))).toList();
            }

            @Override
            public JudgeRunEstimate.Estimate estimate(RubricChoice rubric, String model, List<String> sampleIds,
                                                      int repeats) throws Exception {
                String text = Files.readString(workspace.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER)
                        .resolve(rubric.fileName()));
                return new JudgeRunEstimate(workspace).estimate(new JudgeRunEstimate.Request(text, rubric.fileName(),
                        model, sampleIds, repeats, OptionalInt.empty(), Optional.empty()));
            }

            @Override
            public List<WorkspaceLookups.RunResult> resultsOf(long runId) {
                return lookups().resultsOf(runId);
            }

            @Override
            public List<WorkspaceLookups.RunResult> resultsAfter(long runId, long afterId) {
                return lookups().resultsAfter(runId, afterId);
            }

            @Override
            public List<JudgeScoreDetail> scoreDetailsOf(long resultId) {
                return lookups().scoreDetailsOf(resultId);
            }
        };
    }
}
