package dev.juror.workspace.judging;

import dev.juror.batch.BatchException;
import dev.juror.judge.Judge;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.JudgeConnectionCheck;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.judge.run.RolloutPairs;
import dev.juror.judge.run.RunProgress;
import dev.juror.judge.run.RunSummary;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Repositories;
import dev.juror.store.RunOwner;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The life of a judge run against a workspace, shared by {@code juror judge} and the workbench:
 * create (validate the rubric for the provider, select the gradeable rollouts, or for a pairwise
 * rubric the pairs of rollouts, store the run) or resume, then start (plan, build the judge, mark
 * running) and finish (close the judge, mark finished, interrupted or failed). Every result is stored
 * as it arrives by the run's sink.
 */
public final class JudgeRunLauncher {

    /**
     * Pairs per sample a pairwise run compares unless told otherwise: every pair of 4 rollouts, and
     * with more rollouts each rollout still in one or two pairs, at 12 calls per sample (both orders).
     */
    public static final int DEFAULT_MAX_PAIRS_PER_SAMPLE = 6;

    private final Workspace workspace;
    private final Repositories repositories;
    private final JudgeRunRepository runs;
    private final BatchRuns batchRuns;

    public JudgeRunLauncher(Workspace workspace) {
        this.workspace = workspace;
        this.repositories = Repositories.of(workspace);
        this.runs = repositories.judgeRuns();
        this.batchRuns = new BatchRuns(repositories.batchJobs());
    }

    public JudgeRunRepository runs() {
        return runs;
    }

    /**
     * Validates and stores a new run in status {@code running}.
     *
     * @throws RubricException     the rubric text is not a valid rubric
     * @throws JudgeSetupException naming {@code provider}, {@code rubric}, {@code repeats},
     *                             {@code max-pairs-per-sample}, {@code samples}, {@code selection} (no rollouts
     *                             to judge) or {@code pairs} (pairwise: no sample with two rollouts)
     */
    public PreparedRun create(NewRun request) throws RubricException {
        String provider = JudgeFactory.normalise(request.provider());
        // Before anything is stored: the settings are kept with the run and must hold no credential.
        JudgeConnectionCheck.check(provider, request.settings());
        if (request.repeats() < 1 || request.repeats() > JudgePlan.MAX_REPEATS) {
            throw new JudgeSetupException("repeats", "must be between 1 and " + JudgePlan.MAX_REPEATS + ", was "
                    + request.repeats());
        }
        Rubric rubric = new RubricYaml().read(request.rubricText(), request.rubricSource());
        boolean pairwise = rubric.mode() == Mode.PAIRWISE;
        int maxPairs = request.maxPairsPerSample().orElse(DEFAULT_MAX_PAIRS_PER_SAMPLE);
        if (request.maxPairsPerSample().isPresent() && !pairwise) {
            throw new JudgeSetupException("max-pairs-per-sample", "applies to pairwise rubrics only; "
                    + request.rubricSource() + " (" + rubric.name() + ") is pointwise: leave it out");
        }
        if (maxPairs < 1 || maxPairs > RolloutPairs.MAX_PER_SAMPLE) {
            throw new JudgeSetupException("max-pairs-per-sample", "must be between 1 and " + RolloutPairs.MAX_PER_SAMPLE
                    + ", was " + maxPairs);
        }
        if (provider.equals(HeuristicJudge.PROVIDER)) {
            Optional<String> unsupported = HeuristicJudge.supports(rubric);
            if (unsupported.isPresent()) {
                throw new JudgeSetupException("rubric", request.rubricSource() + ": " + unsupported.get());
            }
        }
        JudgePlanLoader loader = new JudgePlanLoader(repositories);
        String model = JudgeFactory.model(provider, request.model(), rubric.judge().modelId());
        String shown = request.sampleIds().isEmpty() ? "all" : "samples " + String.join(",", request.sampleIds());
        if (pairwise) {
            return createPairwise(request, rubric, selected(() -> loader.selectPairs(request.sampleIds(), maxPairs)),
                    provider, model, shown);
        }
        return createPointwise(request, rubric, selected(() -> loader.selectGradeable(request.sampleIds(),
                rubric.unit())), provider, model, shown);
    }

    /** Selecting reads the sample ids given; an unknown one is a problem of the {@code samples} setting. */
    private static <T> T selected(Supplier<T> selection) {
        try {
            return selection.get();
        } catch (IllegalArgumentException e) {
            throw new JudgeSetupException("samples", e.getMessage());
        }
    }

