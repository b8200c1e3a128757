package dev.juror.judge.run;

import dev.juror.judge.BatchSummary;
import dev.juror.judge.CallClient;
import dev.juror.judge.ConcurrencyLimiter;
import dev.juror.judge.FixedLimiter;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeBatchExecutor;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.JudgeResults;
import dev.juror.judge.JudgeTask;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.AdaptiveLimiter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a plan (rollouts or ordered pairs of rollouts x repeats) through a {@link Judge}, writing every result to a
 * {@link ResultSink} as it arrives. One code path for every judge kind: the calls go through
 * {@link JudgeBatchExecutor} (limiter, retries, progress, cancel), with the judge behind a
 * {@link CallClient}; the heuristic and replay judges simply answer at once and are not retried.
 *
 * <p>Resume: keys the sink already holds are skipped, so a run killed at any point (even with
 * {@code kill -9}) continues where it stopped without redoing finished calls, and the sink's
 * unique key makes a duplicate impossible even if a result was stored just before the kill.
 */
public final class JudgeRunner {

    private final Judge judge;
    private final Supplier<ConcurrencyLimiter> limiters;

    private JudgeRunner(Judge judge, Supplier<ConcurrencyLimiter> limiters) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.limiters = Objects.requireNonNull(limiters, "limiters");
    }

    /** Adaptive concurrency up to {@code maxConcurrency} (LLM judges behind a quota). */
    public static JudgeRunner adaptive(Judge judge, int maxConcurrency) {
        return new JudgeRunner(judge, () -> AdaptiveLimiter.withMaxLimit(maxConcurrency));
    }

    /** A fixed number of calls at a time (local servers, heuristic, replay). */
    public static JudgeRunner fixed(Judge judge, int concurrency) {
        return new JudgeRunner(judge, () -> new FixedLimiter(concurrency));
    }

    /** A started run. */
    public interface RunHandle {
        /** Stops starting calls and interrupts calls in flight; results stored so far are kept. Idempotent. */
        void cancel();

        RunSummary await() throws InterruptedException;

        RunProgress progress();

        CompletableFuture<RunSummary> completion();
    }

    /** Runs the plan and blocks until every call has an outcome (or the run was cancelled). */
    public RunSummary run(JudgePlan plan, ResultSink sink, Consumer<RunProgress> onProgress) throws InterruptedException {
        RunHandle handle = start(plan, sink, onProgress);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    public RunHandle start(JudgePlan plan, ResultSink sink, Consumer<RunProgress> onProgress) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(onProgress, "onProgress");
        Set<String> finished = Set.copyOf(sink.finishedKeys());
        PlanCalls calls = new PlanCalls(plan.planItems());
        List<JudgeTask> tasks = new ArrayList<>(plan.calls());
        // Repeat-major order: a cancelled or killed run has covered every rollout once before any twice.
        // Tasks carry only keys: an item is loaded when its first call is attempted.
        for (int repeat = 0; repeat < plan.repeats(); repeat++) {
            for (int index = 0; index < plan.planItems().size(); index++) {
                String key = calls.add(index, repeat);
                tasks.add(new JudgeTask(key, CallClient.placeholder(key, judge.model())));
            }
        }
        int alreadyDone = (int) tasks.stream().filter(t -> finished.contains(t.key())).count();
        JudgeBatchExecutor executor = JudgeBatchExecutor.builder(new CallClient(judge, calls::call))
                .retryPolicy(judge.retryPolicy())
                .limiter(limiters)
                .build();
        Session session = new Session(plan.calls(), alreadyDone, calls, sink, onProgress);
        JudgeBatchExecutor.BatchHandle batch = executor.start(tasks, finished::contains, session,
                session::onBatchProgress);
        return session.attach(batch);
    }

    /** Per-run state; touched by the executor's single delivery thread, read from others. */
    private final class Session implements RunHandle, JudgeBatchExecutor.BatchOutcomeListener {
        private final int total;
        private final int alreadyDone;
        private final PlanCalls calls;
        private final ResultSink sink;
        private final Consumer<RunProgress> onProgress;
        private final Map<ResultStatus, Integer> counts = new EnumMap<>(ResultStatus.class);
        private volatile RunProgress last;
        private volatile int saveErrors;
        private volatile boolean cancelRequested;
        private JudgeBatchExecutor.BatchHandle batch;
        private final CompletableFuture<RunSummary> completion = new CompletableFuture<>();

        Session(int total, int alreadyDone, PlanCalls calls, ResultSink sink, Consumer<RunProgress> onProgress) {
            this.total = total;
            this.alreadyDone = alreadyDone;
            this.calls = calls;
            this.sink = sink;
            this.onProgress = onProgress;
        }

        RunHandle attach(JudgeBatchExecutor.BatchHandle handle) {
            this.batch = handle;
            handle.completion().whenComplete((summary, error) -> {
                if (error != null) {
                    completion.completeExceptionally(error);
                } else {
                    completion.complete(summarise(summary));
                }
            });
            return this;
        }

        @Override
        public void onOutcome(JudgeOutcome outcome) {
            onOutcomes(List.of(outcome));
        }

        /** Stores the outcomes' results in one transaction; if that fails, none of them is stored. */
        @Override
        public void onOutcomes(List<JudgeOutcome> outcomes) {
            List<RunResult> results = new ArrayList<>(outcomes.size());
            for (JudgeOutcome outcome : outcomes) {
                if (outcome instanceof JudgeOutcome.Cancelled) {
                    continue; // nothing to store, and no reason to load an item that was never judged
                }
                JudgeCall call = calls.call(outcome.key());
                Optional<JudgeResult> result = JudgeResults.of(call, outcome, judge.parser(), judge.model());
                result.ifPresent(r -> results.add(calls.item(outcome.key()).result(call.repeat(), r)));
            }
            if (results.isEmpty()) {
                return;
            }
            try {
                sink.saveAll(results);
            } catch (RuntimeException e) {
                if (cancelRequested) {
                    // Cancelled, typically at process exit (Ctrl-C), when the store may be closing under
                    // the run: the calls are redone by a resume, and there is nothing more to report.
                    saveErrors += results.size();
                    return;
                }
                if (results.size() == 1) {
                    saveErrors++;
                }
                throw e;
            }
            synchronized (counts) {
                results.forEach(r -> counts.merge(r.result().status(), 1, Integer::sum));
            }
        }

        void onBatchProgress(dev.juror.judge.BatchProgress progress) {
            RunProgress snapshot = snapshot(progress);
            last = snapshot;
            onProgress.accept(snapshot);
        }

        private RunProgress snapshot(dev.juror.judge.BatchProgress progress) {
            synchronized (counts) {
                return new RunProgress(progress, counts, total, alreadyDone);
            }
        }

        private RunSummary summarise(BatchSummary summary) {
            RunProgress progress = snapshot(summary.progress());
            return new RunSummary(progress, summary.cancelRequested() || summary.cancelled() > 0, saveErrors);
        }

        @Override
        public void cancel() {
            cancelRequested = true;
            batch.cancel();
        }

        @Override
        public RunSummary await() throws InterruptedException {
            try {
                return completion.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("judge run failed", e.getCause());
            }
        }

        @Override
        public RunProgress progress() {
            RunProgress snapshot = last;
            return snapshot != null ? snapshot : snapshot(batch.progress());
        }

        @Override
        public CompletableFuture<RunSummary> completion() {
            return completion;
        }
    }
}
