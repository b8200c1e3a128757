package dev.juror.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each trainer's metrics format, and steps out of order. */
class MetricsReaderTest {

    @TempDir
    Path tmp;

    private final MetricsReader reader = new MetricsReader();

    private List<StepMetrics> read(String name, String... lines) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return reader.read(file, name);
    }

    @Test
    void sageMakerNovaForgeLogLines() throws Exception {
        List<StepMetrics> rows = read("train.log",
                "2026-12-08T03:00:00.000Z INFO loading the model",
                "2026-12-08T03:05:00.000Z step:1 - critic/rewards/mean:0.412 - critic/rewards/max:1.0 - "
                        + "critic/rewards/min:0.0 - response_length/mean:812.5 - actor/entropy:0.93",
                "2026-12-08T03:10:00.000Z step:2 - critic/rewards/mean:0.455 - critic/rewards/max:1.0");
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().step()).isEqualTo(1);
        assertThat(rows.getFirst().loggedAt()).contains(Instant.parse("2026-12-08T03:05:00Z"));
        assertThat(rows.getFirst().values()).containsEntry("critic/rewards/mean", 0.412)
                .containsEntry("response_length/mean", 812.5).containsEntry("actor/entropy", 0.93);
        assertThat(reader.skips().count(Skips.Reason.NO_METRICS)).isEqualTo(1);
    }

    @Test
    void hyperPodTrainRmScore() throws Exception {
        List<StepMetrics> rows = read("hyperpod.log",
                "2026-12-08 03:05:00,120 {'train_rm_score': 0.45, 'global_step': 10, 'lr': 1e-06}",
                "2026-12-08 03:06:00,120 train_rm_score=0.47 global_step=11");
        assertThat(rows).extracting(StepMetrics::step).containsExactly(10, 11);
        assertThat(rows.getFirst().values()).containsEntry("train_rm_score", 0.45).containsEntry("lr", 1e-6);
        assertThat(rows.getFirst().loggedAt()).contains(Instant.parse("2026-12-08T03:05:00.120Z"));
    }

    @Test
    void openAiListEventsDocumentNewestFirstIsSortedByStep() throws Exception {
        List<StepMetrics> rows = read("events.json", "{\"object\": \"list\", \"data\": [",
                "{\"object\": \"fine_tuning.job.event\", \"id\": \"e3\", \"created_at\": 1765163400, \"level\": \"info\","
                        + " \"message\": \"Step 2/10\", \"type\": \"metrics\", \"data\": {\"step\": 2, \"total_steps\": 10,"
                        + " \"critic_rewards_mean\": 0.5, \"response_length_mean\": 640.0, \"actor_entropy\": 0.8}},",
                "{\"object\": \"fine_tuning.job.event\", \"id\": \"e2\", \"created_at\": 1765163100, \"type\": \"message\","
                        + " \"message\": \"Training started\"},",
                "{\"object\": \"fine_tuning.job.event\", \"id\": \"e1\", \"created_at\": 1765163000, \"type\": \"metrics\","
                        + " \"data\": {\"step\": 1, \"critic_rewards_mean\": 0.4}}",
                "], \"has_more\": false}");
        assertThat(rows).extracting(StepMetrics::step).containsExactly(1, 2);
        assertThat(rows.get(1).values()).containsEntry("critic_rewards_mean", 0.5).containsEntry("actor_entropy", 0.8)
                .doesNotContainKey("total_steps");
        assertThat(rows.get(1).loggedAt()).contains(Instant.ofEpochSecond(1765163400));
        assertThat(reader.skips().count(Skips.Reason.NOT_METRICS_EVENT)).isEqualTo(1);
    }

    @Test
    void openAiEventsOnePerLine() throws Exception {
        List<StepMetrics> rows = read("events.jsonl",
                "{\"object\":\"fine_tuning.job.event\",\"created_at\":1765163000,\"type\":\"metrics\",\"data\":{\"step\":1,\"critic_rewards_mean\":0.4}}");
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("critic_rewards_mean", 0.4));
    }

    @Test
    void csvAndJsonlByStep() throws Exception {
        List<StepMetrics> csv = read("m.csv", "step,time,reward_mean,length_mean", "1,2026-12-08T03:05:00Z,0.4,800",
                "2,2026-12-08T03:10:00Z,0.5,");
        assertThat(csv).extracting(StepMetrics::step).containsExactly(1, 2);
        assertThat(csv.get(1).values()).containsOnlyKeys("reward_mean");
        assertThat(csv.getFirst().loggedAt()).contains(Instant.parse("2026-12-08T03:05:00Z"));
        List<StepMetrics> jsonl = read("m.jsonl", "{\"step\": 1, \"timestamp\": 1765163100.5, \"reward_mean\": 0.4}");
        assertThat(jsonl.getFirst().loggedAt()).contains(Instant.ofEpochMilli(1765163100500L));
        assertThat(jsonl.getFirst().values()).containsOnlyKeys("reward_mean");
    }

    @Test
    void stepsOutOfOrderAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> read("m.csv", "step,reward_mean", "1,0.4", "3,0.5", "2,0.6"))
                .isInstanceOf(WatchInputException.class)
                .hasMessage("m.csv:4: steps out of order: step 2 after step 3 (m.csv:3)");
        assertThatThrownBy(() -> read("t.log", "step:5 - critic/rewards/mean:0.5", "step:4 - critic/rewards/mean:0.5"))
                .hasMessageStartingWith("t.log:2: steps out of order");
    }

    @Test
    void aTruncatedCsvLineIsRefused() {
        assertThatThrownBy(() -> read("m.csv", "step,reward_mean,length_mean", "1,0.4,800", "2,0.5"))
                .hasMessage("m.csv:3: 2 columns where the header has 3 (a truncated line?)");
    }
}
