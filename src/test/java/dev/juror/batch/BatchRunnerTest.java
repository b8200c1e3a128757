package dev.juror.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.judge.JudgeClient;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.ResultSink;
import dev.juror.judge.run.RunItem;
import dev.juror.judge.run.RunResult;
import dev.juror.judge.run.RunSummary;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.dataset.Prediction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch runner over an in-memory object store and job service: output joined back exactly
 * whatever its order, every record accounted for, the minimum and size limits, a job found again
 * after a crash, cancel.
 */
class BatchRunnerTest {

    static final String RUBRIC = """
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
    private static final Pattern PREDICTION = Pattern.compile("prediction number (\\d+)\\.");

    @TempDir
    Path temp;

    final MemoryBatchService service = new MemoryBatchService();
    final MemoryBatchService.MemoryLedger ledger = new MemoryBatchService.MemoryLedger();
    final MemorySink sink = new MemorySink();

    /** Answers with a score that depends on the prediction: 1 + its number mod 5. */
    static String answerFor(String userText) {
        Matcher m = PREDICTION.matcher(userText);
        int score = m.find() ? 1 + Integer.parseInt(m.group(1)) % 5 : 1;
        return "{\"comments\": [{\"comment_id\": \"response\", \"Good\": {\"score\": " + score
                + ", \"justification\": \"ok\"}, \"Comment_Score\": " + score + "}],"
                + " \"Aggregate_Score\": {\"score\": " + score + ", \"total_comments\": 1, \"rationale\": \"ok\"}}";
    }

    @Test
    void outputInAnyOrderJoinsBackToTheCallItAnswers() throws Exception {
        service.answer = BatchRunnerTest::answerFor;
        RunSummary summary = run(plan(120, 1), options());

        assertThat(summary.complete()).isTrue();
        assertThat(sink.results).hasSize(120);
        for (int i = 0; i < 120; i++) {
            RunResult result = sink.results.get(i + "#0");
            assertThat(result.result().status()).isEqualTo(ResultStatus.OK);
            assertThat(result.result().sampleScore()).as("rollout %d", i).hasValue(1.0 + i % 5);
        }
        assertThat(service.jobs).hasSize(1);
        assertThat(summary.progress().stage()).contains("Completed: 120 answered, 0 record errors, 0 missing")
                .contains("the manifest agrees (120 records)");
    }

    @Test
    void aManifestThatDisagreesWithTheOutputIsSaidSo() throws Exception {
        service.answer = BatchRunnerTest::answerFor;
        service.manifestOverride = "{\"totalRecordCount\":100,\"successRecordCount\":99,\"errorRecordCount\":1}";
        RunSummary summary = run(plan(100, 1), options());

        assertThat(summary.progress().stage()).contains("100 answered")
                .contains("the manifest differs: it counts 99 succeeded and 1 failed of 100 records");
    }

    @Test
    void everyRecordIsAccountedForAnsweredFailedOrMissing() throws Exception {
        service.answer = BatchRunnerTest::answerFor;
        JudgePlan plan = plan(110, 1);
        service.errorRecords.add(recordId(plan, 3));
        service.missingRecords.add(recordId(plan, 4));
        service.missingRecords.add(recordId(plan, 5));

        RunSummary summary = run(plan, options());

        assertThat(sink.results).hasSize(110);
        assertThat(sink.results.get("3#0").result().status()).isEqualTo(ResultStatus.API_ERROR);
        assertThat(sink.results.get("3#0").result().error()).contains("Malformed input request");
        assertThat(sink.results.get("4#0").result().error()).contains("MissingFromBatchOutput")
                .contains("PartiallyCompleted");
        assertThat(sink.results.get("5#0").result().status()).isEqualTo(ResultStatus.API_ERROR);
        assertThat(summary.count(ResultStatus.OK)).isEqualTo(107);
        assertThat(summary.progress().stage()).contains("107 answered, 1 record errors, 2 missing");
    }

    @Test
    void aRunBelowTheMinimumIsRefusedWithTheReason() throws Exception {
        BatchRunner runner = runner(options());
        assertThat(runner.refusal(1, plan(99, 1), sink)).hasValueSatisfying(reason ->
                assertThat(reason).contains("99 calls").contains("at least 100 records"));
        assertThat(runner.refusal(1, plan(50, 2), sink)).isEmpty();
    }

    @Test
    void aRecordOverTheSizeLimitIsNamedAndStoredAsAFailure() throws Exception {
        service.answer = BatchRunnerTest::answerFor;
        List<RunItem> items = items(100);
        items.add(new RunItem(100, JudgeItem.pointwise("rollout-100", rubric(), "", "contract", "playbook",
                new Prediction("x".repeat(50_000), List.of(), null))));
        RunSummary summary = run(new JudgePlan(items, 1), options().withLimits(100, 50_000, 20_000));

        assertThat(sink.results.get("100#0").result().error()).contains("RecordTooLarge").contains("100#0")
                .contains("over the limit of 20000 bytes");
        assertThat(summary.count(ResultStatus.OK)).isEqualTo(100);
    }

    @Test
    void aJobCreatedBeforeACrashIsFoundByItsTokenNotMadeAgain() throws Exception {
        service.answer = BatchRunnerTest::answerFor;
        JudgePlan plan = plan(100, 1);
        // The last session stored the job and its token, and Bedrock accepted it, but the process died
        // before the ARN was stored.
        BatchLedger.Job unsent = ledger.newJob(1, 1, "token-1", "juror-run-1-1",
                S3Location.parseFolder("s3://bucket/runs/juror-run-1-1/input/"),
                S3Location.parseFolder("s3://bucket/runs/juror-run-1-1/output/"), 100);
        String arn = service.create(new BatchJobs.NewJob("juror-run-1-1", "test-model", "arn:role", unsent.input(),
                unsent.output(), "token-1", 24));

        RunSummary summary = run(plan, options());

        assertThat(service.jobs).hasSize(1);
        assertThat(ledger.jobs).singleElement().satisfies(job -> {
            assertThat(job.jobArn()).hasValue(arn);
            assertThat(job.joined()).isTrue();
        });
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void cancelStopsTheJobAndStoresNothingItDidNotFinish() throws Exception {
        service.looksBeforeDone = Integer.MAX_VALUE;
        BatchRunner runner = runner(options());
        var handle = runner.start(1, plan(100, 1), sink, p -> { });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (service.looks.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        handle.cancel();
        RunSummary summary = handle.await();

        assertThat(service.stops.get()).isEqualTo(1);
        assertThat(summary.cancelled()).isTrue();
        assertThat(sink.results).isEmpty();
        assertThat(ledger.jobs).singleElement().satisfies(job -> assertThat(job.status()).isEqualTo("Stopped"));
    }

    private RunSummary run(JudgePlan plan, BatchOptions options) throws Exception {
        return runner(options).start(1, plan, sink, p -> { }).await();
    }

    private BatchRunner runner(BatchOptions options) throws Exception {
        LlmJudge judge = LlmJudge.builder(new NeverCalled(), "bedrock", "test-model").build();
        return new BatchRunner(judge, CanonicalForm.version(rubric()), service, service, ledger, options);
    }

    private BatchOptions options() {
        return BatchOptions.defaults(S3Location.parseFolder("s3://bucket/runs"), "arn:aws:iam::1:role/batch",
                temp.resolve("scratch")).withPolling(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private String recordId(JudgePlan plan, int index) throws Exception {
        RunItem item = plan.items().get(index);
        return RecordIds.of(new dev.juror.judge.JudgeCall(item.key(0), item.item(), 0), item.rolloutId(),
                item.rolloutBId(), CanonicalForm.version(rubric()), "test-model");
    }

    static Rubric rubric() throws Exception {
        return new RubricYaml().read(RUBRIC, "whole.yaml");
    }

    private static List<RunItem> items(int rollouts) throws Exception {
        List<RunItem> items = new ArrayList<>();
        for (int i = 0; i < rollouts; i++) {
            items.add(new RunItem(i, JudgeItem.pointwise("rollout-" + i, rubric(), "", "contract", "playbook",
                    new Prediction("prediction number " + i + ".", List.of(), null))));
        }
        return items;
    }

    static JudgePlan plan(int rollouts, int repeats) throws Exception {
        return new JudgePlan(items(rollouts), repeats);
    }

    /** A transport that must never be used: a batch run sends no on-demand call. */
    static final class NeverCalled implements JudgeClient {
        @Override
        public String name() {
            return "never";
        }

        @Override
        public JudgeResponse call(JudgeRequest request) {
            throw new AssertionError("a batch run made an on-demand call: " + request.key());
        }
    }

    /** In-memory sink with the store's rule: a key stored twice is ignored. */
    static final class MemorySink implements ResultSink {
        final Map<String, RunResult> results = new ConcurrentHashMap<>();

        @Override
        public Set<String> finishedKeys() {
            return Set.copyOf(results.keySet());
        }

        @Override
        public void save(RunResult result) {
            results.putIfAbsent(result.key(), result);
        }
    }
}
