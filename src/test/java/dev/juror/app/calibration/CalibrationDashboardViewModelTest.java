package dev.juror.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration dashboard's view model without a screen: tasks run inline on a workspace with the
 * DEMONSTRATION labels and a heuristic run (prepared once; the tests only add verdicts and files).
 */
class CalibrationDashboardViewModelTest {

    @TempDir
    static Path folder;

    private static JudgedWorkspace.Prepared prepared;

    private Workspace workspace;
    private final List<ItemRef> opened = new ArrayList<>();
    private CalibrationDashboardViewModel vm;

    @BeforeAll
    static void labelAndJudge() throws Exception {
        prepared = JudgedWorkspace.prepare(folder.resolve("ws"));
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(prepared.dir());
        vm = new CalibrationDashboardViewModel(new InlineBackgroundTasks(), () -> workspace, opened::add,
                Clock.systemUTC());
        vm.resamplesProperty().set(200);
        vm.reload();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void reloadChoosesThePointwiseRubricAndItsNewestRun() {
        assertThat(vm.rubricProperty().get().fileName()).isEqualTo("contract-review.yaml");
        assertThat(vm.runs()).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(prepared.runId()))
                .satisfies(r -> assertThat(r.selectedProperty().get()).isTrue());
        assertThat(vm.anchorSets()).extracting(AnchorChoice::name).containsExactly(null, "demo-anchors");
    }

    @Test
    void computingWithoutAChosenRunAsksForOneAndComputesNothing() {
        vm.runs().forEach(r -> r.selectedProperty().set(false));
        vm.compute();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose at least one judge run.");
        assertThat(vm.dashboardProperty().get()).isNull();

        vm.exportHtml(folder.resolve("never.html"));
        assertThat(vm.messageProperty().get()).isEqualTo("Compute first, then export.");
        assertThat(folder.resolve("never.html")).doesNotExist();
    }

    @Test
    void computeShowsTheVerdictWhichCanBeExportedAndRecorded() throws Exception {
        vm.compute();

        Dashboard shown = vm.dashboardProperty().get();
        assertThat(shown).isNotNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(shown.primaryRun()).isEqualTo("run-" + prepared.runId());
        assertThat(vm.dimensions()).containsExactlyInAnyOrder("TargetDocument_Grounding", "Reference_Consistency",
                "Actionability");
        assertThat(vm.dimensionProperty().get()).isEqualTo(vm.dimensions().get(0));
        assertThat(vm.messageProperty().get()).contains(" human labels from ").contains("1 judge run(s)");
        assertThat(vm.suggestedReportName()).isEqualTo(shown.verdict().rubric() + "-run-" + prepared.runId()
                + "-calibration.html");

        Path report = folder.resolve("out-" + System.nanoTime()).resolve("report.html");
        Files.createDirectories(report.getParent());
        vm.exportHtml(report);
        assertThat(vm.messageProperty().get()).isEqualTo("HTML report written to " + report);
        assertThat(Files.readString(report)).contains("NOT VALIDATED");

        vm.recordVerdict();
        assertThat(vm.messageProperty().get()).startsWith("Recorded ");
        assertThat(new CalibrationRepository(workspace).latestVerdict(shown.verdict().rubricVersion(),
                shown.verdict().judgeModel())).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("NOT_VALIDATED"));
    }

    @Test
    void changingKComparesTheModelsAgainWithThatK() {
        vm.compute();
        assertThat(vm.models()).isNotEmpty().allSatisfy(m -> assertThat(m.k()).isEqualTo(2));

        vm.kProperty().set(1);

        assertThat(vm.models()).isNotEmpty().allSatisfy(m -> assertThat(m.k()).isEqualTo(1));
    }

    @Test
    void aDisagreementOpensItsItemInTheReviewDeskAndABadKeyIsSaidSo() {
        vm.compute();
        Dashboard.DisagreementRow first = vm.dashboardProperty().get().disagreements().get(0);

        vm.open(first);
        // with the run whose disagreement it is, so the desk's judge panel shows that run
        assertThat(opened).containsExactly(ItemRef.parse(first.itemKey()).orElseThrow().withRun(first.run()));
        assertThat(opened.get(0).runId()).isPositive();

        vm.open(new Dashboard.DisagreementRow("no-key", "Actionability", 1, "", "", "", ""));
        assertThat(opened).hasSize(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Item no-key has no sample/rollout/position key.");
    }

    @Test
    void withoutAWorkspaceTheDashboardEmptiesAndSaysSo() {
        vm.compute();
        Workspace kept = workspace;
        workspace = null;
        vm.reload();
        assertThat(vm.messageProperty().get()).isEqualTo("No workspace open.");
        assertThat(vm.rubrics()).isEmpty();
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.dashboardProperty().get()).isNull();
        workspace = kept;
    }
}
