package dev.juror.judge.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.Prediction;
import dev.juror.judge.ConcurrencyLimiter;
import dev.juror.judge.FixedLimiter;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.judge.output.ResultStatus;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JudgeRunnerTest {

    private static final String RUBRIC = """
            name: whole
            objective: Grade it.
            unit: response
            dimensions:
              - name: Good
                question: Is it good?
                scale: 1-5
                levels: {5: a, 4: b, 3: c, 2: d, 1: e}
            judge:
              model_id: test-model
            """;
    private static final String ANSWER = """
            {"comments": [{"comment_id": "response", "Good": {"score": 4, "justification": "ok"}, "Comment_Score": 4}],
             "Aggregate_Score": {"score": 4, "total_comments": 1, "rationale": "ok"}}""";

    /** Answers after a delay; counts calls per key. */
    static class SlowJudge implements Judge {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Duration delay;

        SlowJudge(Duration delay) {
            this.delay = delay;
        }

        @Override
        public String provider() {
            return "test";
        }

        @Override
        public String model() {
            return "test-model";
        }

        @Override
        public JudgeResponse attempt(JudgeCall call) {
            calls.computeIfAbsent(call.key(), k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw dev.juror.judge.JudgeCallException.of(dev.juror.judge.FailureKind.INTERRUPTED, "", 0, "cancelled");
            }
            return new JudgeResponse(ANSWER, "end_turn", new TokenUsage(100, 10, 0, 0), delay);
        }

        @Override
        public RetryPolicy retryPolicy() {
            return RetryPolicy.NONE;
        }

        @Override
        public ConcurrencyLimiter limiter() {
            return new FixedLimiter(2);
        }

        @Override
        public JudgeOutputParser parser() {
            return new JudgeOutputParser();
        }
    }

    /** In-memory sink with the store's rule: a key stored twice is ignored. */
    static final class MemorySink implements ResultSink {
        final Map<String, RunResult> results = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();

        @Override
        public Set<String> finishedKeys() {
            return Set.copyOf(results.keySet());
        }

        @Override
        public void save(RunResult result) {
            if (results.putIfAbsent(result.key(), result) != null) {
                duplicates.incrementAndGet();
            }
        }
    }

    private static JudgePlan plan(int rollouts, int repeats) throws Exception {
        Rubric rubric = new RubricYaml().read(RUBRIC, "whole.yaml");
        List<RunItem> items = new ArrayList<>();
        for (int i = 0; i < rollouts; i++) {
            items.add(new RunItem(i, JudgeItem.pointwise("rollout-" + i, rubric, "", "contract", "playbook",
                    new Prediction("prediction " + i, List.of(), null))));
        }
        return new JudgePlan(items, repeats);
    }

    @Test
    void repeatsGiveEveryRolloutOneResultPerRepeat() throws Exception {
        SlowJudge judge = new SlowJudge(Duration.ZERO);
        MemorySink sink = new MemorySink();

        RunSummary summary = JudgeRunner.fixed(judge, 4).run(plan(5, 3), sink, p -> { });

        assertThat(summary.complete()).isTrue();
        assertThat(sink.results).hasSize(15).containsKeys("0#0", "0#1", "0#2", "4#2");
        assertThat(summary.count(ResultStatus.OK)).isEqualTo(15);
        assertThat(summary.usage().inputTokens()).isEqualTo(1500);
        assertThat(sink.results.values()).allSatisfy(r -> assertThat(r.result().sampleScore()).hasValue(4.0));
    }

    @Test
    void cancelKeepsFinishedResultsAndAResumeDoesOnlyTheRest() throws Exception {
        SlowJudge judge = new SlowJudge(Duration.ofMillis(50));
        MemorySink sink = new MemorySink();
        JudgePlan plan = plan(20, 2);
        List<RunProgress> progress = new ArrayList<>();

        JudgeRunner.RunHandle handle = JudgeRunner.fixed(judge, 2).start(plan, sink, p -> {
            synchronized (progress) {
                progress.add(p);
            }
        });
        while (sink.results.size() < 6) {
            Thread.sleep(5);
        }
        handle.cancel();
        RunSummary cancelled = handle.await();

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.complete()).isFalse();
        int kept = sink.results.size();
        assertThat(kept).isBetween(6, 39);
        assertThat(cancelled.progress().batch().cancelled()).isEqualTo(40 - kept);
        synchronized (progress) {
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).done()).isEqualTo(kept);
        }
        Set<String> finishedBefore = sink.finishedKeys();
        Map<String, Integer> callsBefore = new ConcurrentHashMap<>();
        judge.calls.forEach((k, v) -> callsBefore.put(k, v.get()));

        RunSummary resumed = JudgeRunner.fixed(judge, 4).run(plan, sink, p -> { });

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.progress().alreadyDone()).isEqualTo(kept);
        assertThat(sink.results).hasSize(40);
        assertThat(sink.duplicates).hasValue(0);
        for (String key : finishedBefore) {
            assertThat(judge.calls.get(key).get()).as("calls of finished %s", key).isEqualTo(callsBefore.get(key));
        }
    }

    /** Plan items that count their loads, as a plan read from a workspace loads them on demand. */
    static final class CountingItems extends PlanItems {
        final List<RunItem> items;
        final Set<Integer> loaded = ConcurrentHashMap.newKeySet();

        CountingItems(List<RunItem> items) {
            this.items = items;
        }

        @Override
        public long rolloutId(int index) {
            return items.get(index).rolloutId();
        }

        @Override
        public java.util.OptionalLong rolloutBId(int index) {
            return java.util.OptionalLong.empty();
        }

        @Override
        public RunItem get(int index) {
            loaded.add(index);
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    @Test
    void anItemIsLoadedWhenItsFirstCallIsMadeNotWhenTheRunStarts() throws Exception {
        CountingItems items = new CountingItems(plan(50, 1).items());
        List<Integer> loadedAtFirstCall = new ArrayList<>();
        SlowJudge judge = new SlowJudge(Duration.ZERO) {
            @Override
            public JudgeResponse attempt(JudgeCall call) {
                synchronized (loadedAtFirstCall) {
                    if (loadedAtFirstCall.isEmpty()) {
                        loadedAtFirstCall.add(items.loaded.size());
                    }
                }
                return super.attempt(call);
            }
        };
        MemorySink sink = new MemorySink();
        sink.results.put("7#0", storedResultOfRollout7());

        RunSummary summary = JudgeRunner.fixed(judge, 1).run(new JudgePlan(items, 1), sink, p -> { });

        assertThat(loadedAtFirstCall).containsExactly(1);
        assertThat(summary.complete()).isTrue();
        assertThat(items.loaded).as("a call already stored is not loaded again").hasSize(49).doesNotContain(7);
    }

    /** A result as a stored run holds it: rollout 7, repeat 0. */
    private static RunResult storedResultOfRollout7() throws Exception {
        MemorySink sink = new MemorySink();
        JudgeRunner.fixed(new SlowJudge(Duration.ZERO), 1).run(plan(8, 1), sink, p -> { });
        return sink.results.get("7#0");
    }
}
