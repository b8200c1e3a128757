package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.Repositories;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.CheckpointFiles;
import dev.juror.watch.WatchInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code juror watch sample} against the loopback Converse server, through the judge's Bedrock client. */
@ExtendWith(DummyAwsCredentials.class)
class CheckpointSamplerTest {

    private static final String MODEL = "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/ckpt200";

    @TempDir
    Path tmp;

    private Workspace workspace;
    private ConverseTestServer server;
    private Path prompts;

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(tmp.resolve("ws"));
        server = ConverseTestServer.start();
        prompts = CheckpointFiles.rftPrompts(tmp.resolve("prompts.jsonl"), 2);
    }

    @AfterEach
    void close() {
        server.close();
        workspace.close();
    }

    private CheckpointSampler.Summary sample(int generations) throws Exception {
        JudgeSettings settings = new JudgeSettings(Optional.of("us-east-1"), Optional.empty(),
                Optional.of(server.endpoint().toString()), Optional.empty(), Optional.empty(), Optional.of(1));
        try (JudgeClient client = JudgeFactory.client("bedrock", settings)) {
            return new CheckpointSampler(workspace).start(new CheckpointSampler.Request("rft-1", "ckpt-200", 200, MODEL,
                    prompts, generations, 0.7, 512), client, JudgeFactory.limiters("bedrock", settings), p -> { }).await();
        }
    }

    @Test
    void asksTheCheckpointForEachPromptAndGenerationAndStoresTaggedRollouts() throws Exception {
        server.setDefault(Reply.text(CheckpointFiles.prediction("sampled", 1)));

        CheckpointSampler.Summary summary = sample(2);

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.stored()).isEqualTo(4);
        assertThat(summary.failed()).isZero();
        assertThat(server.requests()).hasSize(4);
        RecordedRequest request = server.requests().getFirst();
        assertThat(request.modelId()).isEqualTo(MODEL);
        JsonNode body = request.body();
        assertThat(body.get("system").get(0).get("text").asText()).isEqualTo("You review contracts.");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.get("messages").get(0).get("content").get(0).get("text").asText())
                .startsWith("<TargetDocument>MASTER SERVICES AGREEMENT").endsWith("</Reference>");
        assertThat(body.get("inferenceConfig").get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("inferenceConfig").get("maxTokens").asInt()).isEqualTo(512);

        Repositories repositories = Repositories.of(workspace);
        List<StoredRollout> p1 = repositories.rollouts().ofSample("p1");
        assertThat(p1).hasSize(2).allSatisfy(r -> {
            assertThat(r.metadata()).containsEntry("checkpoint", "ckpt-200").containsEntry("model", MODEL);
            assertThat(r.metadata().get("step").toString()).isEqualTo("200");
            assertThat(r.comments()).hasSize(1);
        });
        assertThat(p1).extracting(r -> r.metadata().get("generation").toString()).containsExactlyInAnyOrder("1", "2");
        assertThat(repositories.checkpoints().find("ckpt-200").orElseThrow().model()).contains(MODEL);
    }

    @Test
    void aRunStoppedPartWayContinuesWithOnlyTheCallsNotAnswered() throws Exception {
        server.setDefault(Reply.validation("model is not ready"));
        server.enqueue(Reply.text(CheckpointFiles.prediction("a", 1)), Reply.text(CheckpointFiles.prediction("b", 1)));

        CheckpointSampler.Summary first = sample(2);

        assertThat(first.stored()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(2);
        assertThat(first.failures()).hasSize(2).allSatisfy(f -> assertThat(f).contains("model is not ready"));
        List<String> answered = new ArrayList<>();
        Repositories.of(workspace).rollouts().summaries().forEach(r -> answered.add(r.sampleId()));
        assertThat(answered).hasSize(2);

        server.setDefault(Reply.text(CheckpointFiles.prediction("c", 1)));
        int before = server.receivedCount();
        CheckpointSampler.Summary second = sample(2);

        assertThat(second.alreadyDone()).isEqualTo(2);
        assertThat(second.stored()).isEqualTo(2);
        assertThat(server.receivedCount() - before).isEqualTo(2);
        assertThat(Repositories.of(workspace).rollouts().count()).isEqualTo(4);

        // Everything answered: a third run asks nothing.
        int done = server.receivedCount();
        assertThat(sample(2).stored()).isZero();
        assertThat(server.receivedCount()).isEqualTo(done);
    }

    @Test
    void aCancelledRunKeepsTheAnswersThatArrivedAndTheNextRunAsksForTheRest() throws Exception {
        server.setDefault(Reply.text(CheckpointFiles.prediction("slow", 1)).withDelay(java.time.Duration.ofMillis(200)));
        JudgeSettings settings = new JudgeSettings(Optional.of("us-east-1"), Optional.empty(),
                Optional.of(server.endpoint().toString()), Optional.empty(), Optional.empty(), Optional.of(1));
        java.util.concurrent.CountDownLatch firstStored = new java.util.concurrent.CountDownLatch(1);
        CheckpointSampler.Summary stopped;
        try (JudgeClient client = JudgeFactory.client("bedrock", settings)) {
            CheckpointSampler.Session session = new CheckpointSampler(workspace).start(new CheckpointSampler.Request(
                    "rft-1", "ckpt-200", 200, MODEL, prompts, 4, 1.0, 512), client,
                    () -> new dev.juror.judge.FixedLimiter(1), p -> {
                        if (p.stored() > 0) {
                            firstStored.countDown();
                        }
                    });
            assertThat(firstStored.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            session.cancel();   // what Ctrl-C does (the command's shutdown hook)
            stopped = session.await();
        }

        assertThat(stopped.cancelled()).isTrue();
        assertThat(stopped.stored()).isBetween(1, 7);
        assertThat(stopped.failed()).isZero();
        assertThat(Repositories.of(workspace).rollouts().count()).isEqualTo(stopped.stored());

        server.setDefault(Reply.text(CheckpointFiles.prediction("fast", 1)));
        CheckpointSampler.Summary rest = sample(4);
        assertThat(rest.alreadyDone()).isEqualTo(stopped.stored());
        assertThat(rest.stored()).isEqualTo(8 - stopped.stored());
        assertThat(Repositories.of(workspace).rollouts().count()).isEqualTo(8);
    }

    @Test
    void badPromptsAndOptionsAreRefusedBeforeAnyCall() throws Exception {
        Files.writeString(prompts, "{\"id\": \"p1\", \"messages\": [{\"role\": \"system\", \"content\": \"S\"}]}\n");
        assertThatThrownBy(() -> sample(1)).isInstanceOf(WatchInputException.class)
                .hasMessageContaining("prompts.jsonl:1: not a Nova RFT prompt");
        assertThatThrownBy(() -> sample(0)).hasMessageContaining("--generations 0");
        assertThat(server.receivedCount()).isZero();
    }
}
