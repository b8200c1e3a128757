package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.testing.CapturedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class JudgeBatchExecutorTest {

    private static List<JudgeTask> tasks(int n) {
        List<JudgeTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "rollout-" + i;
            tasks.add(new JudgeTask(key, JudgeRequest.of(key, "amazon.nova-pro-v1:0", "sys", "doc", "pred " + i, 0.0, 50)));
        }
        return tasks;
    }

    /** Fails keys ending in 7 with a validation error, throttles keys ending in 3 once. */
    private static final class KeyedClient implements JudgeClient {
        final Set<String> throttledOnce = ConcurrentHashMap.newKeySet();

        @Override
        public JudgeResponse call(JudgeRequest request) {
            String key = request.key();
            if (key.endsWith("7")) {
                throw JudgeCallException.of(FailureKind.VALIDATION_ERROR, "ValidationException", 400, "bad");
            }
            if (key.endsWith("3") && throttledOnce.add(key)) {
                throw JudgeCallException.of(FailureKind.THROTTLED, "ThrottlingException", 429, "slow down");
            }
            return ScriptedClient.ok("{\"score\": 1}");
        }

        @Override
        public String name() {
            return "keyed";
        }
    }

    private static JudgeBatchExecutor executor(JudgeClient client, JudgeClock clock) {
        return JudgeBatchExecutor.builder(client).clock(clock).jitter(() -> 0.0)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMinutes(1)))
                .adaptiveConcurrency(8).build();
    }

    @Test
    void deliversEveryOutcomeExactlyOnceWithProgress() throws InterruptedException {
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        List<BatchProgress> progress = new CopyOnWriteArrayList<>();

        BatchSummary summary = executor(new KeyedClient(), new FakeClock()).run(tasks(100), key -> false,
                outcome -> delivered.computeIfAbsent(outcome.key(), k -> new AtomicInteger()).incrementAndGet(),
                progress::add);

        assertThat(delivered).hasSize(100);
        assertThat(delivered.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(summary.succeeded()).isEqualTo(90);
        assertThat(summary.failed()).isEqualTo(10);
        assertThat(summary.cancelled()).isZero();
        assertThat(summary.throttledAttempts()).isEqualTo(10);
        assertThat(summary.progress().retries()).isEqualTo(10);
        assertThat(summary.progress().attempts()).isEqualTo(110);
        assertThat(summary.progress().usage()).isEqualTo(new TokenUsage(900, 180, 0, 0));
        assertThat(summary.progress().remaining()).isZero();
        assertThat(summary.callbackErrors()).isZero();
        BatchProgress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isEqualTo(100);
        assertThat(last.eta()).contains(Duration.ZERO);
        assertThat(progress).extracting(BatchProgress::done).isSorted();
    }

    @Test
    void skipsFinishedKeysOnResume() throws InterruptedException {
        Set<String> finished = Set.of("rollout-0", "rollout-1", "rollout-2");
        List<String> keys = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient();

        BatchSummary summary = executor(client, new FakeClock()).run(tasks(10), finished::contains,
                outcome -> keys.add(outcome.key()), JudgeBatchExecutor.ProgressListener.NONE);

        assertThat(keys).hasSize(7).doesNotContainAnyElementsOf(finished);
        assertThat(client.calls()).isEqualTo(7);
        assertThat(summary.progress().skipped()).isEqualTo(3);
        assertThat(summary.succeeded()).isEqualTo(7);
    }

    @Test
    void toleratesAThrowingCallback() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();

        BatchSummary summary;
        try (CapturedLog log = CapturedLog.of(JudgeBatchExecutor.class)) {
            summary = executor(new ScriptedClient(), new FakeClock()).run(tasks(20), key -> false, outcome -> {
                if (calls.incrementAndGet() % 2 == 0) {
                    throw new IllegalStateException("store is full");
                }
            }, JudgeBatchExecutor.ProgressListener.NONE);
            assertThat(log.messages(Level.ERROR)).hasSize(10)
                    .allSatisfy(m -> assertThat(m).startsWith("outcome listener failed for judge task rollout-"));
        }

        assertThat(calls).hasValue(20);
        assertThat(summary.callbackErrors()).isEqualTo(10);
        assertThat(summary.succeeded()).isEqualTo(20);
    }

    /** Holds the first delivery until every call has started, so the rest queue up behind it. */
    private static final class SlowFirstListener implements JudgeBatchExecutor.BatchOutcomeListener {
        final CountDownLatch allCalled;
        final List<Integer> deliverySizes = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final boolean failTogether;

        SlowFirstListener(int tasks, boolean failTogether) {
            this.allCalled = new CountDownLatch(tasks);
            this.failTogether = failTogether;
        }

        private void holdTheFirst() throws InterruptedException {
            if (deliverySizes.isEmpty()) {
                allCalled.await(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }

        @Override
        public void onOutcome(JudgeOutcome outcome) throws InterruptedException {
            holdTheFirst();
            deliverySizes.add(1);
            delivered.computeIfAbsent(outcome.key(), k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onOutcomes(List<JudgeOutcome> outcomes) throws InterruptedException {
            holdTheFirst();
            if (failTogether) {
                throw new IllegalStateException("the store refused the batch");
            }
            deliverySizes.add(outcomes.size());
            outcomes.forEach(o -> delivered.computeIfAbsent(o.key(), k -> new AtomicInteger()).incrementAndGet());
        }
    }

    private static JudgeClient countingDown(CountDownLatch latch) {
        return new JudgeClient() {
            @Override
            public JudgeResponse call(JudgeRequest request) {
                latch.countDown();
                return ScriptedClient.ok("{\"score\": 1}");
            }

            @Override
            public String name() {
                return "counting";
            }
        };
    }

    @Test
    void outcomesThatQueuedUpWhileTheListenerWasBusyAreDeliveredTogether() throws InterruptedException {
        SlowFirstListener listener = new SlowFirstListener(30, false);

        BatchSummary summary = executor(countingDown(listener.allCalled), new FakeClock()).run(tasks(30), key -> false,
                listener, JudgeBatchExecutor.ProgressListener.NONE);

        assertThat(summary.succeeded()).isEqualTo(30);
        assertThat(listener.delivered).hasSize(30);
        assertThat(listener.delivered.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(listener.deliverySizes).hasSizeLessThan(30).anySatisfy(size -> assertThat(size).isGreaterThan(1));
        assertThat(listener.deliverySizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
    }

    @Test
    void outcomesRefusedTogetherAreDeliveredOneByOne() throws InterruptedException {
        SlowFirstListener listener = new SlowFirstListener(30, true);

        BatchSummary summary;
        try (CapturedLog log = CapturedLog.of(JudgeBatchExecutor.class)) {
            summary = executor(countingDown(listener.allCalled), new FakeClock()).run(tasks(30), key -> false,
                    listener, JudgeBatchExecutor.ProgressListener.NONE);
            assertThat(log.messages(Level.WARN)).isNotEmpty()
                    .allSatisfy(m -> assertThat(m).contains("delivering them one by one"));
        }

        assertThat(summary.callbackErrors()).isZero();
        assertThat(listener.deliverySizes).hasSize(30).containsOnly(1);
        assertThat(listener.delivered.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void rejectsDuplicateKeys() {
        List<JudgeTask> twice = new ArrayList<>(tasks(2));
        twice.add(twice.get(0));
        assertThatThrownBy(() -> executor(new ScriptedClient(), new FakeClock()).start(twice, k -> false, o -> { },
                JudgeBatchExecutor.ProgressListener.NONE)).hasMessageContaining("rollout-0");
    }

    /** A client that blocks until interrupted after the first {@code quick} calls. */
    private static final class HangingClient implements JudgeClient {
        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch hanging;
        final int quick;

        HangingClient(int quick, int hangers) {
            this.quick = quick;
            this.hanging = new CountDownLatch(hangers);
        }

        @Override
        public JudgeResponse call(JudgeRequest request) {
            if (started.incrementAndGet() <= quick) {
                return ScriptedClient.ok("fast");
            }
            hanging.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
                return ScriptedClient.ok("slow");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JudgeCallException(FailureKind.INTERRUPTED, "Interrupted", 0, "interrupted", null, null, e);
            }
        }

        @Override
        public String name() {
            return "hanging";
        }
    }

    @Test
    void cancelInterruptsInFlightCallsAndReportsTheRestAsCancelled() throws InterruptedException {
        HangingClient client = new HangingClient(5, 4);
        Map<String, JudgeOutcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        JudgeBatchExecutor executor = JudgeBatchExecutor.builder(client).fixedConcurrency(4).build();

        JudgeBatchExecutor.BatchHandle handle = executor.start(tasks(50), key -> false, outcome -> {
            deliveries.incrementAndGet();
            outcomes.put(outcome.key(), outcome);
        }, JudgeBatchExecutor.ProgressListener.NONE);
        assertThat(client.hanging.await(10, TimeUnit.SECONDS)).as("4 calls in flight").isTrue();
        handle.cancel();
        BatchSummary summary = handle.await(Duration.ofSeconds(10)).orElseThrow();

        assertThat(deliveries).hasValue(50);
        assertThat(outcomes).hasSize(50);
        assertThat(summary.cancelRequested()).isTrue();
        assertThat(summary.succeeded()).isEqualTo(5);
        assertThat(summary.cancelled()).isEqualTo(45);
        assertThat(summary.failed()).isZero();
        assertThat(client.started).as("no call started after cancel").hasValue(9);
        assertThat(outcomes.values()).filteredOn(o -> o instanceof JudgeOutcome.Cancelled)
                .allSatisfy(o -> assertThat(o.recordedStatus()).isEmpty());
    }

    @Test
    void cancelWithAFixedThreadPoolReportsQueuedTasks() throws InterruptedException {
        HangingClient client = new HangingClient(0, 2);
        AtomicInteger deliveries = new AtomicInteger();
        JudgeBatchExecutor executor = JudgeBatchExecutor.builder(client).fixedConcurrency(10)
                .workers(() -> java.util.concurrent.Executors.newFixedThreadPool(2)).build();

        JudgeBatchExecutor.BatchHandle handle = executor.start(tasks(30), key -> false,
                outcome -> deliveries.incrementAndGet(), JudgeBatchExecutor.ProgressListener.NONE);
        assertThat(client.hanging.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        BatchSummary summary = handle.await(Duration.ofSeconds(10)).orElseThrow();

        assertThat(deliveries).hasValue(30);
        assertThat(summary.cancelled()).isEqualTo(30);
    }

    @Test
    void convergesAgainstACapacityLimitedServerWithoutFailures() throws InterruptedException {
        try (ConverseTestServer server = ConverseTestServer.start();
             BedrockJudgeClient client = BedrockJudgeClient.create(
                     BedrockJudgeConfig.forRegion("us-east-1").withEndpoint(server.endpoint()),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))) {
            server.capacityMode(6, Duration.ofMillis(20));
            JudgeBatchExecutor executor = JudgeBatchExecutor.builder(client)
                    .retryPolicy(new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofMinutes(1)))
                    .adaptiveConcurrency(32).build();
            List<Integer> limits = new CopyOnWriteArrayList<>();

            BatchSummary summary = executor.run(tasks(300), key -> false, outcome -> { },
                    progress -> limits.add(progress.concurrencyLimit()));

            assertThat(summary.succeeded()).isEqualTo(300);
            assertThat(summary.failed()).isZero();
            assertThat(server.maxConcurrentAdmitted()).isLessThanOrEqualTo(6);
            assertThat(summary.throttledAttempts()).isEqualTo(server.throttledCount()).isPositive();
            // the limit settles near the server's capacity (6), far below the cap of 32; on a starved
            // machine throttles come later, so it may end a little above that
            assertThat(limits.get(limits.size() - 1)).isBetween(3, 16);
            assertThat(summary.throttledAttempts()).isLessThan(300);
        }
    }
}
