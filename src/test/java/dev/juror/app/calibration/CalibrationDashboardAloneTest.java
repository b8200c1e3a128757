package dev.juror.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.AnchorSet;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.StoredJudgeRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The calibration dashboard alone (FXML, view and view model) over a {@link DashboardReader}
 * answering from memory: no workspace database, no workbench. What it checks: the choices the
 * reader offers, what Compute asks for first, and that another workspace's reader replaces the
 * choices while a reload of the same one keeps the runs chosen.
 */
@ExtendWith(ApplicationExtension.class)
class CalibrationDashboardAloneTest {

    private final FakeReader first = new FakeReader("contract-review.yaml", 3, 5);
    private final AtomicReference<DashboardReader> open = new AtomicReference<>(first);
    private final List<ItemRef> opened = new ArrayList<>();
    private CalibrationDashboardViewModel model;

    @Start
    void start(Stage stage) {
        model = new CalibrationDashboardViewModel(new InlineBackgroundTasks(), () -> null, open::get, opened::add,
                Clock.systemUTC());
        Parent root = ViewLoader.load(new CalibrationDashboardView(model, (owner, name) -> Optional.empty()),
                "CalibrationDashboardView.fxml");
        Scene scene = new Scene(root, 1110, 730);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        model.reload();
    }

    @Test
    void offersTheReadersRubricRunsAndAnchorSets(FxRobot robot) {
        ComboBox<?> rubrics = robot.lookup("#calibrationRubric").queryComboBox();
        assertThat(rubrics.getValue()).isInstanceOf(RubricChoice.class);
        assertThat(((RubricChoice) rubrics.getValue()).fileName()).isEqualTo("contract-review.yaml");
        ListView<?> runs = robot.lookup("#calibrationRuns").queryListView();
        assertThat(runs.getItems()).extracting(Object::toString)
                .satisfiesExactly(newest -> assertThat(newest).startsWith("run-5 · "),
                        older -> assertThat(older).startsWith("run-3 · "));
        // The newest run is chosen, the one to decide on.
        assertThat(model.runs()).extracting(r -> r.selectedProperty().get()).containsExactly(true, false);
        assertThat(robot.lookup("#calibrationAnchors").queryComboBox().getItems()).extracting(Object::toString)
                .containsExactly("Current labels", "frozen-2026-11 · 12 items");
        assertThat(robot.lookup("#calibrationExport").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#calibrationRecord").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void computeAsksForARunWhenNoneIsChosen(FxRobot robot) {
        robot.interact(() -> model.runs().forEach(r -> r.selectedProperty().set(false)));
        robot.clickOn("#calibrationCompute");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#calibrationMessage").queryAs(Label.class).getText())
                .isEqualTo("Choose at least one judge run.");
        assertThat(model.dashboardProperty().get()).isNull();
    }

    @Test
    void aReloadKeepsTheChosenRunsAndAnotherWorkspaceReplacesTheChoices(FxRobot robot) {
        robot.interact(() -> {
            model.runs().get(0).selectedProperty().set(false);
            model.runs().get(1).selectedProperty().set(true);
            model.reload();
        });
        assertThat(model.runs()).extracting(r -> r.selectedProperty().get()).containsExactly(false, true);

        robot.interact(() -> {
            open.set(new FakeReader("contract-review.yaml", 9));
            model.reload();
        });
        assertThat(model.runs()).extracting(RunChoice::id).containsExactly(9L);
        assertThat(model.runs().get(0).selectedProperty().get()).isTrue();

        robot.interact(() -> {
            open.set(null);
            model.reload();
        });
        assertThat(model.rubrics()).isEmpty();
        assertThat(robot.lookup("#calibrationMessage").queryAs(Label.class).getText()).isEqualTo("No workspace open.");
    }

    /** One pointwise rubric, its finished runs (the last id newest) and one frozen anchor set. */
    private static final class FakeReader implements DashboardReader {

        private final Rubric rubric;
        private final String fileName;
        private final long[] runIds;

        FakeReader(String fileName, long... runIds) {
            this.fileName = fileName;
            this.runIds = runIds;
            try {
                rubric = new RubricYaml().read(Path.of("rubrics").resolve(fileName));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return new WorkspaceRubrics.RubricList(List.of(new RubricChoice(fileName, rubric,
                    CanonicalForm.version(rubric))), List.of());
        }

        @Override
        public List<StoredJudgeRun> runsOf(String rubricName) {
            List<StoredJudgeRun> runs = new ArrayList<>();
            for (int i = runIds.length - 1; i >= 0; i--) {
                runs.add(new StoredJudgeRun(runIds[i], rubricName, CanonicalForm.version(rubric), "", "heuristic",
                        "heuristic-v1", "{}", 1, "all", List.of(1L, 2L), Instant.EPOCH.plusSeconds(runIds[i]),
                        JudgeRunStatus.FINISHED, Optional.empty(), Map.of("ok", 2), new long[4], 0, 0, List.of(),
                        FailureThreshold.NONE, Optional.empty()));
            }
            return runs;
        }

        @Override
        public List<AnchorSet> anchorSetsOf(String rubricName) {
            return List.of(new AnchorSet(1, "frozen-2026-11", rubricName, CanonicalForm.version(rubric), Instant.EPOCH,
                    "", 40, 12, 2));
        }
    }
}
