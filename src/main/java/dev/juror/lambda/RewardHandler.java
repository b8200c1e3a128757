package dev.juror.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.InvalidSampleException;
import dev.juror.dataset.NovaSample;
import dev.juror.dataset.NovaSampleExtractor;
import dev.juror.judge.Judge;
import dev.juror.reward.CompositeReward;
import dev.juror.reward.RewardInput;
import dev.juror.reward.RewardMetric;
import dev.juror.reward.RewardOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reward Lambda ({@code dev.juror.lambda.RewardHandler::handleRequest}), following the Nova
 * RFT reward-function contract: reads an event of samples in any documented shape, scores each with
 * the {@link CompositeReward} (deterministic checks first, then the judge, in parallel under the
 * configured cap), and writes one result per sample in input order:
 * {@code {"id", "aggregate_reward_score", "metrics_list": [{"name", "value", "type": "Reward"|"Metric"}]}}
 * as a bare JSON array (or the {@code statusCode}/{@code body} envelope when configured).
 *
 * <p>Nothing escapes: a sample that cannot be read gets the neutral reward with
 * {@code invalid_sample = 1} and an {@code error} field; an event that holds no recognisable sample
 * gives a one-element array with id {@code event-error}; a sample whose judge has not answered when
 * the Lambda's deadline nears gets the neutral reward with {@code judge_error = 1} and
 * {@code deadline_exceeded = 1}. A judge failure caused by the prediction (output-token limit, an
 * answer echoing it) gets the floor with {@code prediction_failure = 1}, any other the neutral
 * reward with {@code service_failure = 1} (see {@link CompositeReward}). Every sample's {@code id}
 * comes back exactly as received ({@link SampleIds}). See docs/lambda.md.
 *
 * <p>Configuration and the Bedrock client are built once, in the constructor (the Lambda's init
 * phase); see {@link RewardRuntime}. The no-argument constructor then primes the judge path against
 * a loopback stub ({@link RewardPriming}, {@link PrimingSchedule}).
 */
