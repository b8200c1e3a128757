package dev.juror.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.align.AlignViewModel;
import dev.juror.app.shell.ScreenId;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composition root's wiring of the Align panel: the rubric editor's Align… button opens it in its
 * own window on the rubric open in the editor, and a run without a baseline says to run a judge first.
 */
@ExtendWith(ApplicationExtension.class)
class AlignPanelOpensFromTheEditorTest {

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).start(stage);
        workbench = fixture.workbench();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theAlignButtonOpensThePanelOnTheOpenRubric(FxRobot robot) {
        robot.clickOn("#nav-" + ScreenId.RUBRICS.key());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.isBuilt(ScreenId.RUBRICS)).isTrue();
        robot.clickOn("#alignButton");
        WaitForAsyncUtils.waitForFxEvents();

        AlignViewModel align = workbench.align();
        assertThat(align.rubricProperty().get()).isNotNull();
        assertThat(align.rubricProperty().get().getFileName().toString()).isEqualTo("contract-review.yaml");
        Stage panel = (Stage) Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#alignPanel") != null).findFirst().orElseThrow();
        assertThat(panel.isShowing()).isTrue();
        assertThat(((Label) panel.getScene().lookup("#alignRubric")).getText()).isEqualTo("Align contract-review.yaml");

        robot.interact(align::checkCost);
        try {
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !align.errorProperty().get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from the cost check", e);
        }
        assertThat(align.errorProperty().get()).as("a seeded workspace has no labels and no baseline run")
                .containsAnyOf("run a judge first", "Too few labels");
        robot.interact(panel::close);
    }
}
