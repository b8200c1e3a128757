package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.testing.CliRun;
import dev.juror.testing.watch.JurorRecords;
import dev.juror.testing.watch.LoopbackCloudWatchLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code juror watch import} and {@code juror watch runs} from the command line. */
@ExtendWith(DummyAwsCredentials.class)
class WatchImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    @TempDir
    Path tmp;

    private Path rewards(int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(T0.plusSeconds(i) + " " + JurorRecords.emf(JurorRecords.record(JurorRecords.BUNDLE, "s" + i,
                    T0.plusSeconds(i), 0.5, -1), T0.plusSeconds(i), 0.5));
        }
        Path file = tmp.resolve("rewards.log");
        Files.write(file, lines);
        return file;
    }

    private CliRun watch(String... args) {
        List<String> all = new ArrayList<>(List.of("watch"));
        all.addAll(List.of(args));
        all.addAll(List.of("--workspace", tmp.resolve("ws").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void importsWithCallsPerStepFromTheBundleAndPrintsJsonLinesPerFile() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.writeString(bundle.resolve("training-overrides.json"),
                "{\"global_batch_size\": 2, \"number_generation\": 2, \"max_steps\": 10}");
        Path metrics = tmp.resolve("metrics.csv");
        Files.write(metrics, List.of("step,reward_mean", "1,0.4", "2,0.5"));
        CliRun r = watch("import", "--run", "rft-1", rewards(10).toString(), metrics.toString(), "--bundle",
                bundle.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("kind").asText()).isEqualTo("records");
        assertThat(first.get("added").asLong()).isEqualTo(10);
        assertThat(first.get("placement").asText()).isEqualTo("invocation_order");
        assertThat(first.get("last_step").asInt()).isEqualTo(3);
        assertThat(first.get("bundle").asText()).isEqualTo(JurorRecords.BUNDLE);
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("kind").asText()).isEqualTo("metrics");
        assertThat(second.get("metric_steps").asInt()).isEqualTo(2);
        // No times in the CSV: records stay placed by invocation order.
        assertThat(second.get("placement").asText()).isEqualTo("invocation_order");

        CliRun again = watch("import", "--run", "rft-1", rewards(10).toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("10 reward records read, 0 new (10 already in run rft-1)")
                .contains("placed by invocation_order");

        CliRun runs = watch("runs", "--json");
        assertThat(runs.exit()).as(runs.err()).isZero();
        JsonNode listed = JSON.readTree(runs.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("calls_per_step").asInt()).isEqualTo(4);
        assertThat(listed.get(0).get("records").asLong()).isEqualTo(10);
    }

    @Test
    void badInputExitsTwoNamingFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.write(bad, List.of(JurorRecords.record(JurorRecords.BUNDLE, "a", T0, 0.5, 1),
                JurorRecords.record(JurorRecords.BUNDLE, "b", T0, 0.5, 1).replace("\"fallback\":false", "\"fallback\":\"no\"")));
        CliRun r = watch("import", "--run", "rft-1", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl:2: field 'fallback': not true or false; that file was not imported");

        CliRun unplaced = watch("import", "--run", "rft-2", rewards(3).toString());
        assertThat(unplaced.exit()).isEqualTo(2);
        assertThat(unplaced.err()).contains("--calls-per-step");

        Path unknown = tmp.resolve("notes.txt");
        Files.writeString(unknown, "hello\n");
        CliRun what = watch("import", "--run", "rft-1", unknown.toString());
        assertThat(what.exit()).isEqualTo(2);
        assertThat(what.err()).contains("--kind records|metrics");
    }

    @Test
    void readsALogGroupThroughTheLogsEndpoint() throws Exception {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(JurorRecords.emf(JurorRecords.record(JurorRecords.BUNDLE, "s" + i, T0.plusSeconds(i), 0.5, i / 2),
                    T0.plusSeconds(i), 0.5));
        }
        try (LoopbackCloudWatchLogs logs = LoopbackCloudWatchLogs.start(messages, 2, T0.toEpochMilli())) {
            CliRun r = watch("import", "--run", "rft-1", "--log-group", "/aws/lambda/juror-reward", "--since",
                    T0.toString(), "--region", "us-west-2", "--logs-endpoint", logs.endpoint().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("log group /aws/lambda/juror-reward: 5 reward records read, 5 new")
                    .contains("steps 0-2").contains("placed by record");
            assertThat(logs.requests()).hasSize(3);
        }
    }
}
