package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels given with the judge or other labellers shown (not blind): listed as such, left out of
 * calibrate and verdict unless --include-unblinded, and a pack line that does not say it was blind
 * is imported as not blind.
 */
class BlindLabelsCliTest {

    @TempDir
    Path temp;

    /** Ann and Bea each label two comments blind; Bea labels a third with judge run 1 shown. */
    private Path workspace() throws Exception {
        Path dir = temp.resolve("ws");
        CalibrationWorkspace.importSamples(dir);
        try (Workspace ws = Workspace.open(dir)) {
            long r = new RolloutRepository(ws).find("cr-01-agape-odm-supply", 0).orElseThrow().id();
            LabelRepository labels = new LabelRepository(ws);
            for (String who : List.of("ann", "bea")) {
                for (int position = 0; position < 2; position++) {
                    labels.submit(comment(who, r, position, "4", ""));
                }
            }
            labels.submit(comment("bea", r, 2, "2", "judge run 1"));
        }
        return dir;
    }

    private static List<NewLabel> comment(String who, long rollout, int position, String score, String seen) {
        List<NewLabel> out = new ArrayList<>();
        for (String d : List.of("TargetDocument_Grounding", "Reference_Consistency", "Actionability")) {
            out.add(new NewLabel(who, rollout, position, "c" + (position + 1), d, score, "", 3, "v", seen.isEmpty(),
                    false, seen));
        }
        return out;
    }

    @Test
    void labelsListSaysWhichLabelsWereGivenBlind() throws Exception {
        Path ws = workspace();
        CalibrateCommandTest.Run table = CalibrateCommandTest.juror("labels", "list", "--labeller", "bea", "--workspace", ws.toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("sample\trollout\tcomment\tdimension\tlabeller\tscore\tblind\tseen\torigin")
                .contains("cr-01-agape-odm-supply\t0\tc3\tActionability\tbea\t2\tno\tjudge run 1\tgiven at the desk")
                .contains("cr-01-agape-odm-supply\t0\tc1\tActionability\tbea\t4\tyes\t\tgiven at the desk")
                .contains("9 labels, 3 not blind");
        JsonNode json = new ObjectMapper().readTree(CalibrateCommandTest.juror("labels", "list", "--json", "--workspace", ws.toString()).out());
        assertThat(json).hasSize(15);
        long notBlind = 0;
        for (JsonNode n : json) {
            notBlind += n.get("blind").asBoolean() ? 0 : 1;
        }
        assertThat(notBlind).isEqualTo(3);
        CalibrateCommandTest.Run nobody = CalibrateCommandTest.juror("labels", "list", "--labeller", "nobody", "--workspace", ws.toString());
        assertThat(nobody.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(nobody.err()).contains("no labels by 'nobody'").contains("ann, bea");
    }

    @Test
    void calibrateLeavesLabelsThatAreNotBlindOutUnlessAsked() throws Exception {
        Path ws = workspace();
        CalibrateCommandTest.Run byDefault = CalibrateCommandTest.juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--resamples", "50",
                "--json", "--workspace", ws.toString());
        assertThat(byDefault.exit()).as(byDefault.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(byDefault.out());
        assertThat(d.at("/calibration/human_labels").asInt()).isEqualTo(12);
        assertThat(d.get("notes").toString()).contains("3 labels were not given blind")
                .contains("left out; count them with --include-unblinded");

        CalibrateCommandTest.Run included = CalibrateCommandTest.juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--resamples", "50",
                "--include-unblinded", "--json", "--workspace", ws.toString());
        assertThat(included.exit()).as(included.err()).isZero();
        JsonNode i = new ObjectMapper().readTree(included.out());
        assertThat(i.at("/calibration/human_labels").asInt()).isEqualTo(15);
        assertThat(i.get("notes").toString()).contains("3 labels were not given blind").contains("they are counted, as asked");
    }

    @Test
    void aPackLineThatDoesNotSayItWasBlindIsImportedAsNotBlind() throws Exception {
        Path ws = workspace();
        Path pack = temp.resolve("ann.jsonl");
        assertThat(CalibrateCommandTest.juror("labels", "export", "--labeller", "ann", "--out", pack.toString(), "--workspace",
                ws.toString()).exit()).isZero();
        List<String> lines = Files.readAllLines(pack);
        assertThat(lines.get(0)).contains("\"judge_hidden\":true,\"blind\":true,\"seen\":\"\"");
        // an older pack: no blind field
        List<String> old = lines.stream().map(l -> l.replace("\"blind\":true,\"seen\":\"\",", "")).toList();
        Path oldPack = temp.resolve("old.jsonl");
        Files.write(oldPack, old);
        Path other = temp.resolve("other");
        CalibrationWorkspace.importSamples(other);
        CalibrateCommandTest.Run imported = CalibrateCommandTest.juror("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(), oldPack.toString(),
                "--workspace", other.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        CalibrateCommandTest.Run listed = CalibrateCommandTest.juror("labels", "list", "--workspace", other.toString());
        assertThat(listed.out()).contains("6 labels, 6 not blind")
                .contains("not recorded: the label pack does not say what the labeller could see");

        // blind yet given with the judge shown contradicts itself: refused, naming the line and field
        Path bad = temp.resolve("bad.jsonl");
        Files.writeString(bad, lines.get(0).replace("\"judge_hidden\":true", "\"judge_hidden\":false") + "\n");
        CalibrateCommandTest.Run refused = CalibrateCommandTest.juror("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(), bad.toString(),
                "--workspace", temp.resolve("third").toString());
        assertThat(refused.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(refused.err()).contains("bad.jsonl:1: blind is true but judge_hidden is false");
    }
}
