package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.Adjudication;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.Workspace;
import dev.juror.workspace.Adjudications;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate --reference each|consensus|adjudicated: what the judge is measured against, said in the report. */
class ReferenceCalibrationCliTest {

    private static final String GROUNDING = "TargetDocument_Grounding";

    @TempDir
    Path temp;

    /**
     * Ann and Bea score grounding on four comments of one rollout: they agree on comments 1 and 2,
     * disagree on 3 and 4; comment 3 is adjudicated. A heuristic judge run scores them all.
     */
    private long workspace(Path dir) throws Exception {
        CalibrationWorkspace.importSamples(dir);
        try (Workspace ws = Workspace.open(dir)) {
            long r = new RolloutRepository(ws).find("cr-01-agape-odm-supply", 0).orElseThrow().id();
            LabelRepository labels = new LabelRepository(ws);
            String[][] scores = {{"4", "4"}, {"2", "2"}, {"1", "5"}, {"3", "5"}};
            for (int position = 0; position < 4; position++) {
                labels.submit(List.of(label("ann", r, position, scores[position][0])));
                labels.submit(List.of(label("bea", r, position, scores[position][1])));
            }
            new Adjudications(ws).record(List.of(Adjudication.of("kim", r, 2, "c3", GROUNDING, "2",
                    "The excerpt is in the contract; the risk is overstated.", "v")));
        }
        return CalibrationWorkspace.heuristicRun(dir, 1);
    }

    private static NewLabel label(String who, long rollout, int position, String score) {
        return new NewLabel(who, rollout, position, "c" + (position + 1), GROUNDING, score, "", 3, "v", true, false);
    }

    private JsonNode calibrate(Path dir, long run, String reference) throws Exception {
        CalibrateCommandTest.Run r = CalibrateCommandTest.juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", "run-" + run,
                "--resamples", "50", "--reference", reference, "--json", "--workspace", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode grounding(JsonNode doc) {
        for (JsonNode d : doc.at("/calibration/dimensions")) {
            if (d.get("dimension").asText().equals(GROUNDING)) {
                return d;
            }
        }
        throw new AssertionError("no grounding dimension in " + doc);
    }

    @Test
    void theJudgeIsMeasuredAgainstTheChosenReferenceAndTheCeilingStaysOnEachLabeller() throws Exception {
        Path dir = temp.resolve("ws");
        long run = workspace(dir);

        JsonNode each = calibrate(dir, run, "each");
        assertThat(each.get("reference").asText()).isEqualTo("each");
        assertThat(grounding(each).at("/judges/0/vs_humans/n_items").asInt()).isEqualTo(4);
        int ceiling = grounding(each).at("/human_ceiling/doubly_covered_items").asInt();
        assertThat(ceiling).isEqualTo(4);

        JsonNode consensus = calibrate(dir, run, "consensus");
        assertThat(consensus.get("reference").asText()).isEqualTo("consensus");
        assertThat(grounding(consensus).at("/judges/0/vs_humans/n_items").asInt()).isEqualTo(4);
        assertThat(grounding(consensus).at("/human_ceiling/doubly_covered_items").asInt()).isEqualTo(ceiling);
        assertThat(consensus.at("/calibration/humans")).hasSize(2);
        assertThat(consensus.get("notes").toString()).contains("measured against the labellers' consensus");

        JsonNode adjudicated = calibrate(dir, run, "adjudicated");
        assertThat(adjudicated.get("reference").asText()).isEqualTo("adjudicated");
        // comments 1, 2 (agreed) and 3 (adjudicated); comment 4 is disputed and not adjudicated
        assertThat(grounding(adjudicated).at("/judges/0/vs_humans/n_items").asInt()).isEqualTo(3);
        assertThat(grounding(adjudicated).at("/human_ceiling/doubly_covered_items").asInt()).isEqualTo(ceiling);
        assertThat(adjudicated.get("notes").toString()).contains("1 items adjudicated, 2 where the labellers agree")
                .contains("1 items the labellers disagree on and nobody adjudicated were left out");
    }

    @Test
    void anUnknownReferenceIsABadInputNamingTheChoices() throws Exception {
        Path dir = temp.resolve("bad");
        CalibrationWorkspace.importSamples(dir);
        CalibrateCommandTest.Run r = CalibrateCommandTest.juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--reference", "majority",
                "--workspace", dir.toString());
        assertThat(r.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(r.err()).contains("--reference majority: choose each, consensus or adjudicated");
    }
}
