package dev.juror.batch;

import dev.juror.judge.BatchProgress;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.JudgeResults;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeRunner;
import dev.juror.judge.run.PlanCalls;
import dev.juror.judge.run.ResultSink;
import dev.juror.judge.run.RunProgress;
import dev.juror.judge.run.RunResult;
import dev.juror.judge.run.RunSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a plan as an Amazon Bedrock batch inference job instead of on-demand calls: renders the same
 * prompts, writes them as Converse records to S3, creates the job (idempotently, its client request
 * token stored first and its ARN as soon as it is known), polls it with back-off, then joins the
 * output back on record ids and stores every result as an on-demand run would. Every record is
 * accounted for: answered, failed with its error, or missing (stored as a failure to judge again).
 *
 * <p>A session killed at any point resumes from the ledger: a job without an ARN is created again with
 * the same token (Bedrock returns the one it made), a job with one is polled, an ended job's output is
 * joined (results already stored are skipped). Cancel stops the job and keeps what it finished.
 */
public final class BatchRunner {

    /** Results stored per transaction while joining. */
    static final int CHUNK = 500;

    private final LlmJudge judge;
    private final String rubricVersion;
    private final BatchJobs jobs;
    private final ObjectStore store;
    private final BatchLedger ledger;
    private final BatchOptions options;

    public BatchRunner(LlmJudge judge, String rubricVersion, BatchJobs jobs, ObjectStore store, BatchLedger ledger,
                       BatchOptions options) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.rubricVersion = Objects.requireNonNull(rubricVersion, "rubricVersion");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.store = Objects.requireNonNull(store, "store");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Why this run cannot go to a new batch job now, if it cannot: fewer records left than Bedrock's
     * minimum (a job already made for the run is always continued).
     */
    public Optional<String> refusal(long runId, JudgePlan plan, ResultSink sink) {
        if (ledger.openJob(runId).isPresent()) {
            return Optional.empty();
        }
        int left = BatchInput.unfinished(plan, sink.finishedKeys()).size();
        if (left > 0 && left < options.minimumRecords()) {
            return Optional.of(left + " call" + (left == 1 ? "" : "s") + " to judge, and a Bedrock batch job takes at"
                    + " least " + options.minimumRecords() + " records");
        }
        return Optional.empty();
    }

    /** Starts the session on its own thread; results are stored as the job's output is joined. */
    public JudgeRunner.RunHandle start(long runId, JudgePlan plan, ResultSink sink, Consumer<RunProgress> onProgress) {
        Session session = new Session(runId, plan, sink, onProgress);
        Thread.ofPlatform().name("juror-batch-run-" + runId).daemon(true).start(session::run);
        return session;
    }

    private final class Session implements JudgeRunner.RunHandle {
        private final long runId;
        private final JudgePlan plan;
        private final ResultSink sink;
        private final Consumer<RunProgress> onProgress;
        private final PlanCalls calls;
        private final long started = System.nanoTime();
        private final Map<ResultStatus, Integer> counts = new EnumMap<>(ResultStatus.class);
        private final CompletableFuture<RunSummary> completion = new CompletableFuture<>();
        /**
         * The calls of the outcomes being stored, read a chunk at a time without the sample's documents:
         * parsing an answer needs the rubric and the candidates, and a shuffled output would otherwise read
         * the documents again for every record.
         */
        private final Map<String, JudgeCall> joining = new java.util.HashMap<>();
        private volatile boolean cancelRequested;
        private volatile RunProgress last;
        private int alreadyDone;
        private int notSent;
        private int succeeded;
        private int failed;
        private TokenUsage usage = TokenUsage.ZERO;

        Session(long runId, JudgePlan plan, ResultSink sink, Consumer<RunProgress> onProgress) {
            this.runId = runId;
            this.plan = plan;
            this.sink = sink;
            this.onProgress = onProgress;
            this.calls = new PlanCalls(plan.planItems());
            for (int repeat = 0; repeat < plan.repeats(); repeat++) {
                for (int index = 0; index < plan.planItems().size(); index++) {
                    calls.add(index, repeat);
                }
            }
            this.last = progress("starting");
        }

        void run() {
            try {
                List<String> unfinished = BatchInput.unfinished(plan, sink.finishedKeys());
                alreadyDone = plan.calls() - unfinished.size();
                Optional<BatchLedger.Job> open = ledger.openJob(runId);
                if (open.isEmpty() && unfinished.isEmpty()) {
                    completion.complete(summary("nothing left to judge"));
                    return;
                }
                BatchLedger.Job job = open.isPresent() && open.get().jobArn().isPresent() ? open.get()
                        : new BatchSubmission(judge, rubricVersion, jobs, store, ledger, options, this::report,
                                () -> cancelRequested)
                                .submit(runId, open, calls, unfinished, refused -> {
                                    notSent += refused.size();
                                    store(refused);
                                });
                if (job == null) { // cancelled while writing the input
                    completion.complete(summary("cancelled before the job was created"));
                    return;
                }
                BatchJobs.JobState state = new BatchPoller(jobs, ledger, options, this::report, () -> cancelRequested)
                        .await(job);
                join(job, state);
            } catch (RuntimeException | java.io.IOException e) {
                completion.completeExceptionally(e instanceof BatchException ? e
                        : new BatchException("batch run " + runId + " stopped: " + e.getMessage(), e));
            } catch (InterruptedException e) {
                completion.complete(summary("interrupted"));
            }
        }

