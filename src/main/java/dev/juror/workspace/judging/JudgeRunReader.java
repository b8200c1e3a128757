package dev.juror.workspace.judging;

import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.PairwiseResults;
import dev.juror.store.PairwiseResults.PairOutcome;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A stored judge run read back whole, as {@code juror run show} prints it and {@code juror judge}
 * sums up a pairwise run: the run, its results, the failed attempts judged again, and for a pairwise
 * run its pairs in both orders and their position consistency. The run and its results are read
 * through {@link WorkspaceLookups}, as the workbench's judge-runs screen reads them.
 */
public final class JudgeRunReader {

    private final Repositories repositories;
    private final WorkspaceLookups lookups;

    public JudgeRunReader(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public JudgeRunReader(Repositories repositories) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.lookups = new WorkspaceLookups(repositories);
    }

    /**
     * One run with everything stored about it.
     *
     * @param results   its results, as stored
     * @param retried   per status, the earlier failed attempts judged again ({@code --retry-failed})
     * @param sampleIds pairwise runs only: the sample of every rollout of the workspace (pairs not
     *                  judged yet have no result to name theirs); empty otherwise
     * @param pairs     pairwise runs only: every pair in every repeat with its stored results; empty otherwise
     */
    public record Detail(StoredJudgeRun run, List<JudgeResultRow> results, Map<String, Integer> retried,
                         Map<Long, String> sampleIds, List<PairOutcome> pairs) {

        /** Position consistency over the pairs judged in both orders (pairwise runs). */
        public PositionConsistency consistency() {
            return PairwiseResults.consistency(pairs);
        }
    }

    /** The run {@code runId} and what is stored about it; empty when the workspace has no such run. */
    public Optional<Detail> detail(long runId) {
        return lookups.run(runId).map(this::detail);
    }

    private Detail detail(StoredJudgeRun run) {
        List<JudgeResultRow> results = results(run);
        Map<String, Integer> retried = repositories.judgeRuns().retriedCounts(run.id());
        if (!run.pairwise()) {
            return new Detail(run, results, retried, Map.of(), List.of());
        }
        Map<Long, String> sampleIds = lookups.rolloutSummaries().stream().collect(Collectors.toMap(
                RolloutRepository.Summary::rolloutId, RolloutRepository.Summary::sampleId));
        return new Detail(run, results, retried, sampleIds, PairwiseResults.of(run, results));
    }

    /** A pairwise run's position consistency over its stored results; empty for a pointwise run. */
    public Optional<PositionConsistency> positionConsistency(StoredJudgeRun run) {
        return run.pairwise() ? Optional.of(PairwiseResults.consistency(PairwiseResults.of(run, results(run))))
                : Optional.empty();
    }

    private List<JudgeResultRow> results(StoredJudgeRun run) {
        return lookups.resultsOf(run.id()).stream().map(WorkspaceLookups.RunResult::result).toList();
    }
}
