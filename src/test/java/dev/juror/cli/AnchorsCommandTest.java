package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * anchors freeze -> label more -> calibrate --anchors on the shipped samples: the frozen set holds
 * demo-expert-2's labels (137 comments x 3 dimensions); demo-expert-1's pack, imported after the
 * freeze, changes the current labels (157 comments) but not the drift anchors.
 */
class AnchorsCommandTest {

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    static Run juror(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run ok(String... args) {
        Run r = juror(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    private JsonNode calibrate(Path ws, long a, long b, String... more) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("calibrate", "--rubric",
                CalibrationWorkspace.RUBRIC.toString(), "--run", Long.toString(a), "--run", Long.toString(b),
                "--resamples", "50", "--json", "--workspace", ws.toString()));
        args.addAll(java.util.List.of(more));
        return new ObjectMapper().readTree(ok(args.toArray(String[]::new)).out());
    }

    @Test
    void freezeThenLabelMoreThenCalibrateAgainstTheFrozenSet() throws Exception {
        Path ws = temp.resolve("ws");
        CalibrationWorkspace.importSamples(ws);
        assertThat(ok("anchors", "list", "--workspace", ws.toString()).out())
                .startsWith("no anchor sets yet; freeze one with juror anchors freeze");
        ok("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                CalibrationWorkspace.PACK_2.toString(), "--workspace", ws.toString());

        Run freeze = ok("anchors", "freeze", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--name", "demo-2",
                "--note", "demo-expert-2 only", "--workspace", ws.toString());
        assertThat(freeze.out())
                .startsWith("Froze anchor set demo-2: rubric contract-review version ")
                .contains(", 411 items, 411 labels from demo-expert-2\n")
                .contains("  TargetDocument_Grounding  137 items\n")
                .contains("  Reference_Consistency     137 items\n")
                .contains("  Actionability             137 items\n")
                .contains("warning: fewer than 150 items on TargetDocument_Grounding (137), Reference_Consistency (137),"
                        + " Actionability (137)");

        Run again = juror("anchors", "freeze", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--name", "demo-2",
                "--workspace", ws.toString());
        assertThat(again.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(again.err().strip()).startsWith("juror: anchor set demo-2 already exists").doesNotContain("\n");

        long first = CalibrationWorkspace.heuristicRun(ws, 1);
        long second = CalibrationWorkspace.heuristicRun(ws, 1);
        ok("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                CalibrationWorkspace.PACK_1.toString(), "--workspace", ws.toString());

        JsonNode current = calibrate(ws, first, second);
        assertThat(current.at("/drift/anchor_items").asInt()).isEqualTo(471);
        JsonNode anchored = calibrate(ws, first, second, "--anchors", "demo-2");
        assertThat(anchored.at("/drift/anchor_items").asInt()).isEqualTo(411);
        assertThat(anchored.at("/drift/dimensions/0/runs/1/items").asInt()).isEqualTo(137);
        assertThat(anchored.at("/calibration/humans")).hasSize(2);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(anchored.get("notes").toString()).contains("drift measured against anchor set demo-2 (frozen "
                + today + ", 411 items, 1 labeller)");

        JsonNode sets = new ObjectMapper().readTree(ok("anchors", "list", "--json", "--workspace", ws.toString()).out());
        assertThat(sets).hasSize(1);
        assertThat(sets.get(0).get("name").asText()).isEqualTo("demo-2");
        assertThat(sets.get(0).get("rubric").asText()).isEqualTo("contract-review");
        assertThat(sets.get(0).get("frozen_at").asText()).startsWith(today);
        assertThat(sets.get(0).get("items").asInt()).isEqualTo(411);
        assertThat(sets.get(0).get("labels").asInt()).isEqualTo(411);
        assertThat(sets.get(0).get("labellers").asInt()).isEqualTo(1);
        assertThat(sets.get(0).get("note").asText()).isEqualTo("demo-expert-2 only");
        assertThat(ok("anchors", "list", "--workspace", ws.toString()).out())
                .startsWith("name    rubric@version")
                .containsPattern("demo-2  contract-review@\\w+ +" + today + "T\\d\\d:\\d\\d:\\d\\dZ +411 +411  1");

        Run summary = ok("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", Long.toString(first),
                "--run", Long.toString(second), "--anchors", "demo-2", "--resamples", "50", "--workspace", ws.toString());
        assertThat(summary.out()).contains("note: drift measured against anchor set demo-2");
    }

    @Test
    void badAnchorInputIsAOneLineErrorWithExitCode2() throws Exception {
        Path ws = temp.resolve("ws");
        CalibrationWorkspace.importSamples(ws);
        Run nothing = juror("anchors", "freeze", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--name", "x",
                "--workspace", ws.toString());
        assertThat(nothing.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(nothing.err().strip()).startsWith("juror: no usable labels of rubric contract-review in ")
                .contains("(there are no labels yet)").doesNotContain("\n");

        ok("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                CalibrationWorkspace.PACK_2.toString(), "--workspace", ws.toString());
        ok("anchors", "freeze", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--name", "demo-2",
                "--workspace", ws.toString());
        Run unknown = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--anchors", "nope",
                "--workspace", ws.toString());
        assertThat(unknown.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(unknown.err().strip()).startsWith("juror: --anchors nope: no such anchor set in ")
                .endsWith("; list them with juror anchors list");
        Run otherRubric = juror("calibrate", "--rubric", "rubrics/boolean-checklist.yaml", "--anchors", "demo-2",
                "--workspace", ws.toString());
        assertThat(otherRubric.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(otherRubric.err().strip())
                .isEqualTo("juror: --anchors demo-2 was frozen for rubric contract-review, not boolean-checklist");
        Run blank = juror("anchors", "freeze", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--name", " ",
                "--workspace", ws.toString());
        assertThat(blank.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(blank.err().strip()).isEqualTo("juror: an anchor set needs a name");
    }
}
