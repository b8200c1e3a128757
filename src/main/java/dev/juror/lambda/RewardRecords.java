package dev.juror.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.juror.reward.CompositeReward;
import dev.juror.reward.RewardMetric;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Writes one reward record per sample: a single line of CloudWatch Embedded Metric Format (so
 * {@code Reward}, {@code Fallback}, {@code JudgeLatency} and friends become metrics in namespace
 * {@value #NAMESPACE} with no set-up) whose {@code juror} member is the record {@code juror watch
 * import} reads back. Field by field in docs/lambda.md; the names are a contract, do not rename.
 *
 * <p>Never fails a sample: any exception while building or writing a line is swallowed; the first
 * of an event is reported in one line to the error stream with the number of records lost.
 */
public final class RewardRecords {

    static final String NAMESPACE = "Juror/Reward";
    static final String DIMENSION = "RubricVersion";
    /** {@code true} writes each prediction's text into its record (off by default: may quote confidential text). */
    public static final String LOG_PREDICTIONS_ENV = "JUROR_LOG_PREDICTIONS";
    /** {@code off} writes no records at all; {@code stderr} writes them to standard error. */
    public static final String RECORDS_ENV = "JUROR_REWARD_RECORDS";
    public static final String RECORDS_PROPERTY = "juror.reward.records";

    /** Where finished lines go: stdout in Lambda (its lines become CloudWatch Logs events). */
    @FunctionalInterface
    interface Sink {
        void line(String line) throws IOException;
    }

    /** Records off (tests and benchmarks that do not measure them). */
    static final RewardRecords OFF = new RewardRecords(false, false, "", "", line -> { }, System.err);

    private static final JsonFactory FACTORY = new JsonFactory();

    private final boolean enabled;
    private final boolean logPredictions;
    private final String bundle;
    private final String rubricVersion;
    private final Sink sink;
    private final PrintStream errors;

    RewardRecords(boolean enabled, boolean logPredictions, String bundle, String rubricVersion, Sink sink,
                  PrintStream errors) {
        this.enabled = enabled;
        this.logPredictions = logPredictions;
        this.bundle = bundle;
        this.rubricVersion = rubricVersion;
        this.sink = sink;
        this.errors = errors;
    }

    /**
     * As the environment says: records to stdout unless {@value #RECORDS_PROPERTY} (system property)
     * or {@value #RECORDS_ENV} says {@code off} or {@code stderr} (the property wins; {@code juror
     * lambda invoke} uses {@code stderr} so its standard output stays the handler's answer);
     * predictions only when {@value #LOG_PREDICTIONS_ENV} is {@code true}.
     */
    static RewardRecords fromEnvironment(RewardRuntime runtime, UnaryOperator<String> properties,
                                         UnaryOperator<String> env) {
        String mode = trimmed(properties.apply(RECORDS_PROPERTY));
        if (mode.isEmpty()) {
            mode = trimmed(env.apply(RECORDS_ENV));
        }
        boolean on = !"off".equalsIgnoreCase(mode);
        boolean predictions = "true".equalsIgnoreCase(trimmed(env.apply(LOG_PREDICTIONS_ENV)));
        PrintStream out = "stderr".equalsIgnoreCase(mode) ? System.err : System.out;
        return new RewardRecords(on, predictions, runtime.handlerId(), runtime.config().rubricVersion(), out::println,
                System.err);
    }

    boolean enabled() {
        return enabled;
    }

    boolean logsPredictions() {
        return logPredictions;
    }

    /** One line per sample, in order (none for an unreadable event); never throws. */
    void write(List<ScoredSample> samples) {
        if (!enabled) {
            return;
        }
        int lost = 0;
        Throwable first = null;
        for (ScoredSample s : samples) {
            if (s.result().has("event_error")) {
                continue; // not a sample: the answer and the summary line carry the event's error
            }
            try {
                sink.line(line(s));
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError fatal && !(fatal instanceof StackOverflowError)) {
                    throw fatal;
                }
                lost++;
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            try {
                errors.println("juror-reward: " + lost + " of " + samples.size() + " reward records not written: " + first);
            } catch (RuntimeException ignored) {
                // Nothing left to tell it to; the samples are scored all the same.
            }
        }
    }

    /** The EMF line of one sample (no line break inside). */
    String line(ScoredSample s) throws IOException {
        Result r = s.result();
        boolean fallback = fallback(r);
        boolean asked = s.judgeCall().asked();
        String judgeError = judgeError(s);
        int comments = (int) metric(r, "comment_count");
        int chars = s.prediction().codePointCount(0, s.prediction().length());
        StringWriter w = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", s.finishedAtMs());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString(DIMENSION);
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            metricDef(g, "Reward", "None");
            metricDef(g, "Fallback", "Count");
            metricDef(g, "JudgeError", "Count");
            metricDef(g, "Floored", "Count");
            metricDef(g, "PredictionChars", "None");
            metricDef(g, "Comments", "Count");
            if (asked) {
                metricDef(g, "JudgeLatency", "Milliseconds");
                metricDef(g, "InputTokens", "Count");
                metricDef(g, "OutputTokens", "Count");
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField(DIMENSION, rubricVersion);
            g.writeNumberField("Reward", r.score());
            g.writeNumberField("Fallback", fallback ? 1 : 0);
            g.writeNumberField("JudgeError", judgeError == null ? 0 : 1);
            g.writeNumberField("Floored", r.floored() ? 1 : 0);
            g.writeNumberField("PredictionChars", chars);
            g.writeNumberField("Comments", comments);
            if (asked) {
                g.writeNumberField("JudgeLatency", s.judgeCall().latencyMs());
                g.writeNumberField("InputTokens", s.judgeCall().inputTokens());
                g.writeNumberField("OutputTokens", s.judgeCall().outputTokens());
            }
            g.writeObjectFieldStart("juror");
            g.writeStringField("bundle", bundle);
            g.writeStringField("rubric_version", rubricVersion);
            g.writeStringField("sample_id", r.id().isTextual() ? r.id().asText() : r.id().toString());
            g.writeStringField("timestamp", Instant.ofEpochMilli(s.finishedAtMs()).toString());
            g.writeNumberField("reward", r.score());
            g.writeObjectFieldStart("metrics");
            for (RewardMetric m : r.metrics()) {
                g.writeNumberField(m.name(), m.value());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("checks");
            for (RewardMetric m : r.metrics()) {
                if (m.name().startsWith(RULE_PREFIX) && m.value() > 0) {
                    g.writeString(m.name().substring(RULE_PREFIX.length()));
                }
            }
            g.writeEndArray();
            g.writeBooleanField("fallback", fallback);
            if (judgeError == null) {
                g.writeBooleanField("judge_error", false);
            } else {
                g.writeStringField("judge_error", judgeError);
            }
            g.writeNumberField("prediction_chars", chars);
            g.writeNumberField("comments", comments);
            if (asked) {
                g.writeNumberField("latency_ms", s.judgeCall().latencyMs());
            } else {
                g.writeNullField("latency_ms");
            }
            g.writeNumberField("input_tokens", s.judgeCall().inputTokens());
            g.writeNumberField("output_tokens", s.judgeCall().outputTokens());
            g.writeStringField("prediction_sha256", s.predictionSha256());
            g.writeStringField("prompt_sha256", s.promptSha256());
            if (s.step().isPresent()) {
                g.writeNumberField("step", s.step().getAsLong());
            }
            if (logPredictions) {
                g.writeStringField("prediction", s.prediction());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static final String RULE_PREFIX = "rule.";

    /** The reward is the neutral value because the sample was not scored normally. */
    static boolean fallback(Result r) {
        return r.has(CompositeReward.SERVICE_FAILURE) || r.has("invalid_sample") || r.has("reward_error");
    }

    /** Null when the judge did not fail; else its failure status, or {@code deadline_exceeded}. */
    private static String judgeError(ScoredSample s) {
        if (!s.result().judgeError()) {
            return null;
        }
        String status = s.judgeStatus();
        return status == null || status.isBlank() ? "error" : status.toLowerCase(Locale.ROOT);
    }

    private static double metric(Result r, String name) {
        for (RewardMetric m : r.metrics()) {
            if (m.name().equals(name)) {
                return m.value();
            }
        }
        return 0;
    }

    private static void metricDef(JsonGenerator g, String name, String unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeStringField("Unit", unit);
        g.writeEndObject();
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }
}