public final class RewardHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RewardRuntime runtime;
    /** One reward record per sample (CloudWatch EMF on stdout); see {@link RewardRecords}. */
    private final RewardRecords records;
    /** Kept reachable: the SnapStart hook may be held weakly by the CRaC context. */
    private final PrimingSchedule priming;

    /**
     * What the Lambda runtime calls: configuration from the package, Bedrock client from the
     * environment, then priming (in init, or in SnapStart's {@code beforeCheckpoint}; never calls AWS).
     */
    public RewardHandler() {
        this(RewardRuntime.fromEnvironment(), PrimingSchedule.when(System::getProperty, System::getenv));
    }

    /** With a runtime built elsewhere (tests, benchmarks); no priming, no reward records. */
    public RewardHandler(RewardRuntime runtime) {
        this(runtime, RewardRecords.OFF);
    }

    /** With a runtime built elsewhere, writing reward records to {@code out} (benchmarks); no priming. */
    public static RewardHandler withRecords(RewardRuntime runtime, java.io.PrintStream out, boolean logPredictions) {
        return new RewardHandler(runtime, new RewardRecords(true, logPredictions, runtime.handlerId(),
                runtime.config().rubricVersion(), out::println, System.err));
    }

    /** With records written as {@code records} says; no priming. Package-visible for tests. */
    RewardHandler(RewardRuntime runtime, RewardRecords records) {
        this.runtime = runtime;
        this.records = records;
        this.priming = null;
    }

    /** With priming scheduled as {@code when} says. Package-visible for tests. */
    RewardHandler(RewardRuntime runtime, PrimingSchedule.When when) {
        this(runtime, PrimingSchedule.priming(runtime, when), when);
    }

    RewardHandler(RewardRuntime runtime, RewardPriming priming, PrimingSchedule.When when) {
        this.runtime = runtime;
        this.records = RewardRecords.fromEnvironment(runtime, System::getProperty, System::getenv);
        this.priming = PrimingSchedule.start(priming, when);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        byte[] event;
        try {
            event = input.readAllBytes();
        } catch (IOException e) {
            write(output, List.of(Result.eventError(runtime.neutralReward(), "cannot read the event: " + e.getMessage())));
            return;
        }
        List<ScoredSample> scored = score(event, context);
        List<Result> results = scored.stream().map(ScoredSample::result).toList();
        write(output, results);
        // After the answer is written, so a failing record cannot touch it (the cost: docs/benchmarks.md).
        records.write(scored);
        log(context, results, System.nanoTime() - start);
    }

    /** Scores an event; never throws. Package-visible for tests. */
    List<Result> handle(byte[] event, Context context) {
        return score(event, context).stream().map(ScoredSample::result).toList();
    }

    /** Scores an event, keeping what each sample's reward record needs; never throws. */
    List<ScoredSample> score(byte[] event, Context context) {
        EventSamples.Parsed parsed;
        try {
            parsed = EventSamples.parse(JSON, event);
        } catch (RuntimeException e) {
            parsed = EventSamples.Parsed.failed("the event cannot be read: " + e);
        }
        if (!parsed.ok()) {
            // No sample to record: the event error is in the answer and the summary log line.
            return List.of(ScoredSample.unread(Result.eventError(runtime.neutralReward(), parsed.error()), null));
        }
        List<JsonNode> samples = parsed.samples();
        if (samples.isEmpty()) {
            return List.of();
        }
        List<JsonNode> ids = SampleIds.of(samples);
        Duration budget = budget(context);
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        List<ScoredSample> results = new ArrayList<>(samples.size());
        // Not closed with try-with-resources: close() would wait for judges that missed the deadline.
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<ScoredSample>> futures = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                JsonNode sample = samples.get(i);
                JsonNode id = ids.get(i);
                int index = i;
                futures.add(workers.submit(() -> scoreSample(sample, id, index)));
            }
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), deadline, ids.get(i), samples.get(i), started));
            }
        } finally {
            workers.shutdownNow();
        }
        return results;
    }

    private ScoredSample await(Future<ScoredSample> future, long deadline, JsonNode id, JsonNode sample, long started) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return missedDeadline(id, sample, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return missedDeadline(id, sample, started);
        } catch (ExecutionException e) {
            return ScoredSample.unread(Result.invalid(id, runtime.neutralReward(), "scoring failed: " + e.getCause()),
                    sample);
        }
    }

    private ScoredSample missedDeadline(JsonNode id, JsonNode sample, long started) {
        return ScoredSample.deadline(Result.deadline(id, runtime.neutralReward()), sample,
                (System.nanoTime() - started) / 1_000_000);
    }

    private ScoredSample scoreSample(JsonNode sample, JsonNode id, int index) {
        NovaSample nova;
        try {
            nova = NovaSampleExtractor.extract(sample);
        } catch (InvalidSampleException e) {
            return ScoredSample.unread(Result.invalid(id, runtime.neutralReward(), e.getMessage()), sample);
        } catch (RuntimeException e) {
            return ScoredSample.unread(Result.invalid(id, runtime.neutralReward(), "unreadable sample: " + e), sample);
        }
        RewardOutcome outcome = runtime.reward().score(RewardInput.from(nova), SampleIds.key(id, index));
        List<RewardMetric> extra = new ArrayList<>();
        if (!nova.hasPrediction()) {
            extra.add(RewardMetric.metric("no_assistant_turn", 1));
        }
        if (runtime.config().unvalidated()) {
            extra.add(RewardMetric.metric("unvalidated_bundle", 1));
        }
        return ScoredSample.scored(Result.scored(id, outcome, extra), sample, nova.prediction(), outcome);
    }

    private Duration budget(Context context) {
        Duration fallback = runtime.config().maxEventTime();
        if (context == null) {
            return fallback;
        }
        long remaining = context.getRemainingTimeInMillis();
        if (remaining <= 0) {
            return fallback;
        }
        Duration margin = runtime.config().deadlineMargin();
        // Keep at least a quarter of the remaining time as margin for tiny timeouts.
        long usable = Math.max(remaining / 4 * 3, remaining - margin.toMillis());
        return Duration.ofMillis(Math.max(1, Math.min(usable, fallback.toMillis())));
    }

    private void write(OutputStream output, List<Result> results) throws IOException {
        if (!runtime.config().envelope()) {
            try (JsonGenerator g = JSON.getFactory().createGenerator(output, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                Result.writeArray(g, results);
            }
            output.flush();
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(body, JsonEncoding.UTF8)) {
            Result.writeArray(g, results);
        }
        try (JsonGenerator g = JSON.getFactory().createGenerator(output, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("statusCode", 200);
            g.writeStringField("body", body.toString(StandardCharsets.UTF_8));
            g.writeEndObject();
        }
        output.flush();
    }

    private static void log(Context context, List<Result> results, long nanos) {
        if (context == null || context.getLogger() == null) {
            return;
        }
        long floored = results.stream().filter(Result::floored).count();
        long judgeErrors = results.stream().filter(Result::judgeError).count();
        long predictionFailures = results.stream().filter(r -> r.has(CompositeReward.PREDICTION_FAILURE)).count();
        long serviceFailures = results.stream().filter(r -> r.has(CompositeReward.SERVICE_FAILURE)).count();
        context.getLogger().log("juror-reward: " + results.size() + " samples, " + floored + " floored, " + judgeErrors
                + " judge errors (" + predictionFailures + " prediction failures floored, " + serviceFailures
                + " service failures neutral), " + (nanos / 1_000_000) + " ms\n");
    }

    /** When this handler primes (null: built without priming). Package-visible for tests. */
    PrimingSchedule.When primingWhen() {
        return priming == null ? null : priming.when();
    }

    /** The judge behind this handler (for closing in tests and local invoke). */
    Judge judge() {
        return runtime.judge();
    }
}
