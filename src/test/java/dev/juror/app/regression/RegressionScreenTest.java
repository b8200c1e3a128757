package dev.juror.app.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import dev.juror.calibration.regression.SuiteYaml;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.CalibrationRepository;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Regression screen on a freshly seeded workspace: the shipped suite, run with the heuristic judge. */
@ExtendWith(ApplicationExtension.class)
class RegressionScreenTest {

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).start(stage);
        workbench = fixture.workbench();
        workspace = fixture.workspaceDir();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSeededSuiteRunWithTheHeuristicJudgeFillsTheCaseTable(FxRobot robot) throws Exception {
        assertThat(workspace.resolve("suites/contract-review.yaml")).as("seeded suites/").exists();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<SuiteChoice> suites = robot.lookup("#suiteChoice").queryAs(ComboBox.class);
        assertThat(suites.getValue()).isNotNull();
        assertThat(suites.getValue().suite().name()).isEqualTo("contract-review-core");
        assertThat(robot.lookup("#providerChoice").queryAs(ComboBox.class).getValue()).isEqualTo("heuristic");

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<CaseRow> table = robot.lookup("#caseTable").queryAs(TableView.class);
        int cases = new SuiteYaml().read(workspace.resolve("suites/contract-review.yaml")).cases().size();
        List<CaseRow> rows = List.copyOf(table.getItems());
        assertThat(rows).hasSize(cases);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.result()).isIn("PASS", "FAIL");
            assertThat(r.expectations()).isNotBlank();
            assertThat(r.observed()).isNotBlank();
            assertThat(r.reason().isEmpty()).isEqualTo(r.passed());
        });
        assertThat(rows).anyMatch(CaseRow::passed);
        long failed = rows.stream().filter(r -> !r.passed()).count();
        String summary = robot.lookup("#suiteSummary").queryAs(Label.class).getText();
        assertThat(summary).startsWith(failed == 0 ? "PASSED" : "FAILED")
                .contains((cases - failed) + " of " + cases + " cases passed").contains(HeuristicJudge.MODEL);
        assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isDisabled()).isTrue();

        // Stored for the verdict, as juror regress does.
        String version = CanonicalForm.version(new RubricYaml().read(workspace.resolve("rubrics/contract-review.yaml")));
        var stored = new CalibrationRepository(workbench.session().current()).latestRegression(version, HeuristicJudge.MODEL);
        assertThat(stored).isPresent();
        assertThat(stored.get().failed()).isEqualTo((int) failed);
    }
}
