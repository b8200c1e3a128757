package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import dev.juror.store.LabelRepository;
import dev.juror.store.StoredLabel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
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

/**
 * The review desk driven by the keyboard only. Before the workbench starts, another labeller (Bea)
 * has labelled the first comment Ann will see, so blind mode has something to hide.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewDeskKeyboardTest {

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private QueueEntry first;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).prepare(workspace -> {
            first = new ReviewData(workspace).queue().stream().filter(e -> e.commentCount() > 0).findFirst()
                    .orElseThrow();
            var rubric = new ReviewData(workspace).rubrics().rubrics().get(0);
            // Bea's labels came in a label pack carol imported: the desk says so once they are revealed.
            new LabelRepository(workspace).merge(rubric.rubric().dimensionNames().stream()
                    .map(d -> new StoredLabel(0, "bea-" + d, "Bea", first.rolloutId(), 0, "c1", d, "2", "too vague", 30,
                            rubric.version(), true, false, java.time.Instant.parse("2026-12-07T09:00:00Z"), "pack:desk"))
                    .toList(), new dev.juror.store.LabelImport(0, "ab12cd34" + "0".repeat(56), "bea.jsonl", "carol",
                    java.time.Instant.parse("2026-12-07T09:00:00Z")));
        }).start(stage);
        workbench = fixture.workbench();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aFullLabelByKeyboardOnlyIsStored(FxRobot robot) {
        ReviewDeskViewModel desk = workbench.review();
        assertThat(desk.currentProperty().get().entry()).isEqualTo(first);
        assertThat(desk.selectedProperty().get()).isZero();

        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Map<String, String> stored = annsLabels().stream()
                .filter(l -> l.rolloutId() == first.rolloutId() && l.commentPosition() == 0)
                .collect(Collectors.toMap(StoredLabel::dimension, StoredLabel::score));
        List<String> dimensions = desk.rubricProperty().get().rubric().dimensionNames();
        assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.of(dimensions.get(0), "4", dimensions.get(1), "3",
                dimensions.get(2), "5"));
        // Enter advanced to the next comment Ann has not labelled.
        assertThat(desk.selectedProperty().get()).isEqualTo(1);
    }

    @Test
    void upAndDownMoveBetweenDimensionsAndANoteAndFlagNeedNoMouse(FxRobot robot) {
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.UP).type(KeyCode.DIGIT2) // second dimension
                .type(KeyCode.UP).type(KeyCode.DIGIT1)
                .type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.DIGIT3)
                .type(KeyCode.F)
                .type(KeyCode.N).write("quotes the wrong clause").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        List<StoredLabel> mine = annsLabels();
        assertThat(mine).hasSize(3).allSatisfy(label -> {
            assertThat(label.note()).isEqualTo("quotes the wrong clause");
            assertThat(label.flagged()).isTrue();
            assertThat(label.judgeHidden()).isTrue();
        });
        assertThat(mine).extracting(StoredLabel::score).containsExactly("1", "2", "3");
    }

    @Test
    void otherLabellersStayHiddenUntilThisLabellerSubmits(FxRobot robot) {
        assertThat(robot.lookup("#hidden-0").queryAs(Label.class).getText())
                .contains("1 other label is hidden until you submit");
        assertThat(robot.lookup("#scores-0").tryQuery()).isEmpty();
        assertThat(robot.lookup("#origins-0").tryQuery()).isEmpty();
        String firstDimension = workbench.review().rows().get(0).name();
        assertThat(robot.lookup("#others-" + firstDimension).queryAs(Label.class).getText()).isEmpty();

        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT2).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.review().selectedProperty().get()).isEqualTo(1);

        robot.type(KeyCode.PAGE_UP); // back to the submitted comment: now Bea's label is shown beside Ann's
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hidden-0").tryQuery()).isEmpty();
        assertThat(robot.from(robot.lookup("#scores-0").queryAs(javafx.scene.Node.class)).lookup(".label")
                .queryAllAs(Label.class)).extracting(Label::getText).contains("You", "Bea");
        // Bea gave 2 everywhere: the first and third dimensions disagree, the second agrees.
        assertThat(robot.lookup("#scores-0 .score-differs").queryAll()).hasSize(2);
        assertThat(robot.lookup("#others-" + firstDimension).queryAs(Label.class).getText()).isEqualTo("Bea 2");
        assertThat(robot.lookup("#origins-0").queryAs(Label.class).getText())
                .isEqualTo("Bea: imported from pack ab12cd34 (bea.jsonl) by carol on 2026-12-07");
    }

    private List<StoredLabel> annsLabels() {
        return new LabelRepository(workbench.session().current()).byLabeller("Ann");
    }
}
