package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.testing.CliRun;
import dev.juror.testing.watch.CheckpointFiles;
import dev.juror.testing.watch.TrainingSimulator;
import dev.juror.testing.watch.TrainingSimulator.Config;
import dev.juror.testing.watch.TrainingSimulator.Hack;
import dev.juror.watch.detect.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: simulated reward records with an injection hack planted at step 30 are imported with
 * their bundle (baseline from its evidence), and {@code juror watch report} finds it: exit 3, the alarm
 * at the planted step, the score-shift baseline read from the bundle, a checkpoint imported beside the
 * records listed with its (not yet any) expert labels.
 */
class WatchReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PLANT = 30;

    @TempDir
    Path tmp;

    private Path bundle() throws Exception {
        Path b = tmp.resolve("bundle");
        Files.createDirectories(b.resolve("evidence"));
        Files.writeString(b.resolve("training-overrides.json"), "{\"global_batch_size\": 16, \"number_generation\": 8}");
        Files.writeString(b.resolve("evidence/verdict.json"), "{\"status\": \"VALIDATED\"}");
        Baseline sim = TrainingSimulator.baseline();
        List<Map<String, Object>> agreement = new ArrayList<>();
        List<Map<String, Object>> scores = new ArrayList<>();
        sim.scores().forEach((dim, d) -> {
            agreement.add(Map.of("dimension", dim, "judge", Map.of("vs_humans", Map.of("statistics", Map.of(
                    "kappa_quadratic", Map.of("value", 0.72, "ci", Map.of("low", 0.64, "high", 0.8)))))));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("dimension", dim);
            s.put("levels", d.levels());
            s.put("counts", d.counts());
            scores.add(s);
        });
        JSON.writeValue(b.resolve("evidence/agreement.json").toFile(), Map.of("dimensions", agreement));
        JSON.writeValue(b.resolve("evidence/score-distribution.json").toFile(), Map.of("dimensions", scores));
        return b;
    }

    @Test
    void aPlantedHackImportedFromRecordsIsReportedAtItsStepWithExitThree() throws Exception {
        Path records = tmp.resolve("rewards.jsonl");
        TrainingSimulator.writeRecords(TrainingSimulator.series(new Config(4, 60, 16, 8, Hack.INJECTION, PLANT)), records);
        String ws = tmp.resolve("ws").toString();
        CliRun imported = CliRun.of("watch", "import", "--run", "rft-1", records.toString(), "--bundle",
                bundle().toString(), "--workspace", ws);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("baseline from").contains("verdict VALIDATED")
                .contains("score distribution for 2 dimensions");

        Path rollouts = CheckpointFiles.juror(tmp.resolve("c40.jsonl"), 2, 2, "a");
        CliRun checkpoint = CliRun.of("watch", "import", "--run", "rft-1", "--checkpoint", "ckpt-40", "--step", "40",
                rollouts.toString(), "--workspace", ws);
        assertThat(checkpoint.exit()).as(checkpoint.err()).isZero();

        Path html = tmp.resolve("report.html");
        CliRun report = CliRun.of("watch", "report", "--run", "rft-1", "--json", "--html", html.toString(),
                "--workspace", ws);
        assertThat(report.exit()).as(report.err()).isEqualTo(3);
        JsonNode doc = JSON.readTree(report.out());
        assertThat(doc.path("run").asText()).isEqualTo("rft-1");
        assertThat(doc.path("placement").asText()).isEqualTo("record");
        assertThat(doc.path("steps")).hasSize(60);
        assertThat(doc.path("steps").get(0).path("score_shift").isNumber()).isTrue();
        JsonNode alarm = doc.path("alarms").get(0);
        assertThat(alarm.path("detector").asText()).isEqualTo("injection");
        assertThat(alarm.path("step").asInt()).isBetween(PLANT, PLANT + 10);
        assertThat(alarm.path("evidence").asText()).contains("injection");
        assertThat(alarm.path("numbers").path("z").asDouble()).isGreaterThan(5);
        assertThat(alarm.path("examples").size()).isBetween(1, 5);
        assertThat(doc.path("checkpoints").get(0).path("checkpoint").asText()).isEqualTo("ckpt-40");
        assertThat(doc.path("checkpoints").get(0).path("step").asInt()).isEqualTo(40);
        assertThat(doc.path("checkpoints").get(0).path("labelled").asInt()).isZero();
        assertThat(doc.path("notes").toString()).contains("expert_divergence: checkpoint ckpt-40 has 0 labelled"
                + " rollouts, needs 20");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").contains("injection")
                .contains("Expert agreement at checkpoints")
                .doesNotContain("<script");

        CliRun text = CliRun.of("watch", "report", "--run", "rft-1", "--workspace", ws);
        assertThat(text.exit()).isEqualTo(3);
        assertThat(text.out()).contains("1 alarm:").contains("injection: records with an injection")
                .contains("checkpoint ckpt-40 (step 40): no labelled rollout yet").contains("<- alarm");
    }

    @Test
    void aCleanRunExitsZeroAndAnUnknownRunNamesTheRunsThereAre() throws Exception {
        Path records = tmp.resolve("clean.jsonl");
        TrainingSimulator.writeRecords(TrainingSimulator.series(Config.clean(9, 40, 16, 8)), records);
        String ws = tmp.resolve("ws").toString();
        assertThat(CliRun.of("watch", "import", "--run", "clean", records.toString(), "--workspace", ws).exit()).isZero();
        CliRun report = CliRun.of("watch", "report", "--run", "clean", "--workspace", ws);
        assertThat(report.exit()).as(report.out() + report.err()).isZero();
        assertThat(report.out()).contains("No alarm.").contains("no baseline");
        CliRun unknown = CliRun.of("watch", "report", "--run", "nope", "--workspace", ws);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no training run 'nope'").contains("its runs: clean");
    }
}
