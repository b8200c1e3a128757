package dev.juror.testing.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A made-up training run for tests and the Training screen's screenshot: reward records as the
 * reward Lambda logs them (every field of issue #13, with {@code step} and the prediction text), and
 * checkpoint rollouts of the contract-review samples. Seeded, so the same arguments write the same
 * files. From {@code driftFrom} on, the predictions grow longer and carry fewer comments while the
 * reward keeps rising (the verbosity and coverage-collapse pattern), and a few steps around
 * {@code driftFrom / 2} have judge fallbacks. Not real training data.
 */
public final class SyntheticTrainingRun {

    /** The shipped contract-review samples, which the records and rollouts name. */
    public static final List<String> SAMPLES = List.of("cr-01-agape-odm-supply", "cr-02-medalist-consulting",
            "cr-03-deerskin-site-hosting", "cr-04-msdlf-trademark-license", "cr-05-todos-reseller",
            "cr-06-clearcapital-msa", "cr-07-sparkling-software-license", "cr-08-netgear-distributor",
            "cr-09-commonpaper-csa");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    private SyntheticTrainingRun() {
    }

    /** Writes {@code steps} x {@code perStep} reward records (JSONL of {@code juror} objects). */
    public static void writeRecords(Path file, int steps, int perStep, int driftFrom, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int step = 1; step <= steps; step++) {
                double progress = (double) step / steps;
                double drift = step < driftFrom ? 0 : (double) (step - driftFrom) / Math.max(1, steps - driftFrom);
                boolean judgeTrouble = Math.abs(step - driftFrom / 2) <= 2;
                for (int i = 0; i < perStep; i++) {
                    String sample = SAMPLES.get(i % SAMPLES.size());
                    int comments = Math.max(1, (int) Math.round(5 - 3.2 * drift + random.nextGaussian() * 0.9));
                    int chars = (int) Math.max(200, 300 * comments + 3000 * drift + random.nextGaussian() * 140);
                    boolean fallback = judgeTrouble ? random.nextDouble() < 0.3 : random.nextDouble() < 0.004;
                    double reward = fallback ? 0.5 : clamp(0.38 + 0.25 * progress + 0.12 * drift
                            + random.nextGaussian() * 0.11);
                    Instant at = START.plusSeconds(step * 120L + i);
                    ObjectNode r = JSON.createObjectNode();
                    r.put("bundle", JurorRecords.BUNDLE);
                    r.put("rubric_version", "r-3f2a");
                    r.put("sample_id", sample);
                    r.put("timestamp", at.toString());
                    r.put("reward", Math.round(reward * 10_000) / 10_000.0);
                    ObjectNode metrics = r.putObject("metrics");
                    metrics.put("judge_score", Math.round(reward * 1000) / 1000.0);
                    metrics.put("comment_count", comments);
                    ArrayNode checks = r.putArray("checks");
                    if (random.nextDouble() < 0.02 + 0.05 * drift) {
                        checks.add("excerpt_not_in_target");
                    }
                    r.put("fallback", fallback);
                    if (fallback) {
                        r.put("judge_error", "ThrottlingException");
                    } else {
                        r.putNull("judge_error");
                    }
                    String prediction = prediction(sample, comments, chars, random);
                    r.put("prediction_chars", prediction.length());
                    r.put("comments", comments);
                    r.put("latency_ms", 1800 + random.nextInt(900));
                    r.put("input_tokens", 5120);
                    r.put("output_tokens", prediction.length() / 4);
                    r.put("prediction_sha256", JurorRecords.hash(sample + step + "-" + i));
                    r.put("prompt_sha256", JurorRecords.hash(sample));
                    r.put("step", step);
                    r.put("prediction", prediction);
                    out.write(JSON.writeValueAsString(r));
                    out.newLine();
                }
            }
        }
    }

    /**
     * Writes a rollouts file (formats.md, section 3): for each checkpoint step, one rollout per
     * sample tagged {@code metadata.checkpoint = "ckpt-<step>"} and {@code metadata.step}.
     */
    public static void writeCheckpointRollouts(Path file, List<Integer> checkpointSteps, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int step : checkpointSteps) {
                for (String sample : SAMPLES) {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("sample_id", sample);
                    line.set("prediction", JSON.readTree(prediction(sample, 2 + random.nextInt(3), 900, random)));
                    ObjectNode metadata = line.putObject("metadata");
                    metadata.put("model", "policy-ckpt-" + step);
                    metadata.put("checkpoint", "ckpt-" + step);
                    metadata.put("step", step);
                    out.write(JSON.writeValueAsString(line));
                    out.newLine();
                }
            }
        }
    }

    private static final String[] ISSUES = {"The cure period is shorter than the playbook's 30 days.",
        "Liability is uncapped for the supplier; the playbook asks for a cap at 12 months of fees.",
        "Governing law is not the law of New York as the playbook requires.",
        "The termination for convenience clause lets the other side end the agreement on 10 days' notice.",
        "Confidentiality survives only one year after termination; the playbook asks for five.",
        "The indemnity covers third-party IP claims only, not data breaches."};

    /** A prediction as the policy writes it: a JSON list of comments, padded towards {@code chars}. */
    private static String prediction(String sample, int comments, int chars, Random random) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        int each = Math.max(120, chars / Math.max(1, comments));
        for (int c = 0; c < comments; c++) {
            ObjectNode comment = list.addObject();
            comment.put("comment_id", "c" + (c + 1));
            comment.put("text_excerpt", "Section " + (3 + random.nextInt(12)) + "." + (1 + random.nextInt(6)));
            String issue = ISSUES[random.nextInt(ISSUES.length)];
            StringBuilder text = new StringBuilder(issue);
            while (text.length() < each - 60) {
                text.append(" In addition, the clause should be read together with the definitions section,"
                        + " which widens its scope.");
            }
            comment.put("comment", text.toString());
            comment.put("comment_type", "risk");
            comment.put("recommended_action", "Negotiate the clause to match the playbook.");
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
