package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** label -> calibrate -> verdict on the shipped samples and the demonstration label packs. */
class CalibrateCommandTest {

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

    @Test
    void endToEndLabelCalibrateVerdict() throws Exception {
        Path ws = temp.resolve("ws");
        CalibrationWorkspace.importSamples(ws);
        Run imported = juror("labels", "import", CalibrationWorkspace.PACK_1.toString(),
                CalibrationWorkspace.PACK_2.toString(), "--workspace", ws.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        long run = CalibrationWorkspace.heuristicRun(ws, 2);
        Path html = Path.of(System.getProperty("juror.reportOut", temp.resolve("report.html").toString()));
        Run calibrate = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", "run-" + run,
                "--resamples", "300", "--html", html.toString(), "--workspace", ws.toString());
        System.out.println(imported.out() + calibrate.out() + calibrate.err());
        assertThat(calibrate.exit()).as(calibrate.err()).isZero();
        Run verdict = juror("verdict", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", Long.toString(run),
                "--resamples", "300", "--workspace", ws.toString());
        System.out.println(verdict.out() + verdict.err());
        assertThat(verdict.exit()).isEqualTo(VerdictCommand.NOT_VALIDATED);
    }

    @Test
    void regressRunsTheShippedSuiteWithTheHeuristicJudge() throws Exception {
        Path ws = temp.resolve("ws");
        CalibrationWorkspace.importSamples(ws);
        Run r = juror("regress", "--suite", "suites/contract-review.yaml", "--rubric",
                CalibrationWorkspace.RUBRIC.toString(), "--provider", "heuristic", "--workspace", ws.toString());
        System.out.println(r.out() + r.err());
        assertThat(r.exit()).isIn(0, RegressCommand.SUITE_FAILED);
    }
}
