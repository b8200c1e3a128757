package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.TrainingRunRepository;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.JurorRecords;
import dev.juror.watch.Placement;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code series(run)} reads back from the column blocks is what was imported, column by column:
 * several steps (one of them two blocks long), records with and without metrics, predictions, checks
 * and judge errors, shuffled in the file and with equal timestamps (invocation order: time, then
 * import order); and after a metrics file moves records to other steps, every record is still there.
 */
class RunSeriesRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    @TempDir
    Path tmp;

    private Workspace workspace;
    private WatchImporter importer;
    private TrainingRunRepository runs;

    @BeforeEach
    void open() {
        workspace = Workspace.open(tmp.resolve("ws"));
        importer = new WatchImporter(workspace);
        runs = Repositories.of(workspace).trainingRuns();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** One record as the test expects it back; {@code line} its place in the file (import order). */
    private record Expected(int line, int step, long millis, double reward, int chars, int comments, boolean fallback,
                            boolean judgeError, List<String> checks, String sample, String prompt, String predictionHash,
                            Map<String, Double> metrics, String prediction) {
    }

    private static Expected record(int i, int step, Instant at, SplittableRandom random) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (i % 3 != 0) {
            metrics.put("judge_score", random.nextDouble());
            metrics.put(i % 2 == 0 ? "dim.coverage" : "dim.accuracy", (double) random.nextInt(5));
        }
        List<String> checks = i % 4 == 0 ? List.of("injection.hidden_text", "copy.reference") : i % 7 == 0
                ? List.of("length.cap") : List.of();
        String predictionHash = i == 5 ? "not-a-hash" : JurorRecords.hash("p" + i);
        return new Expected(i, step, at.toEpochMilli(), random.nextDouble(), random.nextInt(9_000), random.nextInt(12),
                i % 5 == 0, i % 10 == 0, checks, "sample-" + i + (i % 11 == 0 ? "-é✓" : ""),
                JurorRecords.hash("prompt" + i / 8), predictionHash, metrics,
                i % 6 == 0 ? "The clause at §" + i + " limits liability.\n\"quoted\" — ok" : null);
    }

    private static String line(Expected e, Instant at, boolean withStep) {
        ObjectNode o = JSON.createObjectNode();
        o.put("bundle", JurorRecords.BUNDLE).put("rubric_version", "r-" + e.line() % 2).put("sample_id", e.sample())
                .put("timestamp", at.toString()).put("reward", e.reward());
        ObjectNode metrics = o.putObject("metrics");
        e.metrics().forEach(metrics::put);
        e.checks().forEach(o.putArray("checks")::add);
        if (e.checks().isEmpty()) {
            o.putArray("checks");
        }
        o.put("fallback", e.fallback());
        if (e.judgeError()) {
            o.put("judge_error", "ThrottlingException: rate exceeded");
        } else {
            o.putNull("judge_error");
        }
        o.put("prediction_chars", e.chars()).put("comments", e.comments()).put("latency_ms", 1_000 + e.line())
                .put("input_tokens", 5_000).put("output_tokens", 400).put("prediction_sha256", e.predictionHash())
                .put("prompt_sha256", e.prompt());
        if (withStep) {
            o.put("step", e.step());
        }
        if (e.prediction() != null) {
            o.put("prediction", e.prediction());
        }
        return o.toString();
    }

    @Test
    void seriesReadsBackEveryColumnOfEveryStep() throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        List<Expected> expected = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int[] steps = {1, 2, 5};
        int[] sizes = {3, 2_500, 40};
        int i = 0;
        for (int s = 0; s < steps.length; s++) {
            for (int k = 0; k < sizes[s]; k++, i++) {
                // shuffled within a step, and pairs of records logged in the same millisecond
                Instant at = T0.plusSeconds(steps[s] * 10_000L).plusMillis((k * 7919L) % sizes[s] / 2 * 3);
                Expected e = record(i, steps[s], at, random);
                expected.add(e);
                lines.add(line(e, at, true));
            }
        }
        Path file = tmp.resolve("rewards.jsonl");
        Files.write(file, lines);
        importer.importFile("rt", file, "rewards.jsonl", WatchImportOptions.defaults());

        TrainingRun run = runs.find("rt").orElseThrow();
        RunSeries series = runs.series(run);
        assertThat(series.placement()).isEqualTo(Placement.RECORD);
        assertThat(series.bundle()).contains(JurorRecords.BUNDLE);
        assertThat(series.records()).isEqualTo(expected.size());
        assertThat(series.steps()).extracting(StepRecords::step).containsExactly(1, 2, 5);
        Map<Integer, List<Expected>> byStep = new TreeMap<>();
        expected.stream().sorted(Comparator.comparingLong(Expected::millis).thenComparingInt(Expected::line))
                .forEach(e -> byStep.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e));
        for (StepRecords step : series.steps()) {
            assertStep(step, byStep.get(step.step()));
            assertStep(runs.step(run, step.step()), byStep.get(step.step()));
        }
        assertThat(runs.step(run, 3).size()).isZero();
    }

    private static void assertStep(StepRecords step, List<Expected> records) {
        assertThat(step.size()).as("step %d", step.step()).isEqualTo(records.size());
        for (int r = 0; r < records.size(); r++) {
            Expected e = records.get(r);
            String at = "step " + step.step() + " record " + r + " (line " + e.line() + ")";
            assertThat(step.sampleId()[r]).as(at).isEqualTo(e.sample());
            assertThat(step.timestampMillis()[r]).as(at).isEqualTo(e.millis());
            assertThat(step.reward()[r]).as(at).isEqualTo(e.reward());
            assertThat(step.predictionChars()[r]).as(at).isEqualTo(e.chars());
            assertThat(step.comments()[r]).as(at).isEqualTo(e.comments());
            assertThat(step.fallback()[r]).as(at).isEqualTo(e.fallback());
            assertThat(step.judgeError()[r]).as(at).isEqualTo(e.judgeError());
            assertThat(step.checks().get(r)).as(at).isEqualTo(e.checks());
            assertThat(step.promptSha256()[r]).as(at).isEqualTo(e.prompt());
            assertThat(step.predictionSha256()[r]).as(at).isEqualTo(e.predictionHash());
            assertThat(step.prediction()[r]).as(at).isEqualTo(e.prediction());
            for (String name : List.of("judge_score", "dim.coverage", "dim.accuracy")) {
                double[] column = step.metric(name);
                Double value = e.metrics().get(name);
                if (value == null) {
                    assertThat(column == null || Double.isNaN(column[r])).as(at + " " + name).isTrue();
                } else {
                    assertThat(column[r]).as(at + " " + name).isEqualTo(value);
                }
            }
        }
        assertThat(step.metrics().keySet()).isSubsetOf("judge_score", "dim.coverage", "dim.accuracy");
    }

    @Test
    void recordsMovedByLaterMetricsKeepEveryField() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Expected> expected = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = T0.plusSeconds(i);
            Expected e = record(i, -1, at, random);
            expected.add(e);
            lines.add(line(e, at, false));
        }
        Path rewards = tmp.resolve("rewards.jsonl");
        Files.write(rewards, lines);
        WatchImportOptions fourPerStep = new WatchImportOptions(Optional.empty(), OptionalInt.of(4));
        importer.importFile("rt", rewards, "rewards.jsonl", fourPerStep);
        TrainingRun run = runs.find("rt").orElseThrow();
        assertThat(runs.series(run).steps()).extracting(StepRecords::size).containsExactly(4, 4, 4);

        // steps end at seconds 1 and 6: seconds 0-1 on step 1, 2-6 on step 2, 7-11 after the last: step 3
        Path metrics = tmp.resolve("train.log");
        Files.write(metrics, List.of(T0.plusSeconds(1) + " step:1 - critic/rewards/mean:0.4",
                T0.plusSeconds(6) + " step:2 - critic/rewards/mean:0.5"));
        // seconds 2 and 3 move from step 1 to 2, second 7 from step 2 to 3
        assertThat(importer.importFile("rt", metrics, "train.log", fourPerStep).moved()).isEqualTo(3);
        assertThat(importer.importFile("rt", rewards, "rewards.jsonl", fourPerStep).added()).isZero();

        RunSeries series = runs.series(runs.find("rt").orElseThrow());
        assertThat(series.placement()).isEqualTo(Placement.TIMESTAMP);
        assertThat(series.steps()).extracting(StepRecords::size).containsExactly(2, 5, 5);
        assertThat(series.trainerMetrics()).containsOnlyKeys(1, 2);
        int r = 0;
        for (StepRecords step : series.steps()) {
            List<Expected> records = expected.subList(r, r + step.size());
            assertStep(step, records);
            r += step.size();
        }
    }
}
