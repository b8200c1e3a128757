package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.Repositories;
import dev.juror.store.StoredRollout;
import dev.juror.store.TrainingCheckpoint;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.CheckpointFiles;
import dev.juror.watch.WatchInputException;
import dev.juror.workspace.imports.ImportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint rollouts: tagged, bound to run and step, idempotent, refused with the reason. */
class CheckpointRolloutsTest {

    @TempDir
    Path tmp;

    private Workspace workspace;
    private CheckpointRollouts checkpoints;

    @BeforeEach
    void open() {
        workspace = Workspace.open(tmp.resolve("ws"));
        checkpoints = new CheckpointRollouts(workspace);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private CheckpointRollouts.Outcome importFile(String checkpoint, int step, Path file) throws Exception {
        return checkpoints.importBatch("rft-1", checkpoint, step, JsonlImportReader.read(file),
                ImportOptions.refuseInvalid(), Optional.empty());
    }

    @Test
    void rolloutsAreTaggedWithCheckpointStepAndRunAndTheCheckpointIsBound() throws Exception {
        CheckpointRollouts.Outcome first = importFile("ckpt-100", 100,
                CheckpointFiles.juror(tmp.resolve("c100.jsonl"), 2, 2, "a"));

        assertThat(first.result().refused()).as(first.result().summaryLines().toString()).isFalse();
        assertThat(first.result().samplesAdded()).isEqualTo(2);
        assertThat(first.result().rolloutsAdded()).isEqualTo(4);
        assertThat(first.rollouts()).isEqualTo(4);
        TrainingCheckpoint bound = first.checkpoint().orElseThrow();
        assertThat(bound.run()).isEqualTo("rft-1");
        assertThat(bound.step()).isEqualTo(100);
        Repositories repositories = Repositories.of(workspace);
        assertThat(repositories.trainingRuns().find("rft-1")).isPresent();
        List<StoredRollout> rollouts = repositories.rollouts().ofSample("s1");
        assertThat(rollouts).hasSize(2).allSatisfy(r -> {
            assertThat(r.metadata()).containsEntry("checkpoint", "ckpt-100").containsEntry("training_run", "rft-1");
            assertThat(r.metadata().get("step").toString()).isEqualTo("100");
        });
        assertThat(first.queueNote()).contains("juror queue create --name rft-1/ckpt-100 --strategy checkpoint"
                + " --checkpoint ckpt-100");

        // The same file again adds nothing; the next checkpoint's rollouts of the same samples are added to them.
        CheckpointRollouts.Outcome again = importFile("ckpt-100", 100, tmp.resolve("c100.jsonl"));
        assertThat(again.result().rolloutsAdded()).isZero();
        assertThat(again.result().rolloutsUnchanged()).isEqualTo(4);
        CheckpointRollouts.Outcome next = importFile("ckpt-200", 200,
                CheckpointFiles.juror(tmp.resolve("c200.jsonl"), 2, 2, "b"));
        assertThat(next.result().refused()).as(next.result().summaryLines().toString()).isFalse();
        assertThat(next.result().samplesAdded()).isZero();
        assertThat(next.result().rolloutsAdded()).isEqualTo(4);
        assertThat(repositories.rollouts().ofSample("s1")).hasSize(4);
        assertThat(repositories.checkpoints().ofRun("rft-1")).extracting(TrainingCheckpoint::checkpoint)
                .containsExactly("ckpt-100", "ckpt-200");
    }

    @Test
    void everyImportShapeIsTaggedRolloutsFileAndNovaRolloutLog() throws Exception {
        importFile("ckpt-100", 100, CheckpointFiles.juror(tmp.resolve("c100.jsonl"), 1, 1, "a"));
        Path additions = Files.writeString(tmp.resolve("rollouts.jsonl"), "{\"sample_id\": \"s1\", \"prediction\": "
                + CheckpointFiles.quote(CheckpointFiles.prediction("x", 1)) + "}\n");
        Path novaLog = Files.writeString(tmp.resolve("log.jsonl"), ("{\"id\": \"n1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"<TargetDocument>T</TargetDocument>\"}, {\"role\": \"assistant\", \"content\": %s}]}\n"
                + "{\"id\": \"n1\", \"messages\": [{\"role\": \"user\", \"content\": \"<TargetDocument>T</TargetDocument>\"},"
                + " {\"role\": \"assistant\", \"content\": %s}]}\n").formatted(
                CheckpointFiles.quote(CheckpointFiles.prediction("y", 1)), CheckpointFiles.quote(CheckpointFiles.prediction("z", 1))));

        CheckpointRollouts.Outcome added = importFile("ckpt-300", 300, additions);
        CheckpointRollouts.Outcome logged = importFile("ckpt-400", 400, novaLog);

        assertThat(added.result().rolloutsAdded()).isEqualTo(1);
        assertThat(logged.result().refused()).as(logged.result().summaryLines().toString()).isFalse();
        assertThat(logged.result().samplesAdded()).isEqualTo(1);
        assertThat(logged.result().rolloutsAdded()).isEqualTo(2);
        Repositories repositories = Repositories.of(workspace);
        assertThat(repositories.rollouts().ofSample("s1")).extracting(r -> r.metadata().get("checkpoint"))
                .containsExactly("ckpt-100", "ckpt-300");
        assertThat(repositories.rollouts().ofSample("n1")).hasSize(2)
                .allSatisfy(r -> assertThat(r.metadata()).containsEntry("checkpoint", "ckpt-400"));
    }

    @Test
    void theCheckpointsQueueIsCreatedWhenLabellersAreNamed() throws Exception {
        CheckpointRollouts.Outcome outcome = checkpoints.importBatch("rft-1", "ckpt-100", 100,
                JsonlImportReader.read(CheckpointFiles.juror(tmp.resolve("c.jsonl"), 3, 2, "a")),
                ImportOptions.refuseInvalid(), Optional.of(new CheckpointRollouts.QueuePlan(List.of("ana", "ben"), 4, 1,
                        "lead")));

        assertThat(outcome.queue()).isPresent();
        assertThat(outcome.queue().get().name()).isEqualTo("rft-1/ckpt-100");
        assertThat(outcome.queue().get().checkpoint()).isEqualTo("ckpt-100");
        assertThat(outcome.queue().get().rollouts()).hasSize(6);
    }

    @Test
    void badInputIsRefusedWithItsReason() throws Exception {
        Path file = CheckpointFiles.juror(tmp.resolve("c.jsonl"), 1, 1, "a");
        assertThatThrownBy(() -> CheckpointRollouts.step("12.5")).isInstanceOf(WatchInputException.class)
                .hasMessageContaining("--step 12.5: not a whole number");
        assertThatThrownBy(() -> importFile("ckpt-1", -1, file)).hasMessageContaining("--step -1");
        importFile("ckpt-1", 10, file);

        assertThatThrownBy(() -> importFile("ckpt-1", 20, file)).isInstanceOf(WatchInputException.class)
                .hasMessageContaining("--checkpoint ckpt-1 of run rft-1 was taken at step 10, not 20");
        assertThatThrownBy(() -> checkpoints.importBatch("rft-2", "ckpt-1", 10, JsonlImportReader.read(file),
                ImportOptions.refuseInvalid(), Optional.empty())).hasMessageContaining("belongs to training run rft-1");

        // A rollout that names another checkpoint refuses its file, the line named; nothing is bound.
        Path other = Files.writeString(tmp.resolve("other.jsonl"), "{\"id\": \"s9\", \"target_document\": \"T\","
                + " \"rollouts\": [{\"prediction\": \"[]\", \"metadata\": {\"checkpoint\": \"ckpt-7\"}}]}\n");
        CheckpointRollouts.Outcome refused = importFile("ckpt-2", 20, other);
        assertThat(refused.result().refused()).isTrue();
        assertThat(refused.result().errors().getFirst().line()).isEqualTo(1);
        assertThat(refused.result().errors().getFirst().reason()).contains("of checkpoint ckpt-7, but --checkpoint ckpt-2");
        assertThat(Repositories.of(workspace).checkpoints().find("ckpt-2")).isEmpty();

        // A sample id already stored with another contract is refused rather than given the wrong rollouts.
        Path moved = Files.writeString(tmp.resolve("moved.jsonl"), "{\"id\": \"s1\", \"target_document\": \"Other\","
                + " \"rollouts\": [\"[]\"]}\n");
        assertThat(importFile("ckpt-3", 30, moved).result().errors().getFirst().reason())
                .contains("already in the workspace with another target document");
    }
}