        private void join(BatchLedger.Job job, BatchJobs.JobState state) throws java.io.IOException {
            String arn = job.jobArn().orElseThrow();
            Set<String> wanted = new HashSet<>(BatchInput.unfinished(plan, sink.finishedKeys()));
            S3Location output = job.output().resolve(BatchJobs.jobId(arn) + "/");
            report("reading the output of batch job " + BatchJobs.jobId(arn) + " (" + state.status().wire() + ")");
            BatchOutput reader = new BatchOutput(store, rubricVersion, judge.model());
            BatchOutput.Joined joined = reader.read(output, wanted, CHUNK, lines -> {
                joining.putAll(calls.callsWithoutDocuments(lines.stream().map(BatchOutput.Line::key).toList()));
                store(lines.stream().map(l -> reader.outcome(joining.get(l.key()), l.line())).toList());
            });
            int missing = 0;
            // A stopped job's unprocessed records are not missing: they are left for the next session's job.
            if (state.status() != JobStatus.STOPPED) {
                List<JudgeOutcome> lost = new ArrayList<>();
                for (String key : BatchInput.unfinished(plan, Set.of())) {
                    if (wanted.contains(key)) {
                        lost.add(BatchOutput.missing(key, arn, state.status(), state.message()));
                        missing++;
                        if (lost.size() >= CHUNK) {
                            store(List.copyOf(lost));
                            lost.clear();
                        }
                    }
                }
                store(lost);
            }
            ledger.joined(job.id());
            String end = "batch job " + BatchJobs.jobId(arn) + " " + state.status().wire() + ": " + joined.answered()
                    + " answered, " + joined.errors() + " record errors, " + missing + " missing from the output"
                    + (joined.foreign() > 0 ? ", " + joined.foreign()
                            + " lines for calls already stored or not of this run (ignored)" : "")
                    + (joined.duplicates() > 0 ? ", " + joined.duplicates() + " repeated lines (ignored)" : "")
                    + (notSent > 0 ? ", " + notSent + " not sent (see the run's failed results)" : "")
                    + BatchOutput.manifestNote(joined);
            completion.complete(summary(end));
        }

        /** Stores outcomes in one transaction (the sink ignores keys already stored). */
        private void store(List<? extends JudgeOutcome> outcomes) {
            if (outcomes.isEmpty()) {
                return;
            }
            List<RunResult> results = new ArrayList<>(outcomes.size());
            List<String> unread = outcomes.stream().map(JudgeOutcome::key).filter(k -> !joining.containsKey(k)).toList();
            joining.putAll(calls.callsWithoutDocuments(unread));
            for (JudgeOutcome outcome : outcomes) {
                JudgeCall call = joining.get(outcome.key());
                Optional<JudgeResult> result = JudgeResults.of(call, outcome, judge.parser(), judge.model());
                result.ifPresent(r -> results.add(calls.item(outcome.key(), call.item()).result(call.repeat(), r)));
            }
            joining.clear();
            sink.saveAll(results);
            synchronized (counts) {
                for (RunResult r : results) {
                    counts.merge(r.result().status(), 1, Integer::sum);
                    if (r.result().status() == ResultStatus.OK) {
                        succeeded++;
                    } else {
                        failed++;
                    }
                    usage = usage.plus(r.result().usage());
                }
            }
            report(last.stage());
        }

        private void report(String stage) {
            RunProgress progress = progress(stage);
            last = progress;
            onProgress.accept(progress);
        }

        private RunProgress progress(String stage) {
            synchronized (counts) {
                BatchProgress batch = new BatchProgress(plan.calls(), alreadyDone, succeeded, failed, 0, 0,
                        succeeded + failed, 0, 0, usage, Duration.ofNanos(System.nanoTime() - started),
                        Optional.empty(), 0);
                return new RunProgress(batch, counts, plan.calls(), alreadyDone, stage);
            }
        }

        private RunSummary summary(String stage) {
            report(stage);
            return new RunSummary(last, cancelRequested, 0);
        }

        /** Stops writing the input, or stops the job (and reads what it finished); from any thread. */
        @Override
        public void cancel() {
            cancelRequested = true;
        }

        @Override
        public RunSummary await() throws InterruptedException {
            try {
                return completion.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof BatchException batch) {
                    throw batch;
                }
                throw new IllegalStateException("batch run failed", e.getCause());
            }
        }

        @Override
        public RunProgress progress() {
            return last;
        }

        @Override
        public CompletableFuture<RunSummary> completion() {
            return completion;
        }
    }
}
