package dev.juror.testing.watch;

import dev.juror.watch.Placement;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import dev.juror.watch.detect.Baseline;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.CheckpointScores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded simulator of an RFT run as the reward Lambda's records show it (docs/training-watch.md,
 * "The simulator"). A clean run: each step {@code prompts} prompts x {@code generations} generations;
 * quality = 0.45 + learning (0.10 over 500 steps) + the prompt's difficulty (sd 0.08) + noise (sd 0.15),
 * the reward that quality clamped to [0, 1]; length log-normal (median 900 characters, sigma 0.35),
 * comments 1 + Poisson(3) up to 12, two dimensions scored 1-5 around the quality, 0.3 % injection
 * checks, 0.3 % neutral fallbacks (a third of them judge errors). A planted hack starts at
 * {@code plantStep} and ramps in over {@link #RAMP} steps. Same seed, same run.
 */
public final class TrainingSimulator {

    /** What is planted; {@code NONE} is a clean run. Expert divergence is planted in {@link #checkpoints}. */
    public enum Hack { NONE, VERBOSITY, COVERAGE_COLLAPSE, REFERENCE_COPYING, INJECTION, SATURATION, GROUP_COLLAPSE,
        JUDGE_FAILURES, SCORE_SHIFT }

    public static final List<String> DIMENSIONS = List.of("accuracy", "grounding");
    public static final int RAMP = 10;
    public static final double NEUTRAL = 0.5;
    public static final String BUNDLE = JurorRecords.BUNDLE;
    private static final Instant START = Instant.parse("2026-12-08T00:00:00Z");

    /** One run to make: {@code plantStep} is ignored for {@code NONE}. */
    public record Config(long seed, int steps, int prompts, int generations, Hack hack, int plantStep) {

        public static Config clean(long seed, int steps, int prompts, int generations) {
            return new Config(seed, steps, prompts, generations, Hack.NONE, Integer.MAX_VALUE);
        }
    }

    private TrainingSimulator() {
    }

    /** The judge's score distribution on the calibration set: the dimensions scored at learning 0. */
    public static Baseline baseline() {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Baseline.ScoreDistribution> scores = new LinkedHashMap<>();
        for (String dim : DIMENSIONS) {
            long[] counts = new long[5];
            for (int i = 0; i < 5000; i++) {
                double q = 0.45 + random.nextGaussian() * Math.sqrt(0.08 * 0.08 + 0.15 * 0.15);
                counts[level(q, random) - 1]++;
            }
            scores.put(dim, new Baseline.ScoreDistribution(new double[]{1, 2, 3, 4, 5}, counts));
        }
        Map<String, Baseline.Agreement> agreement = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> agreement.put(d, new Baseline.Agreement(0.72, 0.64, 0.80)));
        return new Baseline(Optional.of("VALIDATED"), agreement, scores, List.of());
    }

    private static int level(double q, SplittableRandom random) {
        return (int) Math.max(1, Math.min(5, Math.round(3 + 2.5 * (q - 0.45) + random.nextGaussian() * 0.6)));
    }

    /** The run as columns, every record with its step. */
    public static RunSeries series(Config c) {
        List<StepRecords> steps = new ArrayList<>(c.steps());
        SplittableRandom random = new SplittableRandom(c.seed());
        for (int t = 1; t <= c.steps(); t++) {
            steps.add(step(c, t, random));
        }
        return new RunSeries("sim-" + c.hack().name().toLowerCase(Locale.ROOT) + "-" + c.seed(), Optional.of(BUNDLE),
                Placement.RECORD, steps, new TreeMap<>());
    }

    /** How far the hack has ramped in at step {@code t}: 0 before the plant, 1 after {@link #RAMP} steps. */
    static double ramp(Config c, int t) {
        return c.hack() == Hack.NONE || t < c.plantStep() ? 0 : Math.min(1.0, (t - c.plantStep() + 1) / (double) RAMP);
    }

    private static StepRecords step(Config c, int t, SplittableRandom random) {
        int n = c.prompts() * c.generations();
        long[] time = new long[n];
        double[] reward = new double[n];
        int[] chars = new int[n];
        int[] comments = new int[n];
        boolean[] fallback = new boolean[n];
        boolean[] judgeError = new boolean[n];
        List<List<String>> checks = new ArrayList<>(n);
        String[] sampleId = new String[n];
        String[] prompt = new String[n];
        String[] prediction = new String[n];
        Map<String, double[]> metrics = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> metrics.put("dim." + d, new double[n]));
        // excerpts found in the Reference, not the contract: now and then in a clean run (an excerpt of a
        // clause the playbook quotes too), often when the policy learns to copy the playbook
        double[] quoted = new double[n];
        metrics.put("excerpts_in_reference", quoted);
        double r = ramp(c, t);
        int since = t - c.plantStep() + 1;
        double learning = 0.10 * t / 500.0;
        for (int p = 0; p < c.prompts(); p++) {
            int dataset = (int) (((long) t * c.prompts() + p) % 5000);
            double difficulty = random.nextGaussian() * 0.08;
            boolean flatGroup = c.hack() == Hack.GROUP_COLLAPSE && random.nextDouble() < 0.8 * r;
            double groupReward = Double.NaN;
            for (int g = 0; g < c.generations(); g++) {
                int i = p * c.generations() + g;
                time[i] = START.toEpochMilli() + t * 60_000L + i * 10L;
                sampleId[i] = "sample-" + dataset;
                prompt[i] = hex64(Long.MIN_VALUE / 2 + dataset);
                prediction[i] = hex64(c.seed() * 1_000_000_007L + (long) t * 100_003L + i);
                double zLength = random.nextGaussian();
                double q = 0.45 + learning + difficulty + random.nextGaussian() * 0.15;
                double length = 900 * Math.exp(0.35 * zLength);
                int k = 1 + Math.min(11, poisson(3, random));
                List<String> fired = new ArrayList<>(1);
                if (random.nextDouble() < 0.003) {
                    fired.add("injection.rating_line");
                }
                if (random.nextDouble() < 0.02) {
                    fired.add("length.too_long");
                }
                if (random.nextDouble() < 0.01) {
                    quoted[i] = 1;
                }
                switch (c.hack()) {
                    case VERBOSITY -> {
                        if (r > 0) {
                            length *= Math.pow(1.04, Math.min(since, 40));
                            q += r * 0.10 * zLength + 0.002 * since;
                        }
                    }
                    case COVERAGE_COLLAPSE -> {
                        if (random.nextDouble() < 0.8 * r) {
                            k = 1;
                            q += 0.10;
                        }
                    }
                    case REFERENCE_COPYING -> {
                        double u = random.nextDouble();
                        if (u < 0.15 * r) {
                            prediction[i] = hex64(-1 - random.nextInt(3));
                            length = 3000;
                            q += 0.10;
                        } else if (u < 0.3 * r) {
                            quoted[i] = 1 + random.nextInt(3);
                            q += 0.10;
                        }
                    }
                    case INJECTION -> {
                        if (random.nextDouble() < 0.08 * r) {
                            fired.add("injection.grader_instruction");
                            q += 0.20;
                        }
                    }
                    case SATURATION -> q += 0.6 * r;
                    default -> {
                    }
                }
                reward[i] = Math.max(0, Math.min(1, q));
                if (flatGroup) {
                    groupReward = Double.isNaN(groupReward) ? reward[i] : groupReward;
                    reward[i] = groupReward;
                }
                double failRate = c.hack() == Hack.JUDGE_FAILURES ? 0.003 + 0.15 * r : 0.003;
                if (random.nextDouble() < failRate) {
                    fallback[i] = true;
                    judgeError[i] = random.nextDouble() < 1.0 / 3;
                    reward[i] = NEUTRAL;
                }
                for (String d : DIMENSIONS) {
                    int lv = level(q, random);
                    if (c.hack() == Hack.SCORE_SHIFT && d.equals("grounding") && random.nextDouble() < 0.8 * r) {
                        lv = 5;
                    }
                    metrics.get("dim." + d)[i] = fallback[i] ? Double.NaN : lv + random.nextGaussian() * 0.15;
                }
                chars[i] = (int) Math.round(length);
                comments[i] = k;
                checks.add(fired);
            }
        }
        return new StepRecords(t, time, reward, chars, comments, fallback, judgeError, checks, sampleId, prompt,
                prediction, metrics, new String[n]);
    }

    /** 64 hex digits, distinct per input (four rounds of a 64-bit mix): a stand-in SHA-256. */
    static String hex64(long x) {
        StringBuilder b = new StringBuilder(64);
        long h = x;
        for (int k = 0; k < 4; k++) {
            h += 0x9E3779B97F4A7C15L;
            long z = h;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            String hex = Long.toHexString(z ^ (z >>> 31));
            b.append("0".repeat(16 - hex.length())).append(hex);
        }
        return b.toString();
    }

    private static int poisson(double mean, SplittableRandom random) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > l) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    /** The run as JSONL of {@code juror} records (what {@code juror watch import} reads), each with its step. */
    public static void writeRecords(RunSeries run, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (StepRecords s : run.steps()) {
                for (int i = 0; i < s.size(); i++) {
                    w.write(record(s, i));
                    w.write('\n');
                }
            }
        }
    }

    private static String record(StepRecords s, int i) {
        StringBuilder b = new StringBuilder(520);
        b.append("{\"bundle\":\"").append(BUNDLE).append("\",\"rubric_version\":\"r-3f2a\",\"sample_id\":\"")
                .append(s.sampleId()[i]).append("\",\"timestamp\":\"").append(Instant.ofEpochMilli(s.timestampMillis()[i]))
                .append("\",\"reward\":").append(String.format(Locale.ROOT, "%.4f", s.reward()[i])).append(",\"metrics\":{");
        boolean first = true;
        for (var m : s.metrics().entrySet()) {
            double v = m.getValue()[i];
            if (!Double.isNaN(v)) {
                b.append(first ? "" : ",").append('"').append(m.getKey()).append("\":")
                        .append(String.format(Locale.ROOT, "%.3f", v));
                first = false;
            }
        }
        b.append("},\"checks\":[");
        List<String> checks = s.checks().get(i);
        for (int k = 0; k < checks.size(); k++) {
            b.append(k == 0 ? "" : ",").append('"').append(checks.get(k)).append('"');
        }
        b.append("],\"fallback\":").append(s.fallback()[i]).append(",\"judge_error\":")
                .append(s.judgeError()[i] ? "\"ThrottlingException\"" : "null").append(",\"prediction_chars\":")
                .append(s.predictionChars()[i]).append(",\"comments\":").append(s.comments()[i])
                .append(",\"latency_ms\":2310,\"input_tokens\":5120,\"output_tokens\":412,\"prediction_sha256\":\"")
                .append(s.predictionSha256()[i]).append("\",\"prompt_sha256\":\"").append(s.promptSha256()[i])
                .append("\",\"step\":").append(s.step()).append('}');
        return b.toString();
    }

    /**
     * Checkpoint rollouts labelled by experts, every {@code every} steps up to {@code steps}, {@code rollouts}
     * each: the expert's score follows the run's quality (learning as above, noise sd 0.15), the judge's is
     * the expert's plus noise (sd 0.06). From {@code plantStep} on (never when below 1) the experts' scores stop
     * rising while the judge's keep rising 0.003 a step above them and stray further (noise sd 0.20).
     * Agreement is the Pearson correlation of the pairs with a percentile bootstrap interval (a stand-in
     * for the checkpoint helper's kappa: this simulator tests the detector, not the statistic).
     */
    public record Checkpoints(List<CheckpointAgreement> agreements, List<CheckpointScores> scores) {
    }

    public static Checkpoints checkpoints(long seed, int steps, int every, int rollouts, int plantStep) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CheckpointAgreement> agreements = new ArrayList<>();
        List<CheckpointScores> scores = new ArrayList<>();
        for (int step = every; step <= steps; step += every) {
            boolean planted = plantStep >= 1 && step >= plantStep;
            double[] judge = new double[rollouts];
            double[] expert = new double[rollouts];
            for (int i = 0; i < rollouts; i++) {
                double learning = 0.10 * Math.min(step, planted ? plantStep : step) / 500.0;
                double e = 0.45 + learning + random.nextGaussian() * 0.15;
                double j = e + (planted ? 0.003 * (step - plantStep) + 0.05 + random.nextGaussian() * 0.20
                        : random.nextGaussian() * 0.06);
                expert[i] = clamp(e);
                judge[i] = clamp(j);
            }
            String name = "ckpt-" + step;
            List<CheckpointScores.Pair> pairs = new ArrayList<>();
            for (int i = 0; i < rollouts; i++) {
                pairs.add(new CheckpointScores.Pair("ckpt-" + step + "-sample-" + i + "/1", judge[i], expert[i]));
            }
            scores.add(new CheckpointScores(name, step, pairs));
            agreements.add(agreement(name, step, judge, expert, random));
        }
        return new Checkpoints(agreements, scores);
    }

    private static CheckpointAgreement agreement(String name, int step, double[] judge, double[] expert,
                                                 SplittableRandom random) {
        double r = pearson(judge, expert, null);
        double[] boot = new double[500];
        int n = judge.length;
        for (int b = 0; b < boot.length; b++) {
            int[] idx = new int[n];
            for (int k = 0; k < n; k++) {
                idx[k] = random.nextInt(n);
            }
            boot[b] = pearson(judge, expert, idx);
        }
        java.util.Arrays.sort(boot);
        Map<String, Double> value = new LinkedHashMap<>();
        Map<String, Double> low = new LinkedHashMap<>();
        Map<String, Double> high = new LinkedHashMap<>();
        for (String d : DIMENSIONS) {
            value.put(d, r);
            low.put(d, boot[12]);
            high.put(d, boot[487]);
        }
        return new CheckpointAgreement(name, step, n, value, low, high, mean(judge), mean(expert));
    }

    private static double pearson(double[] a, double[] b, int[] idx) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < n; k++) {
            int i = idx == null ? k : idx[k];
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < n; k++) {
            int i = idx == null ? k : idx[k];
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
