package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.testing.CliRun;
import dev.juror.testing.watch.CheckpointFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code juror watch import --checkpoint}, {@code juror watch sample} and {@code juror watch checkpoints}. */
@ExtendWith(DummyAwsCredentials.class)
class WatchCheckpointCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun watch(String... args) {
        List<String> all = new ArrayList<>(List.of("watch"));
        all.addAll(List.of(args));
        all.addAll(List.of("--workspace", tmp.resolve("ws").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void importsACheckpointsRolloutsCreatesItsQueueAndListsIt() throws Exception {
        Path file = CheckpointFiles.juror(tmp.resolve("c100.jsonl"), 2, 2, "a");

        CliRun imported = watch("import", "--run", "rft-1", "--checkpoint", "ckpt-100", "--step", "100", file.toString(),
                "--queue-labellers", "ana,ben", "--queue-count", "2");

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported " + file + ": 2 samples, 4 rollouts")
                .contains("checkpoint ckpt-100 of run rft-1 at step 100: 4 rollouts in the workspace")
                .contains("review queue rft-1/ckpt-100 created: 2 rollouts for each of ana, ben");

        CliRun again = watch("import", "--run", "rft-1", "--checkpoint", "ckpt-100", "--step", "100", file.toString(),
                "--json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out().strip().lines()).as("one JSON line per file, as watch import prints").hasSize(1);
        JsonNode json = JSON.readTree(again.out());
        assertThat(json.get("rollouts_added").asInt()).isZero();
        assertThat(json.get("rollouts_unchanged").asInt()).isEqualTo(4);
        assertThat(json.get("queue_note").asText()).contains("exists already");

        CliRun listed = watch("checkpoints", "--run", "rft-1", "--json");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out().strip()).as("one indented document").contains(System.lineSeparator() + "  ");
        JsonNode checkpoint = JSON.readTree(listed.out()).get("checkpoints").get(0);
        assertThat(checkpoint.get("checkpoint").asText()).isEqualTo("ckpt-100");
        assertThat(checkpoint.get("rollouts").asInt()).isEqualTo(4);
        assertThat(checkpoint.get("labelled").asInt()).isZero();
        assertThat(checkpoint.get("judge_mean").isNull()).isTrue();
        assertThat(checkpoint.get("note").asText()).isEqualTo("no judge run scored its rollouts yet");
        assertThat(watch("checkpoints", "--run", "rft-1").out())
                .contains("ckpt-100  step 100  4 rollouts, 0 labelled: no judge run scored its rollouts yet");
    }

    @Test
    void badCheckpointInputIsRefusedNamingTheOption() throws Exception {
        Path file = CheckpointFiles.juror(tmp.resolve("c.jsonl"), 1, 1, "a");

        CliRun fraction = watch("import", "--run", "rft-1", "--checkpoint", "ckpt-1", "--step", "1.5", file.toString());
        assertThat(fraction.exit()).isEqualTo(2);
        assertThat(fraction.err()).contains("--step 1.5: not a whole number");

        assertThat(watch("import", "--run", "rft-1", "--checkpoint", "ckpt-1", "--step", "10", file.toString()).exit())
                .isZero();
        CliRun moved = watch("import", "--run", "rft-1", "--checkpoint", "ckpt-1", "--step", "20", file.toString());
        assertThat(moved.exit()).isEqualTo(2);
        assertThat(moved.err()).contains("--checkpoint ckpt-1 of run rft-1 was taken at step 10, not 20")
                .contains("nothing was imported");

        CliRun noStep = watch("import", "--run", "rft-1", "--checkpoint", "ckpt-2", file.toString());
        assertThat(noStep.exit()).isEqualTo(2);
        assertThat(noStep.err()).contains("--checkpoint needs --step S");

        CliRun unknown = watch("checkpoints", "--run", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--run nope: no such training run");
    }

    @Test
    void samplesACheckpointThroughTheConverseServer() throws Exception {
        Path prompts = CheckpointFiles.rftPrompts(tmp.resolve("prompts.jsonl"), 3);
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(CheckpointFiles.prediction("s", 2)));

            CliRun run = watch("sample", "--run", "rft-1", "--model", "my-ckpt", "--prompts", prompts.toString(),
                    "--checkpoint", "ckpt-300", "--step", "300", "--generations", "2", "--endpoint",
                    server.endpoint().toString(), "--region", "us-east-1", "--concurrency", "2", "--json");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().strip()).as("one indented document").contains(System.lineSeparator() + "  ");
            JsonNode summary = JSON.readTree(run.out());
            assertThat(summary.get("calls").asInt()).isEqualTo(6);
            assertThat(summary.get("stored").asInt()).isEqualTo(6);
            assertThat(run.err()).contains("sampled 6/6");
            assertThat(server.requests()).hasSize(6).allSatisfy(r -> assertThat(r.modelId()).isEqualTo("my-ckpt"));

            CliRun again = watch("sample", "--run", "rft-1", "--model", "my-ckpt", "--prompts", prompts.toString(),
                    "--checkpoint", "ckpt-300", "--step", "300", "--generations", "2", "--endpoint",
                    server.endpoint().toString(), "--region", "us-east-1");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains("6 stored before, 0 stored now, 0 failed");
            assertThat(server.requests()).hasSize(6);

            // An open-weight checkpoint served behind an OpenAI-compatible endpoint.
            CliRun openai = watch("sample", "--run", "rft-1", "--model", "local-ckpt", "--prompts", prompts.toString(),
                    "--checkpoint", "ckpt-400", "--step", "400", "--provider", "openai-compatible", "--endpoint",
                    server.endpoint() + "/v1");
            assertThat(openai.exit()).as(openai.err()).isZero();
            assertThat(openai.out()).contains("0 stored before, 3 stored now, 0 failed");
            assertThat(server.requests()).hasSize(9);
            assertThat(server.lastRequest().route()).isEqualTo("openai");

            CliRun failing = watch("sample", "--run", "rft-1", "--model", "my-ckpt", "--prompts", prompts.toString(),
                    "--checkpoint", "ckpt-500", "--step", "five", "--endpoint", server.endpoint().toString());
            assertThat(failing.exit()).isEqualTo(2);
            assertThat(failing.err()).contains("--step five: not a whole number");
        }
    }
}
