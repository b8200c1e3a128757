package dev.juror.workspace;

import dev.juror.judge.ReplaySource;
import dev.juror.store.AnchorSet;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeScoreDetail;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceStats;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the screens and the commands read from a workspace to offer choices and show things: its judge
 * runs, anchor sets, samples, rollouts and documents, a run's results and a result's scores, and the
 * answers judge runs recorded. The workbench and the command line ask this (and the other services of
 * {@code workspace}), never a repository (ArchUnit rules), so what a front end may read is said here,
 * and a screen and a command that show the same thing read it the same way.
 */
public final class WorkspaceLookups {

    private final Repositories repositories;

    public WorkspaceLookups(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public WorkspaceLookups(Repositories repositories) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
    }

    /** What the workspace holds: counts of samples, rollouts, labels, runs and the database's size. */
    public WorkspaceStats stats() {
        return repositories.workspace().stats();
    }

    /** Every judge run, as the store lists them. */
    public List<StoredJudgeRun> runs() {
        return repositories.judgeRuns().list();
    }

    /** The judge run with this id, if the workspace holds it. */
    public Optional<StoredJudgeRun> run(long runId) {
        return repositories.judgeRuns().find(runId);
    }

    /** The judge runs of one rubric, newest first (by creation time, then id). */
    public List<StoredJudgeRun> runsOf(String rubricName) {
        return runs().stream()
                .filter(r -> r.rubricName().equals(rubricName))
                .sorted(Comparator.comparing(StoredJudgeRun::createdAt).reversed()
                        .thenComparing(Comparator.comparingLong(StoredJudgeRun::id).reversed()))
                .toList();
    }

    /**
     * How a run reaches its judge, for a runs list: empty for a run judged on demand; for a Bedrock batch
     * run {@code "batch"}, with its latest job's status once it has a job ({@code "batch InProgress"}).
     */
    public Optional<String> batchStatus(long runId) {
        if (repositories.batchJobs().findRun(runId).isEmpty()) {
            return Optional.empty();
        }
        List<dev.juror.batch.BatchLedger.Job> jobs = repositories.batchJobs().jobs(runId);
        return Optional.of(jobs.isEmpty() ? "batch" : "batch " + jobs.get(jobs.size() - 1).status());
    }

    /** Every frozen anchor set, oldest first. */
    public List<AnchorSet> anchorSets() {
        return repositories.anchorSets().list();
    }

    /** The frozen anchor sets of one rubric, oldest first. */
    public List<AnchorSet> anchorSetsOf(String rubricName) {
        return anchorSets().stream().filter(a -> a.rubricName().equals(rubricName)).toList();
    }

    /** The anchor set frozen under this name, if any. */
    public Optional<AnchorSet> anchorSet(String name) {
        return repositories.anchorSets().find(name);
    }

    /** Every sample id, in import order. */
    public List<String> sampleIds() {
        return repositories.samples().list(0, Integer.MAX_VALUE).stream().map(StoredSample::id).toList();
    }

    /** The first {@code limit} samples, in import order. */
    public List<StoredSample> samples(int limit) {
        return repositories.samples().list(0, limit);
    }

    public Optional<StoredSample> sample(String sampleId) {
        return repositories.samples().find(sampleId);
    }

    /** A sample's system prompt, target and reference documents. */
    public SampleDocuments documentsOf(StoredSample sample) {
        return repositories.documents().documentsOf(sample);
    }

    /** Every rollout without its text, in file order of the samples: a queue to work through. */
    public List<RolloutRepository.Summary> rolloutSummaries() {
        return repositories.rollouts().summaries();
    }

    /** The rollouts of one sample, by index. */
    public List<StoredRollout> rolloutsOf(String sampleId) {
        return repositories.rollouts().ofSample(sampleId);
    }

    /** One rollout with its comments. */
    public Optional<StoredRollout> rollout(long rolloutId) {
        return repositories.rollouts().find(rolloutId);
    }

    /** The results a run stored after the result {@code afterId}, each with its sample: a running run's news. */
    public List<RunResult> resultsAfter(long runId, long afterId) {
        return repositories.judgeResults().resultsAfter(runId, afterId).stream()
                .map(r -> new RunResult(r.result(), r.sampleId())).toList();
    }

    /** A run's results, each with the sample of its rollout ("?" when the rollout is gone). */
    public List<RunResult> resultsOf(long runId) {
        JudgeResultRepository repository = repositories.judgeResults();
        Map<Long, String> sampleIds = repository.sampleIdsOf(runId);
        return repository.resultsOf(runId).stream()
                .map(r -> new RunResult(r, sampleIds.getOrDefault(r.rolloutId(), "?"))).toList();
    }

    /** One result of a run and the sample it judged. */
    public record RunResult(JudgeResultRow result, String sampleId) {
    }

    /** The per-comment, per-dimension scores of one stored result. */
    public List<JudgeScoreDetail> scoreDetailsOf(long resultId) {
        return repositories.judgeResults().scoreDetailsOf(resultId);
    }

    /** The answers the workspace's judge runs recorded, for a judge that replays them. */
    public ReplaySource recordedAnswers() {
        return repositories.recordings();
    }
}
