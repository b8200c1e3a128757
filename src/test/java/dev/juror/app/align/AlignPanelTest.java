package dev.juror.app.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.align.AlignInputException;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Align panel alone (FXML, view, view model) over a port answering from memory, at the size of its
 * window: the form, Check cost, a round's result in the tables, the reuse warning, a plain error, and
 * "Open new version in the editor".
 */
@ExtendWith(ApplicationExtension.class)
class AlignPanelTest {

    private final FakeAlignPort port = new FakeAlignPort();
    private final List<Path> opened = new ArrayList<>();
    private AlignViewModel model;

    @Start
    void start(Stage stage) {
        port.stored.add(FakeAlignPort.round(1, ""));
        model = new AlignViewModel(new InlineBackgroundTasks(), port, Settings::defaults, opened::add);
        model.rubricProperty().set(Path.of("rubrics", "contract-review.yaml"));
        Parent root = ViewLoader.load(new AlignView(model), "AlignView.fxml");
        Scene scene = new Scene(root, 1280, 800);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        model.reload();
    }

    @Test
    void checkCostThenRunShowsTheResultAndOpensTheNewVersion(FxRobot robot) {
        assertThat(robot.lookup("#alignRubric").queryAs(Label.class).getText()).isEqualTo("Align contract-review.yaml");
        assertThat(robot.lookup("#alignRounds").queryListView().getItems()).hasSize(1);
        assertThat(robot.lookup("#alignOpen").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#alignCancel").queryButton().isDisabled()).isTrue();

        robot.clickOn("#alignCheck");
        assertThat(robot.lookup("#alignEstimate").queryAs(Label.class).getText()).contains("at most 16 judge calls")
                .contains("Within the caps");
        assertThat(port.ran).isEmpty();

        robot.clickOn("#alignRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alignProgress").queryListView().getItems()).hasSize(3);
        TableView<?> candidates = robot.lookup("#alignCandidates").queryTableView();
        assertThat(candidates.getItems()).hasSize(3);
        assertThat(robot.lookup("#alignComparison").queryTableView().getItems()).hasSize(1);
        assertThat(robot.lookup("#alignSummary").queryAs(Label.class).getText()).contains("Chosen: few-shot-1");
        assertThat(robot.lookup("#alignRounds").queryListView().getItems()).hasSize(2);
        Button open = robot.lookup("#alignOpen").queryButton();
        assertThat(open.isDisabled()).isFalse();
        assertInside(robot, open);
        robot.clickOn(open);
        assertThat(opened).hasSize(1);
    }

    @Test
    void pickingAPastRoundShowsIt(FxRobot robot) {
        robot.interact(() -> robot.lookup("#alignRounds").queryListView().getSelectionModel().select(0));
        assertThat(robot.lookup("#alignSummary").queryAs(Label.class).getText())
                .contains("No candidate ranked above the baseline");
        TableView<?> table = robot.lookup("#alignCandidates").queryTableView();
        assertThat(table.getItems()).hasSize(3);
        robot.interact(() -> table.getSelectionModel().select(2));
        assertThat(robot.lookup("#alignCandidateDetail").queryAs(Label.class).getText())
                .isEqualTo("my-edit (typed): my-edit.yaml. Status: rejected: changes the scale of Accuracy.");
    }

    @Test
    void reusingTheTestSplitShowsAPlainWarning(FxRobot robot) {
        Label warning = robot.lookup("#alignReuseWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isFalse();
        assertThat(robot.lookup("#alignReuse").queryAs(CheckBox.class).isSelected()).as("off by default").isFalse();
        robot.clickOn("#alignReuse");
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("The test split was judged by an earlier round.");
    }

    @Test
    void anErrorIsOneSentenceInThePanel(FxRobot robot) {
        port.failure = new AlignInputException("baseline-run", "no finished judge run of rubric contract-review");
        robot.clickOn("#alignRun");
        Label error = robot.lookup("#alignError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("No baseline run yet: run a judge first");
        assertInside(robot, error);
    }

    /** The node is drawn inside the window, not cut off at its right or bottom edge. */
    private static void assertInside(FxRobot robot, Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        assertThat(b.getMaxX()).as(node.getId() + " right edge").isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(node.getId() + " bottom edge").isLessThanOrEqualTo(scene.getHeight() + 0.5);
    }
}
