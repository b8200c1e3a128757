package dev.juror.testing.watch;

import java.time.Instant;
import java.util.Locale;

/**
 * Reward records as the exported Lambda logs them (issue #13 field names), for tests and the import
 * benchmark: the bare {@code juror} object, or the whole EMF line around it.
 */
public final class JurorRecords {

    public static final String BUNDLE = "sha256:5f1c0ffee0000000000000000000000000000000000000000000000000000001";

    private JurorRecords() {
    }

    /** A {@code juror} object; {@code step} below 0 leaves the member out (the Nova contract sends none). */
    public static String record(String bundle, String sampleId, Instant timestamp, double reward, int step) {
        StringBuilder b = new StringBuilder(480);
        b.append("{\"bundle\":\"").append(bundle).append("\",\"rubric_version\":\"r-3f2a\",\"sample_id\":\"")
                .append(sampleId).append("\",\"timestamp\":\"").append(timestamp).append("\",\"reward\":")
                .append(String.format(Locale.ROOT, "%.4f", reward))
                .append(",\"metrics\":{\"accuracy\":").append(String.format(Locale.ROOT, "%.3f", reward))
                .append(",\"coverage\":0.5},\"checks\":[],\"fallback\":false,\"judge_error\":null,")
                .append("\"prediction_chars\":1834,\"comments\":4,\"latency_ms\":2310,\"input_tokens\":5120,")
                .append("\"output_tokens\":412,\"prediction_sha256\":\"").append(hash(sampleId + "p" + timestamp))
                .append("\",\"prompt_sha256\":\"").append(hash(sampleId)).append('"');
        if (step >= 0) {
            b.append(",\"step\":").append(step);
        }
        return b.append('}').toString();
    }

    /** The EMF log line the Lambda prints: CloudWatch metrics members around the record. */
    public static String emf(String record, Instant timestamp, double reward) {
        return "{\"_aws\":{\"Timestamp\":" + timestamp.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"Juror/Reward\",\"Dimensions\":[[\"Rubric\"]],\"Metrics\":[{\"Name\":\"Reward\",\"Unit\":\"None\"}]}]},"
                + "\"Rubric\":\"contract-review\",\"Reward\":" + reward + ",\"juror\":" + record + "}";
    }

    /** A stand-in SHA-256 (64 hex digits), distinct per input. */
    public static String hash(String input) {
        long h = input.hashCode() * 0x9E3779B97F4A7C15L;
        String part = String.format(Locale.ROOT, "%016x", h);
        return (part + part + part + part).substring(0, 64);
    }
}