    private PreparedRun createPointwise(NewRun request, Rubric rubric, JudgePlanLoader.RolloutSelection selection,
                                     String provider, String model, String shown) {
        if (selection.selected().isEmpty()) {
            throw noRollouts();
        }
        boolean batch = batchRuns.decide(provider, request.batch(), selection.selected().size() * request.repeats());
        long id = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), request.rubricText(), provider,
                model, request.settings().toJson(), request.repeats(), shown, selection.selected()));
        return stored(id, request, rubric, batch, selection.withoutComments().size(), 0);
    }

    private PreparedRun createPairwise(NewRun request, Rubric rubric, JudgePlanLoader.PairSelection selection,
                                    String provider, String model, String shown) {
        if (selection.samplesWithOneRollout().isEmpty() && selection.pairs().isEmpty()) {
            throw noRollouts();
        }
        if (selection.pairs().isEmpty()) {
            throw new JudgeSetupException("pairs", "none to judge in workspace " + workspace.directory()
                    + ": no selected sample has two or more rollouts, and a pairwise rubric compares rollouts of the"
                    + " same sample");
        }
        boolean batch = batchRuns.decide(provider, request.batch(), selection.pairs().size() * request.repeats());
        long id = runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), request.rubricText(), provider,
                model, request.settings().toJson(), request.repeats(), shown, selection.rolloutIds(), selection.pairs()));
        return stored(id, request, rubric, batch, 0, selection.samplesWithOneRollout().size());
    }

    private PreparedRun stored(long id, NewRun request, Rubric rubric, boolean batch, int withoutComments, int single) {
        runs.setMaxFailures(id, request.maxFailures());
        if (batch) {
            batchRuns.store(id, request.batch());
        }
        Optional<BatchRequest> session = batch ? Optional.of(request.batch().over(batchRuns.stored(id).orElseThrow()))
                : Optional.empty();
        return new PreparedRun(runs.find(id).orElseThrow(), rubric, request.settings(), withoutComments, single, 0, session);
    }

    private JudgeSetupException noRollouts() {
        return new JudgeSetupException("selection", "has no rollouts to judge in workspace " + workspace.directory()
                + "; import samples first");
    }

    /**
     * A stored run to continue, with its stored settings overridden by {@code overrides} (transport
     * options such as an endpoint or a concurrency may change between sessions); empty when there is
     * no such run.
     *
     * @throws RubricException the stored rubric text no longer reads (a damaged workspace)
     * @throws JudgeSetupException naming {@code run} when a live process is judging the run now
     */
    public Optional<PreparedRun> resume(long runId, JudgeSettings overrides) throws RubricException {
        return resume(runId, overrides, Optional.empty(), false);
    }

    /**
     * As {@link #resume(long, JudgeSettings)}, optionally with a new failure threshold for the run and,
     * with {@code retryFailed}, its service failures set aside (kept in the run's history) so this
     * session judges them again.
     */
    public Optional<PreparedRun> resume(long runId, JudgeSettings overrides, Optional<FailureThreshold> maxFailures,
                                     boolean retryFailed) throws RubricException {
        return resume(runId, overrides, maxFailures, retryFailed, Optional.empty());
    }

    /**
     * As {@link #resume(long, JudgeSettings, Optional, boolean)}; a batch run continues with its stored batch
     * settings under {@code batch}'s overrides, and on demand when {@code batch}'s mode is online.
     */
    public Optional<PreparedRun> resume(long runId, JudgeSettings overrides, Optional<FailureThreshold> maxFailures,
                                     boolean retryFailed, Optional<BatchRequest> batch) throws RubricException {
        Optional<StoredJudgeRun> found = runs.find(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredJudgeRun run = found.get();
        if (beingJudged(run)) {
            RunOwner owner = run.owner().orElseThrow();
            throw new JudgeSetupException("run", runId + " is being judged now by process " + owner.pid() + " on "
                    + owner.host() + "; wait for it to end or stop it there, then resume");
        }
        Rubric rubric = new RubricYaml().read(run.rubricYaml(), "run " + run.id() + " rubric");
        if (maxFailures.isPresent()) {
            runs.setMaxFailures(runId, maxFailures.get());
        }
        int retried = retryFailed ? runs.retryFailed(runId) : 0;
        StoredJudgeRun current = maxFailures.isPresent() || retried > 0 ? runs.find(runId).orElseThrow() : run;
        boolean online = batch.map(b -> b.mode() == dev.juror.batch.BatchMode.ONLINE).orElse(false);
        Optional<BatchRequest> session = online ? Optional.empty()
                : batchRuns.stored(runId).map(stored -> batch.map(b -> b.over(stored)).orElse(stored));
        return Optional.of(new PreparedRun(current, rubric, JudgeSettings.parse(run.settingsJson()).overriddenBy(overrides),
                0, 0, retried, session));
    }

    /**
     * Whether a session is judging the run now: one of this process (known here), or another live
     * process that owns it. A run this process owns without a session (a test, or a session that died
     * without finishing) may be resumed.
     */
    private boolean beingJudged(StoredJudgeRun run) {
        if (run.status() != JudgeRunStatus.RUNNING || run.owner().isEmpty()) {
            return false;
        }
        RunOwner owner = run.owner().get();
        if (owner.pid() == ProcessHandle.current().pid() && owner.host().equals(RunOwner.current().host())) {
            return ACTIVE.contains(activeKey(run.id()));
        }
        return owner.isAlive();
    }

    /** Runs with a session in this process, by workspace folder and run id. */
    private static final java.util.Set<String> ACTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private String activeKey(long runId) {
        return workspace.directory() + "#" + runId;
    }

    /**
     * Plans the run, builds its judge, marks it running and starts it; results are stored as they
     * arrive. {@code onProgress} is called on the run's delivery thread.
     *
     * @throws JudgeSetupException naming {@code run} (a rollout of the run is gone) or a provider setting
     */
    public Session start(PreparedRun prepared, Consumer<RunProgress> onProgress) {
        StoredJudgeRun run = prepared.run();
        JudgePlan plan;
        try {
            JudgePlanLoader loader = new JudgePlanLoader(repositories);
            plan = run.pairwise() ? loader.planPairs(prepared.rubric(), run.pairs(), run.repeats())
                    : loader.plan(prepared.rubric(), run.rolloutIds(), run.repeats());
        } catch (IllegalArgumentException e) {
            throw new JudgeSetupException("run", run.id() + ": " + e.getMessage());
        }
        Judge judge = JudgeFactory.judge(run.provider(), run.model(), prepared.settings(),
                repositories.recordings());
        try {
            JudgeRunner runner = JudgeFactory.runner(run.provider(), judge, prepared.settings());
            runs.markRunning(run.id(), RunOwner.current());
            ACTIVE.add(activeKey(run.id()));
            JudgeRunner.RunHandle handle;
            try {
                handle = prepared.batch().isPresent()
                        ? batchRuns.start(run, judge, prepared.settings(), prepared.batch().get(), plan,
                                repositories.judgeResults().sink(run.id()), onProgress)
                        : runner.start(plan, repositories.judgeResults().sink(run.id()), onProgress);
            } catch (RuntimeException e) {
                ACTIVE.remove(activeKey(run.id()));
                throw e;
            }
            return new Session(run.id(), judge, handle);
        } catch (RuntimeException e) {
            judge.close();
            throw e;
        }
    }

    /**
     * The status a session leaves its run in: {@code interrupted} when cancelled, {@code failed} when a
     * call has no stored result or the run holds more service failures than its threshold allows
     * (counted over the whole run, so a resume that retried them can turn it {@code finished}),
     * else {@code finished}.
     */
    static JudgeRunStatus statusAfter(RunSummary summary, StoredJudgeRun run) {
        if (summary.cancelled()) {
            return JudgeRunStatus.INTERRUPTED;
        }
        if (!summary.complete() || run.hasUnresolvedFailures()) {
            return JudgeRunStatus.FAILED;
        }
        return JudgeRunStatus.FINISHED;
    }

    /** How a session ended: the run as now stored, its new status and the session's summary. */
    public record Finished(StoredJudgeRun run, JudgeRunStatus status, RunSummary summary) {
    }

    /** A started run session. */
    public final class Session {
        private final long runId;
        private final Judge judge;
        private final JudgeRunner.RunHandle handle;
        private Finished finished;

        private Session(long runId, Judge judge, JudgeRunner.RunHandle handle) {
            this.runId = runId;
            this.judge = judge;
            this.handle = handle;
        }

        public long runId() {
            return runId;
        }

        /** Stops the run: no new calls, calls in flight interrupted, results so far kept. From any thread. */
        public void cancel() {
            handle.cancel();
        }

        /**
         * Waits for the end of the session, then closes the judge and stores the run's new status.
         *
         * @throws BatchException a batch session could not go on (the run is left interrupted, to resume)
         */
        public Finished await() throws InterruptedException {
            try {
                return finish(handle.await());
            } catch (BatchException e) {
                throw broken(e);
            }
        }

        /** Cancels and waits (not interruptibly) until every call has stopped; then as {@link #await()}. */
        public Finished cancelAndAwait() {
            handle.cancel();
            try {
                return finish(handle.completion().join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof BatchException batch ? broken(batch) : e;
            }
        }

        private synchronized BatchException broken(BatchException e) {
            judge.close();
            ACTIVE.remove(activeKey(runId));
            runs.markStatus(runId, JudgeRunStatus.INTERRUPTED);
            return e;
        }

        private synchronized Finished finish(RunSummary summary) {
            if (finished != null) {
                return finished;
            }
            judge.close();
            ACTIVE.remove(activeKey(runId));
            JudgeRunStatus status = statusAfter(summary, runs.find(runId).orElseThrow());
            runs.markStatus(runId, status);
            finished = new Finished(runs.find(runId).orElseThrow(), status, summary);
            return finished;
        }
    }
}
