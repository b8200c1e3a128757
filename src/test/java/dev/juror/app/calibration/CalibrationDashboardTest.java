package dev.juror.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import dev.juror.app.review.OpenedRollout;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard on the shipped samples with the DEMONSTRATION label packs and a heuristic judge run
 * with two repeats (the same store and judge classes the CLI uses): compute, read the table and the
 * verdict, export the report, record the verdict, and open a disagreement in the review desk.
 */
@ExtendWith(ApplicationExtension.class)
class CalibrationDashboardTest {

    @TempDir
    static Path folder;

    private static Path prepared;
    private static long runId;
    private static int anchorItems;

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private Path report;

    /** Labels and judging take a while: done once, each test starts from a copy (TestFX's start has a timeout). */
    @BeforeAll
    static void labelAndJudge() throws Exception {
        JudgedWorkspace.Prepared done = JudgedWorkspace.prepare(folder.resolve("prepared"));
        prepared = done.dir();
        runId = done.runId();
        anchorItems = done.anchorItems();
    }

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).copyOf(prepared)
                .reportSaver((owner, name) -> Optional.of(report))
                .beforeStart(built -> built.calibration().resamplesProperty().set(200))
                .start(stage);
        workbench = fixture.workbench();
        report = fixture.runDir().resolve("out/report.html");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void openDashboardAndCompute(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-calibration").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(workbench.calibration().runs()).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(runId))
                .satisfies(r -> assertThat(r.selectedProperty().get()).isTrue());
        robot.clickOn("#calibrationCompute");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void computeShowsEveryDimensionBesideTheHumanCeilingAndTheVerdict(FxRobot robot) {
        openDashboardAndCompute(robot);
        @SuppressWarnings("unchecked")
        TableView<Dashboard.MetricRow> table = robot.lookup("#calibrationMetrics").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Dashboard.MetricRow::dimension).containsOnly(
                "TargetDocument_Grounding", "Reference_Consistency", "Actionability");
        assertThat(table.getItems()).extracting(Dashboard.MetricRow::comparison)
                .filteredOn(c -> c.equals("human vs human")).hasSize(3);
        assertThat(table.getItems()).extracting(Dashboard.MetricRow::comparison)
                .filteredOn(c -> c.equals("run-" + runId + " vs humans")).hasSize(3);
        assertThat(table.getItems().get(0).kappa()).matches("-?\\d\\.\\d{3} \\[-?\\d\\.\\d{2}, -?\\d\\.\\d{2}]");
        String banner = robot.lookup("#verdictLabel").queryAs(Label.class).getText();
        assertThat(banner).startsWith("NOT VALIDATED").contains("run-" + runId);
        assertThat(robot.lookup("#verdictBanner").query().getStyleClass()).contains("not-validated");
        // the heatmap shows the confusion counts of the selected dimension: they add up to its judge-vs-human pairs
        int[][] counts = workbench.calibration().dashboardProperty().get().confusion()
                .get(workbench.calibration().dimensionProperty().get());
        int cells = robot.lookup("#confusionHeatmap .heatmap-cell").queryAll().size();
        assertThat(cells).isEqualTo(counts.length * counts[0].length);
        assertThat(workbench.calibration().models()).extracting(Dashboard.ModelRow::model).contains("demo-policy-a");
    }

    @Test
    void exportWritesTheHtmlReportAndRecordStoresTheVerdict(FxRobot robot) throws Exception {
        openDashboardAndCompute(robot);
        robot.clickOn("#calibrationExport");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("NOT VALIDATED").contains("Reference_Consistency");
        assertThat(Files.list(report.getParent())).hasSize(1); // no temporary file left behind

        robot.clickOn("#calibrationRecord");
        WaitForAsyncUtils.waitForFxEvents();
        var verdict = workbench.calibration().dashboardProperty().get().verdict();
        assertThat(new CalibrationRepository(workbench.session().current())
                .latestVerdict(verdict.rubricVersion(), verdict.judgeModel()))
                .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("NOT_VALIDATED"));
    }

    @Test
    void doubleClickingADisagreementOpensItInTheReviewDesk(FxRobot robot) {
        openDashboardAndCompute(robot);
        robot.clickOn("Disagreements");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Dashboard.DisagreementRow> list = robot.lookup("#disagreementList").queryAs(TableView.class);
        assertThat(list.getItems()).isNotEmpty();
        Dashboard.DisagreementRow first = list.getItems().get(0);
        ItemRef wanted = ItemRef.parse(first.itemKey()).orElseThrow();

        robot.doubleClickOn(robot.lookup("#disagreementList .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#nav-review").queryAs(ToggleButton.class).isSelected()).isTrue();
        OpenedRollout opened = workbench.review().currentProperty().get();
        assertThat(opened.entry().sampleId()).isEqualTo(wanted.sampleId());
        assertThat(opened.entry().index()).isEqualTo(wanted.rolloutIndex());
        int selected = workbench.review().selectedProperty().get();
        assertThat(opened.items().get(selected).position()).isEqualTo(wanted.position());
    }

    @Test
    void driftCanBeMeasuredAgainstAFrozenAnchorSet(FxRobot robot) throws Exception {
        long second = JudgedWorkspace.heuristicRun(workbench.session().current(),
                workbench.session().current().directory().resolve("rubrics/contract-review.yaml"), 1);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        CalibrationDashboardViewModel dashboard = workbench.calibration();
        WaitForAsyncUtils.asyncFx(dashboard::reload);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dashboard.runs()).extracting(RunChoice::id).contains(runId, second);
        assertThat(dashboard.anchorSets()).extracting(AnchorChoice::name).containsExactly(null, "demo-anchors");
        assertThat(robot.lookup("#calibrationAnchors").queryComboBox().getValue()).isEqualTo(AnchorChoice.CURRENT_LABELS);

        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.runs().forEach(r -> r.selectedProperty().set(true));
            dashboard.anchorSetProperty().set(dashboard.anchorSets().get(1));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#calibrationCompute");
        WaitForAsyncUtils.waitForFxEvents();

        var result = dashboard.dashboardProperty().get().result();
        assertThat(result.drift().anchorItems()).isEqualTo(anchorItems);
        // Frozen with the first expert's labels only; the second expert's came later.
        assertThat(dashboard.messageProperty().get()).contains("Drift measured against anchor set demo-anchors")
                .contains("1 labeller");
        assertThat(result.report().humans()).hasSize(2);

        WaitForAsyncUtils.asyncFx(() -> dashboard.anchorSetProperty().set(AnchorChoice.CURRENT_LABELS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#calibrationCompute");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dashboard.messageProperty().get()).doesNotContain("anchor set");
    }

    /*
     * Issue #18: a run holding service failures over its threshold is refused by the dashboard, which
     * says so and offers a box to include it anyway (its failed results are left out, said in a note).
     */
    @Test
    void aRunWithServiceFailuresIsRefusedUntilTheBoxToIncludeItIsTicked(FxRobot robot) throws Exception {
        Workspace open = workbench.session().current();
        long failed = JudgedWorkspace.heuristicRun(open, open.directory().resolve("rubrics/contract-review.yaml"), 1);
        JudgeRunRepository runs = new JudgeRunRepository(open);
        // Three of its results are api_errors, as if the service had failed them.
        List<dev.juror.store.JudgeResultRow> stored = new JudgeResultRepository(open).resultsOf(failed);
        try (var c = open.connection(); var update = c.prepareStatement(
                "UPDATE judge_results SET status = 'api_error', sample_score = NULL WHERE id IN (?, ?, ?)")) {
            for (int i = 0; i < 3; i++) {
                update.setLong(i + 1, stored.get(i).id());
            }
            assertThat(update.executeUpdate()).isEqualTo(3);
        }
        runs.markStatus(failed, JudgeRunStatus.FAILED);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        CalibrationDashboardViewModel dashboard = workbench.calibration();
        WaitForAsyncUtils.asyncFx(dashboard::reload);
        WaitForAsyncUtils.waitForFxEvents();
        RunChoice choice = dashboard.runs().stream().filter(r -> r.id() == failed).findFirst().orElseThrow();
        assertThat(choice.toString()).endsWith("failed: 3 service failures");
        assertThat(robot.lookup("#calibrationRuns").queryListView().getItems()).contains(choice);
        WaitForAsyncUtils.asyncFx(() -> dashboard.runs().forEach(r -> r.selectedProperty().set(r == choice)));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#calibrationCompute");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dashboard.dashboardProperty().get()).isNull();
        assertThat(robot.lookup("#calibrationMessage").queryAs(Label.class).getText())
                .startsWith("Not calibrated: Run " + failed + " has 3 service failures (3 api_error)")
                .contains("Include runs with service failures");

        robot.clickOn("#calibrationIncludeFailed");
        assertThat(dashboard.includeFailedRunsProperty().get()).isTrue();
        robot.clickOn("#calibrationCompute");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dashboard.dashboardProperty().get()).isNotNull();
        assertThat(dashboard.dashboardProperty().get().primaryRun()).isEqualTo("run-" + failed);
        assertThat(dashboard.messageProperty().get()).contains("Run-" + failed + ": 3 results the judge service did"
                + " not answer (api_error, timeout) have no scores and were left out (over the run's threshold,"
                + " accepted on request)");
    }
}
