package dev.juror.app.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.testing.CapturedLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The judge runs screen in the real workbench with real background threads: a heuristic run on the
 * seeded samples fills the results table and the detail pane; a Bedrock run against the local
 * Converse test server shows live progress, is cancelled with Esc and can be resumed.
 */
@ExtendWith(DummyAwsCredentials.class)
@ExtendWith(ApplicationExtension.class)
class JudgeRunsScreenTest {

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private FxBackgroundTasks tasks;
    private Path workspaceDir;


    @Start
    void start(Stage stage) throws Exception {
        tasks = new FxBackgroundTasks(3);
        fixture = WorkbenchFixture.under(folder).tasks(tasks).start(stage);
        workbench = fixture.workbench();
        workspaceDir = fixture.workspaceDir();
    }

    @AfterEach
    void close() {
        JudgeRunsViewModel vm = workbench.judgeRuns();
        WaitForAsyncUtils.asyncFx(vm::cancel);
        waitUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(20));
        tasks.close();
        fixture.close();
    }

    private JudgeRunsViewModel openScreen(FxRobot robot) {
        waitUntil(() -> workbench.session().isOpen(), Duration.ofSeconds(20));
        robot.clickOn("#nav-judge");
        JudgeRunsViewModel vm = workbench.judgeRuns();
        waitUntil(() -> !vm.rubrics().isEmpty() && !vm.samples().isEmpty(), Duration.ofSeconds(20));
        return vm;
    }

    @Test
    void aHeuristicRunOnTheSeededSamplesCompletesAndFillsTheTable(FxRobot robot) throws Exception {
        JudgeRunsViewModel vm = openScreen(robot);
        assertThat(vm.rubricProperty().get().fileName()).isEqualTo("contract-review.yaml");
        assertThat(vm.providerProperty().get()).isEqualTo("heuristic");

        robot.clickOn("#startRun");
        waitUntil(() -> !vm.runningProperty().get() && !vm.results().isEmpty(), Duration.ofSeconds(60));

        StoredJudgeRun stored = storedRuns().get(0);
        assertThat(stored.status()).isEqualTo(JudgeRunStatus.FINISHED);
        TableView<?> table = robot.lookup("#resultTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(stored.expectedResults());
        assertThat(vm.doneProperty().get()).isEqualTo(stored.expectedResults());
        assertThat(robot.lookup("#runProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(vm.messageProperty().get()).contains("Run " + stored.id() + " finished");

        // The first ok result: per-comment scores with justifications, raw JSON in the code area.
        int ok = vm.results().stream().map(ResultRow::status).toList().indexOf("ok");
        assertThat(ok).isGreaterThanOrEqualTo(0);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(ok));
        waitUntil(() -> !vm.scores().isEmpty(), Duration.ofSeconds(10));
        TableView<?> scores = robot.lookup("#scoreTable").queryAs(TableView.class);
        assertThat(scores.getItems()).isNotEmpty();
        assertThat(vm.scores()).allSatisfy(s -> assertThat(s.detail().justification()).isNotBlank());
        CodeArea raw = robot.lookup("#rawOutput").queryAs(CodeArea.class);
        assertThat(raw.getText()).isEqualTo(vm.results().get(ok).result().rawOutput()).startsWith("{");
        assertThat(raw.getStyleOfChar(1)).contains("json-key");

        // A failed result shows its cause.
        int bad = vm.results().stream().map(ResultRow::status).toList().indexOf("schema_error");
        if (bad >= 0) {
            WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(bad));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.resultProblemProperty().get()).startsWith("schema_error: ")
                    .isEqualTo("schema_error: " + vm.results().get(bad).errorText());
        }
    }

    @Test
    void anEndpointWithCredentialsIsRefusedWithASentenceAndNoRunIsStored(FxRobot robot) throws Exception {
        // Issue #18 §5: the same rule as juror judge --endpoint, shown on the screen.
        JudgeRunsViewModel vm = openScreen(robot);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.providerProperty().set("bedrock");
            vm.endpointProperty().set("https://AKIAIOSFODNN7EXAMPLE:secret@bedrock.example.com");
        });
        WaitForAsyncUtils.waitForFxEvents();
        try (CapturedLog log = CapturedLog.of(FxBackgroundTasks.class)) { // the refusal is logged: no secret in it
            robot.clickOn("#startRun");
            waitUntil(() -> !vm.runningProperty().get() && vm.messageProperty().get().startsWith("Cannot start"),
                    Duration.ofSeconds(20));
            assertThat(log.text()).contains("user name or password").doesNotContain("AKIA").doesNotContain("secret@");
        }
        assertThat(vm.messageProperty().get()).startsWith("Cannot start the run: the Bedrock endpoint holds a user"
                + " name or password").doesNotContain("AKIA").doesNotContain("secret@");
        assertThat(robot.lookup("#runMessage").queryLabeled().getText()).isEqualTo(vm.messageProperty().get());
        assertThat(storedRuns()).isEmpty();
    }

    @Test
    void aBedrockRunAgainstTheTestServerShowsProgressAndIsCancelledLeavingItResumable(FxRobot robot)
            throws Exception {
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text("{\"comments\": []}").withUsage(1000, 20, 0, 0)
                    .withDelay(Duration.ofMillis(400)));
            JudgeRunsViewModel vm = openScreen(robot);
            WaitForAsyncUtils.asyncFx(() -> {
                vm.providerProperty().set("bedrock");
                vm.endpointProperty().set(server.endpoint().toString());
                vm.regionProperty().set("us-east-1");
                vm.concurrencyProperty().set(2);
            });
            WaitForAsyncUtils.waitForFxEvents();
            // The form shows the Bedrock fields only now, with what the test typed.
            assertThat(robot.lookup("#runEndpoint").queryTextInputControl().isVisible()).isTrue();
            assertThat(robot.lookup("#runEndpoint").queryTextInputControl().getText())
                    .isEqualTo(server.endpoint().toString());
            assertThat(robot.lookup("#runBaseUrl").queryTextInputControl().isVisible()).isFalse();
            robot.clickOn("#startRun");

            waitUntil(() -> vm.doneProperty().get() >= 3, Duration.ofSeconds(30));
            assertThat(vm.runningProperty().get()).isTrue();
            assertThat(vm.totalProperty().get()).isGreaterThan(vm.doneProperty().get());
            assertThat(vm.tokensProperty().get()).isGreaterThanOrEqualTo(3 * 1020L);
            assertThat(robot.lookup("#runProgress").queryAs(ProgressBar.class).getProgress()).isBetween(0.0, 1.0);
            assertThat(robot.lookup("#cancelRun").queryAs(Button.class).isDisabled()).isFalse();
            // The results table follows the run: stored results appear while it is still going.
            waitUntil(() -> vm.results().size() >= 3, Duration.ofSeconds(10));
            assertThat(vm.runningProperty().get()).isTrue();
            assertThat(vm.results()).extracting(ResultRow::sampleId).doesNotContain("?");

            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> !vm.runningProperty().get(), Duration.ofSeconds(20));

            StoredJudgeRun stored = storedRuns().get(0);
            assertThat(stored.provider()).isEqualTo("bedrock");
            assertThat(stored.status()).isEqualTo(JudgeRunStatus.INTERRUPTED);
            assertThat(stored.results()).isGreaterThanOrEqualTo(3).isLessThan(stored.expectedResults());
            assertThat(vm.messageProperty().get()).contains("interrupted");
            waitUntil(() -> vm.results().size() == stored.results(), Duration.ofSeconds(10));
            assertThat(robot.lookup("#resumeRun").queryAs(Button.class).isDisabled()).isFalse();
            assertThat(server.requests()).isNotEmpty();
        }
    }

    /*
     * Issue #18: a run whose every call failed ended "finished". Now it is failed, the list says how
     * many service failures, and Resume judges them again once the service is back.
     */
    @Test
    void aRunWhoseCallsAllFailIsListedAsFailedAndResumeJudgesTheFailuresAgain(FxRobot robot) throws Exception {
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.accessDenied());
            JudgeRunsViewModel vm = openScreen(robot);
            WaitForAsyncUtils.asyncFx(() -> {
                vm.providerProperty().set("bedrock");
                vm.endpointProperty().set(server.endpoint().toString());
                vm.regionProperty().set("us-east-1");
                vm.concurrencyProperty().set(2);
                vm.allSamplesProperty().set(false);
                vm.chosenSamples().setAll("cr-01-agape-odm-supply");
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#startRun");
            waitUntil(() -> !vm.runningProperty().get() && vm.messageProperty().get().contains("failed"),
                    Duration.ofSeconds(60));

            StoredJudgeRun failed = storedRuns().get(0);
            int n = failed.expectedResults();
            assertThat(failed.status()).isEqualTo(JudgeRunStatus.FAILED);
            assertThat(failed.serviceFailures()).isEqualTo(n);
            assertThat(vm.messageProperty().get()).startsWith("Run " + failed.id() + " failed: " + n
                    + " service failures (" + n + " api_error)").contains("Resume judges them again");
            waitUntil(() -> !vm.runs().isEmpty() && vm.runs().get(0).run().status() == JudgeRunStatus.FAILED,
                    Duration.ofSeconds(10));
            assertThat(robot.lookup("#runList").queryListView().getItems().get(0).toString())
                    .contains("failed: " + n + " service failures");
            WaitForAsyncUtils.asyncFx(() -> vm.selectedRunProperty().set(vm.runs().get(0)));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#resumeRun").queryAs(Button.class).isDisabled()).isFalse();

            server.setDefault(Reply.text("{\"comments\": []}"));
            robot.clickOn("#resumeRun");
            waitUntil(() -> !vm.runningProperty().get() && vm.messageProperty().get().contains("finished"),
                    Duration.ofSeconds(60));
            StoredJudgeRun after = storedRuns().get(0);
            assertThat(after.id()).isEqualTo(failed.id());
            assertThat(after.status()).isEqualTo(JudgeRunStatus.FINISHED);
            assertThat(after.serviceFailures()).isZero();
            assertThat(after.results()).isEqualTo(n);
        }
    }

    @Test
    void aPairwiseRunListsOneRowPerPairAndOrderWithAsShareAsTheScore(FxRobot robot) throws Exception {
        try (ConverseTestServer server = ConverseTestServer.start()) {
            String dim = "{\"verdict\": \"A\", \"justification\": \"better\"}";
            server.setDefault(Reply.text("{\"dimensions\": {\"Grounding\": " + dim + ", \"Coverage\": " + dim
                    + ", \"Justification\": " + dim + ", \"Actionability\": " + dim
                    + "}, \"winner\": \"A\", \"rationale\": \"r\"}").withUsage(1000, 20, 0, 0));
            JudgeRunsViewModel vm = openScreen(robot);
            // The judge screen offers pairwise rubrics too (the review desk does not: it labels pointwise).
            var pairwise = vm.rubrics().stream().filter(r -> r.fileName().equals("pairwise-preference.yaml"))
                    .findFirst().orElseThrow();
            WaitForAsyncUtils.asyncFx(() -> {
                vm.rubricProperty().set(pairwise);
                vm.providerProperty().set("bedrock");
                vm.endpointProperty().set(server.endpoint().toString());
                vm.regionProperty().set("us-east-1");
                vm.concurrencyProperty().set(2);
                vm.allSamplesProperty().set(false);
                vm.chosenSamples().setAll("cr-01-agape-odm-supply");
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#startRun");
            waitUntil(() -> !vm.runningProperty().get() && vm.messageProperty().get().contains("finished"),
                    Duration.ofSeconds(60));

            StoredJudgeRun stored = storedRuns().get(0);
            assertThat(stored.pairwise()).isTrue();
            // 6 rollouts, at most 6 pairs, each in both orders.
            assertThat(stored.expectedResults()).isEqualTo(12);
            waitUntil(() -> vm.results().size() == 12, Duration.ofSeconds(10));
            assertThat(vm.results()).extracting(ResultRow::rolloutText).allSatisfy(t -> assertThat(t).contains(">"));
            assertThat(vm.results()).extracting(ResultRow::scoreText).containsOnly("1.00");
            assertThat(vm.results()).extracting(ResultRow::sampleId).containsOnly("cr-01-agape-odm-supply");
        }
    }

    private List<StoredJudgeRun> storedRuns() {
        Workspace open = workbench.session().current();
        return new JudgeRunRepository(open).list();
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + timeout, e);
        }
    }
}
