package dev.juror.workspace.judging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.RolloutPair;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored run read back whole for {@code juror run show} and {@code juror judge}'s summary. */
class JudgeRunReaderTest {

    static final Path SAMPLES = Path.of("samples/contract-review/contract-review.jsonl");
    static final Path POINTWISE = Path.of("rubrics/contract-review.yaml");
    static final Path PAIRWISE = Path.of("rubrics/pairwise-preference.yaml");
    static final String CR01 = "cr-01-agape-odm-supply";

    @TempDir
    Path temp;

    private static Workspace withSamples(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir);
        new Importer(ws).importBatch(JsonlImportReader.read(SAMPLES), ImportOptions.refuseInvalid());
        return ws;
    }

    @Test
    void aPointwiseRunIsReadWithItsResultsAsTheJudgeRunsScreenReadsThem() throws Exception {
        try (Workspace ws = withSamples(temp)) {
            JudgeRunLauncher launcher = new JudgeRunLauncher(ws);
            PreparedRun prepared = launcher.create(new NewRun(
                    Files.readString(POINTWISE), POINTWISE.toString(), "heuristic", "", List.of(CR01), 1,
                    JudgeSettings.NONE, OptionalInt.empty()));
            JudgeRunLauncher.Finished finished = launcher.start(prepared, progress -> { }).await();
            assertThat(finished.status()).isEqualTo(JudgeRunStatus.FINISHED);
            long id = prepared.run().id();

            JudgeRunReader reader = new JudgeRunReader(ws);
            JudgeRunReader.Detail detail = reader.detail(id).orElseThrow();

            assertThat(detail.run().id()).isEqualTo(id);
            assertThat(detail.results()).isNotEmpty().hasSize(detail.run().expectedResults())
                    .isEqualTo(new WorkspaceLookups(ws).resultsOf(id).stream().map(WorkspaceLookups.RunResult::result)
                            .toList());
            assertThat(detail.retried()).isEmpty();
            assertThat(detail.pairs()).isEmpty();
            assertThat(detail.sampleIds()).isEmpty();
            assertThat(reader.positionConsistency(detail.run())).isEmpty();
            assertThat(reader.detail(id + 1000)).isEmpty();
        }
    }

    @Test
    void aPairwiseRunNotJudgedYetListsEveryPairWithTheSamplesOfItsRollouts() throws Exception {
        try (Workspace ws = withSamples(temp)) {
            PreparedRun prepared = new JudgeRunLauncher(ws).create(new NewRun(
                    Files.readString(PAIRWISE), PAIRWISE.toString(), "bedrock", "m", List.of(CR01), 1,
                    JudgeSettings.NONE, OptionalInt.of(3)));

            JudgeRunReader reader = new JudgeRunReader(ws);
            JudgeRunReader.Detail detail = reader.detail(prepared.run().id()).orElseThrow();

            assertThat(detail.results()).isEmpty();
            assertThat(detail.pairs()).hasSize(3).allSatisfy(p -> {
                assertThat(p.firstShownFirst()).isEmpty();
                assertThat(p.secondShownFirst()).isEmpty();
            });
            for (RolloutPair pair : prepared.run().pairs()) {
                assertThat(detail.sampleIds()).containsEntry(pair.first(), CR01).containsEntry(pair.second(), CR01);
            }
            assertThat(detail.consistency().pairs()).isZero();
            assertThat(reader.positionConsistency(detail.run())).hasValueSatisfying(c -> assertThat(c.pairs()).isZero());
        }
    }
}
