package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.TrainingSimulator;
import dev.juror.testing.watch.TrainingSimulator.Config;
import dev.juror.testing.watch.TrainingSimulator.Hack;
import dev.juror.watch.detect.CheckpointEvidence;
import dev.juror.watch.detect.StepTally;
import dev.juror.watch.detect.StepTallyCodec;
import dev.juror.watch.detect.WatchReport;
import dev.juror.watch.detect.WatchReportBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report from the step facts stored at import is the report built from the whole run in memory:
 * same steps, alarms, evidence numbers, notes and examples, for a clean run and each planted hack.
 */
class StoredStepFactsTest {

    static final CheckpointEvidence NO_CHECKPOINTS = new CheckpointEvidence() {
        @Override
        public List<dev.juror.watch.detect.CheckpointAgreement> agreements(String run) {
            return List.of();
        }

        @Override
        public List<dev.juror.watch.detect.CheckpointScores> scores(String run) {
            return List.of();
        }
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Hack.class)
    void theReportFromStoredFactsIsTheReportFromTheRecords(Hack hack) throws Exception {
        Path file = dir.resolve("r.jsonl");
        TrainingSimulator.writeRecords(TrainingSimulator.series(new Config(3, 90, 16, 8, hack, 45)), file);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            new WatchImporter(ws).importFile("rft", file, "r.jsonl", WatchImportOptions.defaults());
            Repositories repositories = Repositories.of(ws);
            TrainingRun run = repositories.trainingRuns().find("rft").orElseThrow();
            assertThat(repositories.trainingRuns().stepsWithoutFacts(run.id())).as("tallied at import").isEmpty();
            assertThat(repositories.trainingRuns().stepFacts(run.id())).hasSize(90);
            // A baseline saved after the import: the score counts are made at report time.
            new WatchBaselines(ws).save("rft", TrainingSimulator.baseline());

            WatchReport stored = new WatchReports(repositories, NO_CHECKPOINTS).report("rft");
            WatchReport fromRecords = new WatchReportBuilder().build(repositories.trainingRuns().series(run),
                    TrainingSimulator.baseline(), List.of(), List.of());
            assertThat(stored).isEqualTo(fromRecords);
            if (hack != Hack.NONE) {
                assertThat(stored.alarms()).as("the plant is caught").isNotEmpty();
                assertThat(stored.alarms()).allSatisfy(a -> assertThat(a.examples()).isNotEmpty());
            }
        }
    }

    @Test
    void aRunWithoutStoredFactsGetsThemAtItsFirstReportAndStaleFactsAreRecomputed() throws Exception {
        Path file = dir.resolve("r.jsonl");
        TrainingSimulator.writeRecords(TrainingSimulator.series(new Config(4, 40, 8, 4, Hack.SATURATION, 20)), file);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            new WatchImporter(ws).importFile("rft", file, "r.jsonl", WatchImportOptions.defaults());
            Repositories repositories = Repositories.of(ws);
            TrainingRun run = repositories.trainingRuns().find("rft").orElseThrow();
            WatchReport first = new WatchReports(repositories, NO_CHECKPOINTS).report("rft");
            // As a run imported before facts were stored: none, and one step in an unknown format.
            var facts = repositories.trainingRuns().stepFacts(run.id());
            int oldFormat = facts.firstKey();
            try (var c = ws.connection(); var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM step_facts WHERE step > 10");
            }
            repositories.trainingRuns().saveStepFacts(run.id(), Map.of(oldFormat, new byte[]{99, 1, 2}));
            assertThat(repositories.trainingRuns().stepsWithoutFacts(run.id())).hasSize(30);

            assertThat(new WatchReports(repositories, NO_CHECKPOINTS).report("rft")).isEqualTo(first);
            assertThat(repositories.trainingRuns().stepsWithoutFacts(run.id())).isEmpty();
            assertThat(StepTallyCodec.read(repositories.trainingRuns().stepFacts(run.id()).get(oldFormat))).isPresent();
        }
    }

    @Test
    void aTallyReadsBackAsWritten() {
        var series = TrainingSimulator.series(new Config(5, 3, 8, 4, Hack.SCORE_SHIFT, 0));
        for (var s : series.steps()) {
            StepTally t = StepTally.of(s);
            assertThat(t.dims()).containsOnlyKeys(TrainingSimulator.DIMENSIONS);
            assertThat(StepTallyCodec.read(StepTallyCodec.write(t))).contains(t);
        }
    }
}
