package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.StoredQueue;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.TrainingWorkspaces;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import dev.juror.workspace.queues.QueueRequest;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Training screen reads of a workspace: runs, a run's series, the checkpoints its rollouts carry. */
class TrainingRunReadsTest {

    @TempDir
    Path dir;

    @Test
    void listsTheRunReadsItsSeriesAndFindsTheCheckpointsWithTheirSteps() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            new Importer(ws).importBatch(JsonlImportReader.read(Path.of("samples/contract-review/contract-review.jsonl")),
                    ImportOptions.refuseInvalid());
            TrainingWorkspaces.importRun(ws, dir, "rft-1", 30, 18, List.of(10, 20));
            StoredQueue queue = new ReviewQueues(ws).create(new QueueRequest("ckpt-20 experts", QueueStrategy.CHECKPOINT,
                    OptionalLong.empty(), 5, 1, List.of("Ann"), OptionalLong.of(1), "ckpt-20", "", "Ann"));
            TrainingRunReads reads = new TrainingRunReads(ws);

            assertThat(reads.runs()).singleElement().satisfies(line -> {
                assertThat(line.run().name()).isEqualTo("rft-1");
                assertThat(line.stats().records()).isEqualTo(30 * 18);
                assertThat(line.stats().firstStep()).isEqualTo(OptionalInt.of(1));
                assertThat(line.stats().lastStep()).isEqualTo(OptionalInt.of(30));
            });
            assertThat(reads.step("rft-1", 5)).hasValueSatisfying(step -> {
                assertThat(step.size()).isEqualTo(18);
                assertThat(step.prediction()[0]).startsWith("[");
            });
            assertThat(reads.step("rft-1", 31)).as("a step without records").isEmpty();

            List<CheckpointForReview> checkpoints = reads.checkpoints("rft-1");
            assertThat(checkpoints).extracting(CheckpointForReview::checkpoint).containsExactly("ckpt-10", "ckpt-20");
            assertThat(checkpoints).extracting(CheckpointForReview::step)
                    .containsExactly(OptionalInt.of(10), OptionalInt.of(20));
            assertThat(checkpoints).extracting(CheckpointForReview::rollouts).containsExactly(9, 9);
            assertThat(checkpoints.get(0).firstSampleId()).isEqualTo("cr-01-agape-odm-supply");
            assertThat(checkpoints.get(0).firstRolloutIndex()).as("after the sample's 6 shipped rollouts").isEqualTo(6);
            assertThat(checkpoints.get(0).queues()).isEmpty();
            assertThat(checkpoints.get(1).queues()).extracting(StoredQueue::id).containsExactly(queue.id());

            assertThat(reads.checkpoints("another-run")).as("bound to rft-1").isEmpty();
            assertThatThrownBy(() -> reads.step("rft-9", 1)).hasMessage("There is no training run rft-9 in this workspace.");
        }
    }

    @Test
    void aWorkspaceWithoutCheckpointRolloutsHasNone() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("empty"))) {
            assertThat(new TrainingRunReads(ws).runs()).isEmpty();
            assertThat(new TrainingRunReads(ws).checkpoints("rft-1")).isEmpty();
        }
    }
}
