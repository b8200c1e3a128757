package dev.juror.app.review;

import dev.juror.app.ShippedRubric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.rubric.Rubric;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.juror.rubric.Dimension;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review desk alone (FXML, view and view model) over a {@link ReviewSource} answering from
 * memory: no workspace database, no workbench. One rollout with two comments; labelling the first by
 * keyboard hands the source one submit of a label per dimension and moves to the second comment.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewDeskAloneTest {

    private final FakeSource source = new FakeSource();
    private ReviewDeskViewModel desk;

    @Start
    void start(Stage stage) {
        InlineBackgroundTasks tasks = new InlineBackgroundTasks();
        desk = new ReviewDeskViewModel(tasks, () -> "Ann", Clock.systemUTC());
        Parent root = ViewLoader.load(new ReviewDeskView(desk, tasks), "ReviewDeskView.fxml");
        Scene scene = new Scene(root, 1110, 730);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        desk.load(source);
        root.requestFocus();
    }

    @Test
    void opensTheSourcesRolloutWithItsComments(FxRobot robot) {
        assertThat(desk.currentProperty().get().entry()).isEqualTo(FakeSource.ENTRY);
        assertThat(robot.lookup("#rolloutTitle").queryAs(Label.class).getText()).contains("cr-01-agape-odm-supply");
        assertThat(robot.lookup("#card-0").tryQuery()).isPresent();
        assertThat(robot.lookup("#card-1").tryQuery()).isPresent();
        assertThat(desk.selectedProperty().get()).isZero();
    }

    @Test
    void aLabelTypedOnTheKeyboardIsOneSubmitToTheSource(FxRobot robot) {
        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.submits).hasSize(1);
        List<NewLabel> submitted = source.submits.get(0);
        List<String> dimensions = source.rubric.dimensionNames();
        assertThat(submitted).extracting(NewLabel::dimension).containsExactlyElementsOf(dimensions);
        assertThat(submitted).extracting(NewLabel::score).containsExactly("4", "3", "5");
        assertThat(submitted).allSatisfy(label -> {
            assertThat(label.labeller()).isEqualTo("Ann");
            assertThat(label.rolloutId()).isEqualTo(FakeSource.ENTRY.rolloutId());
            assertThat(label.commentPosition()).isZero();
        });
        // Enter moved on to the comment Ann has not labelled yet.
        assertThat(desk.selectedProperty().get()).isEqualTo(1);
    }

    @Test
    void theJudgePanelHidesTheJudgeUntilTheCommentIsLabelledThenShowsItBesideTheLabel(FxRobot robot) {
        robot.type(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.judgePanel().runProperty().get().id()).isEqualTo(7);
        assertThat(headline(robot)).startsWith("Hidden until you submit your label");
        assertThat(robot.lookup("#judgeScores").queryAs(javafx.scene.layout.GridPane.class).getChildren()).isEmpty();
        assertThat(robot.lookup("#judgeRaw").queryAs(javafx.scene.control.TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#judgeCommentScore").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#judgeStatus").queryAs(Label.class).getText()).isEmpty();

        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source.submits.get(0)).allSatisfy(l -> {
            assertThat(l.blind()).isTrue();
            assertThat(l.judgeHidden()).isTrue();
        });
        // Enter moved to comment 2, still hidden; back on comment 1 the judge is revealed.
        assertThat(headline(robot)).startsWith("Hidden until you submit");
        robot.interact(() -> desk.selectCard(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline(robot)).isEqualTo("Judge run 7 (heuristic-v1)");
        Label judge = robot.lookup("#judge-score-TargetDocument_Grounding").queryAs(Label.class);
        assertThat(judge.getText()).isEqualTo("5 (repeats: 5, 2)");
        assertThat(judge.getStyleClass()).contains("score-differs");   // Ann gave 4
        assertThat(robot.lookup("#your-score-TargetDocument_Grounding").queryAs(Label.class).getText()).isEqualTo("4");
        Label reference = robot.lookup("#judge-score-Reference_Consistency").queryAs(Label.class);
        assertThat(reference.getText()).isEqualTo("3");   // Ann gave 3 too
        assertThat(reference.getStyleClass()).doesNotContain("score-differs");
        assertThat(robot.lookup("quotes the clause verbatim").tryQuery()).isPresent();
        assertThat(robot.lookup("#judgeStatus").queryAs(Label.class).getText())
                .contains("repeat 1: answer read correctly (ok)").contains("repeat 2: schema_error [missing_comment]");
        // The aggregate and the raw answer speak of comment 2 as well: not before it is labelled.
        assertThat(robot.lookup("#judgeAggregate").queryAs(Label.class).getText())
                .contains("shown once you have labelled every comment");
        assertThat(robot.lookup("#judgeRawToggle").queryAs(javafx.scene.control.ToggleButton.class).isDisabled())
                .isTrue();

        robot.interact(() -> desk.selectCard(1));
        robot.type(KeyCode.DIGIT2).type(KeyCode.TAB).type(KeyCode.DIGIT2).type(KeyCode.TAB)
                .type(KeyCode.DIGIT2).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#judgeAggregate").queryAs(Label.class).getText()).contains("4.50");
        assertThat(robot.lookup("#judgeRawToggle").queryAs(javafx.scene.control.ToggleButton.class).isDisabled())
                .isFalse();
        assertThat(robot.lookup("#judgeRaw").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("--- repeat 1 ---").contains(FakeSource.RAW);
    }

    @Test
    void aLabelGivenWithBlindOffIsStoredAsNotBlindWithTheRunItSaw(FxRobot robot) {
        robot.interact(() -> desk.blindProperty().set(false));
        robot.type(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline(robot)).isEqualTo("Judge run 7 (heuristic-v1)");   // visible before labelling

        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.submits.get(0)).allSatisfy(l -> {
            assertThat(l.blind()).isFalse();
            assertThat(l.judgeHidden()).isFalse();
            assertThat(l.seen()).isEqualTo("judge run 7");
        });
    }

    @Test
    void anAdjudicationOfADisputedCommentIsRecordedWithItsReason(FxRobot robot) {
        robot.interact(() -> desk.selectCard(1));
        robot.clickOn("Adjudicate");
        WaitForAsyncUtils.waitForFxEvents();
        // Bea labelled comment 2; Ann has not: adjudication shows everything, so it waits
        assertThat(robot.lookup("#adjudicationMessage").queryAs(Label.class).getText())
                .startsWith("Adjudication shows every label");
        assertThat(robot.lookup("#adjudicationGrid").queryAs(javafx.scene.layout.GridPane.class).getChildren()).isEmpty();

        robot.interact(() -> desk.selectCard(1));
        robot.type(KeyCode.DIGIT2).type(KeyCode.TAB).type(KeyCode.DIGIT4).type(KeyCode.TAB)
                .type(KeyCode.DIGIT4).type(KeyCode.ENTER);
        robot.interact(() -> desk.selectCard(1));
        WaitForAsyncUtils.waitForFxEvents();
        AdjudicationViewModel adjudication = desk.adjudication();
        assertThat(adjudication.rows()).extracting(AdjudicationViewModel.Row::disputed)
                .containsExactly(true, false, false);   // Ann 2, Bea 5 on grounding
        assertThat(adjudication.rows().get(0).labels()).isEqualTo("Ann 2, Bea 5");
        assertThat(adjudication.rows().get(0).chosenProperty().get()).isNull();
        assertThat(adjudication.rows().get(1).chosenProperty().get()).isEqualTo("4");   // they agree

        robot.clickOn("#adjudicationRecord");
        assertThat(robot.lookup("#adjudicationMessage").queryAs(Label.class).getText())
                .isEqualTo("Choose the adjudicated score of \u201CAccurate quote, real issue\u201D first.");
        robot.interact(() -> robot.lookup("#adjudicate-TargetDocument_Grounding").queryComboBox().setValue("3"));
        robot.clickOn("#adjudicationReason").write("The quote is exact but the issue is minor.");
        robot.clickOn("#adjudicationRecord");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.adjudications).extracting(a -> a.dimension() + "=" + a.score())
                .containsExactly("TargetDocument_Grounding=3", "Reference_Consistency=4", "Actionability=4");
        assertThat(source.adjudications).allSatisfy(a -> {
            assertThat(a.adjudicator()).isEqualTo("Ann");
            assertThat(a.reason()).isEqualTo("The quote is exact but the issue is minor.");
            assertThat(a.commentPosition()).isEqualTo(1);
        });
        assertThat(adjudication.rows().get(0).current())
                .isEqualTo("3 by Ann: The quote is exact but the issue is minor.");
        assertThat(robot.lookup("Counts now: 3 by Ann: The quote is exact but the issue is minor.").tryQuery())
                .isPresent();
    }

    @Test
    void aMissedIssueIsRecordedFromAPassageSelectedWithTheKeyboard(FxRobot robot) {
        var contract = robot.lookup("#targetDocument").queryAs(org.fxmisc.richtext.StyleClassedTextArea.class);
        robot.interact(() -> {
            contract.requestFocus();
            contract.moveTo(4);   // before "Supplier"
        });
        robot.press(KeyCode.SHIFT);
        for (int i = 0; i < "Supplier".length(); i++) {
            robot.type(KeyCode.RIGHT);
        }
        robot.release(KeyCode.SHIFT);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#missedPassage").queryAs(Label.class).getText()).isEqualTo("\u201CSupplier\u201D");

        robot.clickOn("#missedRecord");
        assertThat(robot.lookup("#missedMessage").queryAs(Label.class).getText())
                .isEqualTo("Say what the model should have raised (the comment is empty).");
        robot.clickOn("#missedComment").write("Who the Supplier is matters for the change-of-control clause.");
        robot.interact(() -> desk.missedIssues().typeProperty().set("termination"));
        robot.interact(() -> desk.missedIssues().severityProperty().set("high"));
        robot.clickOn("#missedRecord");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.issues).singleElement().satisfies(issue -> {
            assertThat(issue.sampleId()).isEqualTo(FakeSource.ENTRY.sampleId());
            assertThat(issue.labeller()).isEqualTo("Ann");
            assertThat(issue.start()).isEqualTo(4);
            assertThat(issue.end()).isEqualTo(12);
            assertThat(issue.passage()).isEqualTo("Supplier");
            assertThat(issue.type()).isEqualTo("termination");
            assertThat(issue.severity()).isEqualTo("high");
        });
        assertThat(desk.missedIssues().lines()).singleElement()
                .satisfies(line -> assertThat(line.text()).contains("not raised by this rollout"));
        assertThat(robot.lookup("#missedRecall").queryAs(Label.class).getText())
                .isEqualTo("This rollout raises 0 of the 1 issues recorded on this sample (recall 0.00).");
    }

    @Test
    void aDisagreementOpenedFromTheDashboardLandsWithItsRunChosen(FxRobot robot) {
        source.runIds = List.of(8L, 7L);   // a newer run 8 appears; the labeller looks at it
        robot.interact(() -> desk.load(source));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> desk.judgePanel().runProperty().set(desk.judgePanel().runs().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.judgePanel().runProperty().get().id()).isEqualTo(8);

        robot.interact(() -> desk.openItem(FakeSource.ENTRY.sampleId(), 0, 1, 7));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.judgePanel().runProperty().get().id()).isEqualTo(7);
        assertThat(desk.selectedProperty().get()).isEqualTo(1);
        assertThat(robot.lookup("#formTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getText()).isEqualTo("Judge (V)");
    }

    @Test
    void everyLevelOfTheFocusedDimensionIsOnViewBesideTheScoresAndTheChosenOneIsHighlighted(FxRobot robot) {
        Dimension grounding = source.rubric.dimensions().get(0);
        assertAllLevelsOnView(robot, grounding);
        assertThat(chosenLines(robot)).isEmpty();

        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosenLines(robot)).containsExactly("level-line-" + grounding.name() + "-3");

        robot.type(KeyCode.TAB);   // the next dimension: its own levels, nothing chosen yet
        WaitForAsyncUtils.waitForFxEvents();
        assertAllLevelsOnView(robot, source.rubric.dimensions().get(1));
        assertThat(chosenLines(robot)).isEmpty();
        robot.type(KeyCode.DIGIT5).type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosenLines(robot)).containsExactly("level-line-" + grounding.name() + "-3");
    }

    @Test
    void dimensionsAreShownByTheirNamesForPeopleWithTheKeyInATooltip(FxRobot robot) {
        Dimension grounding = source.rubric.dimensions().get(0);
        Label name = robot.lookup("#dimension-name-" + grounding.name()).queryAs(Label.class);
        assertThat(name.getText()).isEqualTo("Accurate quote, real issue");
        assertThat(name.getTooltip().getText()).contains("TargetDocument_Grounding").contains(grounding.question());
        assertThat(robot.lookup("#levelQuestion").queryAs(Label.class).getText())
                .isEqualTo(grounding.peopleQuestion()).doesNotContain("text_excerpt");

        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label scoreHeading = robot.lookup("#score-dimension-" + grounding.name()).queryAs(Label.class);
        assertThat(scoreHeading.getText()).isEqualTo("Accurate quote, real issue");
        assertThat(scoreHeading.getTooltip().getText()).contains("TargetDocument_Grounding");
        assertThat(shownText(scoreHeading)).isEqualTo(scoreHeading.getText());
    }

    @Test
    void theCountsSayWhetherTheyCountRolloutsOrComments(FxRobot robot) {
        assertThat(robot.lookup("#queuePosition").queryAs(Label.class).getText())
                .isEqualTo("Rollout 1 of 1 in this queue");
        assertThat(robot.lookup("#rolloutTitle").queryAs(Label.class).getText())
                .isEqualTo("cr-01-agape-odm-supply · rollout 1 · demo-policy-a");
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText())
                .isEqualTo("0 of 2 comments labelled by you");
        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText())
                .startsWith("1 of 2 comments labelled by you");
    }

    @Test
    void noToolbarControlOrNameIsCutAtTheDesksShareOf1280x800(FxRobot robot) {
        List<Labeled> shown = new ArrayList<>();
        for (String box : List.of("#rubricChoice", "#filterChoice", "#sampleChoice")) {
            ComboBox<?> combo = robot.lookup(box).queryAs(ComboBox.class);
            shown.add((Labeled) ((ComboBoxListViewSkin<?>) combo.getSkin()).getDisplayNode());
        }
        shown.add(robot.lookup("#progressLabel").queryAs(Labeled.class));
        shown.add(robot.lookup("#rolloutTitle").queryAs(Labeled.class));
        shown.add(robot.lookup("#queuePosition").queryAs(Labeled.class));
        shown.add(robot.lookup("#blindToggle").queryAs(Labeled.class));
        shown.add(robot.lookup("#levelQuestion").queryAs(Labeled.class));
        for (Dimension d : source.rubric.dimensions()) {
            shown.add(robot.lookup("#dimension-name-" + d.name()).queryAs(Labeled.class));
        }
        assertThat(shown).allSatisfy(labeled -> {
            assertThat(labeled.getText()).isNotBlank();
            assertThat(shownText(labeled)).as(labeled.getText()).isEqualTo(labeled.getText());
        });
        // The rubric by its name; file and version in the tooltip.
        assertThat(shown.get(0).getText()).isEqualTo(source.rubric.name());
        assertThat(shown.get(0).getTooltip().getText()).contains(dev.juror.rubric.CanonicalForm.version(source.rubric));
    }

    private static void assertAllLevelsOnView(FxRobot robot, Dimension dimension) {
        ScrollPane scroll = robot.lookup("#levelScroll").queryAs(ScrollPane.class);
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        Node rows = robot.lookup("#dimensionRows").query();
        Bounds rowBounds = rows.localToScene(rows.getLayoutBounds());
        for (String level : dimension.scale().levelKeys()) {
            Node line = robot.lookup("#level-line-" + dimension.name() + "-" + level).query();
            Bounds b = line.localToScene(line.getLayoutBounds());
            assertThat(b.getMinY()).as("level %s top", level).isGreaterThanOrEqualTo(view.getMinY() - 0.5);
            assertThat(b.getMaxY()).as("level %s bottom", level).isLessThanOrEqualTo(view.getMaxY() + 0.5);
            // Beside the score buttons, not under them.
            assertThat(b.getMinX()).as("level %s left", level).isGreaterThanOrEqualTo(rowBounds.getMaxX());
            Labeled text = (Labeled) line.lookup(".level-text");
            assertThat(shownText(text)).as("level %s text", level).isEqualTo(dimension.level(level));
        }
        assertThat(scroll.getVvalue()).isZero();
        // The note and the submit button beside the rows are not pushed out of the form either.
        Node submit = robot.lookup("#submitButton").query();
        assertThat(submit.localToScene(submit.getLayoutBounds()).getMaxY()).isLessThanOrEqualTo(view.getMaxY() + 0.5);
    }

    private static List<String> chosenLines(FxRobot robot) {
        return robot.lookup("." + LevelSheet.CHOSEN).queryAll().stream().map(Node::getId).toList();
    }

    /** The text a label draws (its skin's Text node): an ellipsis in it means the label is cut. */
    private static String shownText(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : labeled.getText();
    }

    private static String headline(FxRobot robot) {
        return robot.lookup("#judgeHeadline").queryAs(Label.class).getText();
    }

    /** One rollout of one sample, two comments; submits are kept in memory and echoed as stored. */
    private static final class FakeSource implements ReviewSource {

        static final QueueEntry ENTRY = new QueueEntry("cr-01-agape-odm-supply", 11, 0, "demo-policy-a", 2, true);
        static final String RAW = "{\"Comment_Scores\": \"the judge's words\"}";
        private static final String TARGET = "The Supplier shall deliver the Goods within thirty days.";

        final Rubric rubric;
        final List<List<NewLabel>> submits = new CopyOnWriteArrayList<>();
        final List<dev.juror.store.Adjudication> adjudications = new CopyOnWriteArrayList<>();
        final List<dev.juror.store.ExpertIssue> issues = new CopyOnWriteArrayList<>();
        volatile List<Long> runIds = List.of(7L);
        private final List<StoredLabel> stored = new CopyOnWriteArrayList<>();

        /** Bea labelled comment 2 before Ann: grounding 5, the others 4. */
        FakeSource() {
            rubric = ShippedRubric.contractReview();
            for (String dimension : rubric.dimensionNames()) {
                stored.add(new StoredLabel(stored.size() + 1, "bea-" + dimension, "Bea", ENTRY.rolloutId(), 1, "c2",
                        dimension, dimension.equals("TargetDocument_Grounding") ? "5" : "4", "", 9, "v", true, false,
                        Instant.EPOCH, "desk"));
            }
        }

        @Override
        public List<dev.juror.store.ExpertIssue> expertIssues(String sampleId) {
            return issues.stream().filter(i -> i.sampleId().equals(sampleId)).toList();
        }

        @Override
        public dev.juror.store.ExpertIssue recordIssue(dev.juror.store.ExpertIssue issue) {
            var stored = new dev.juror.store.ExpertIssue(issues.size() + 1, "i", issue.sampleId(), issue.labeller(),
                    issue.start(), issue.end(), issue.passage(), issue.comment(), issue.type(), issue.severity(),
                    Instant.EPOCH);
            issues.add(stored);
            return stored;
        }

        @Override
        public List<dev.juror.store.Adjudication> adjudications() {
            return List.copyOf(adjudications);
        }

        @Override
        public List<dev.juror.store.Adjudication> adjudicate(List<dev.juror.store.Adjudication> given) {
            List<dev.juror.store.Adjudication> now = given.stream().map(a -> new dev.juror.store.Adjudication(
                    adjudications.size() + 1, "adj", a.adjudicator(), a.rolloutId(), a.commentPosition(),
                    a.commentId(), a.dimension(), a.score(), a.reason(), a.rubricVersion(), Instant.EPOCH)).toList();
            adjudications.addAll(now);
            return now;
        }

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(rubric);
        }

        @Override
        public List<QueueEntry> queue() {
            return List.of(ENTRY);
        }

        @Override
        public List<StoredLabel> latestLabels() {
            return List.copyOf(stored);
        }

        @Override
        public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
            List<StoredComment> comments = List.of(
                    new StoredComment(1, entry.rolloutId(), 0, "c1", "within thirty days", "Say which days count.",
                            "clarity", "Write \"thirty calendar days\"."),
                    new StoredComment(2, entry.rolloutId(), 1, "c2", "the Goods", "Define the Goods.", "definition",
                            "Refer to Schedule 1."));
            StoredRollout rollout = new StoredRollout(entry.rolloutId(), entry.sampleId(), 0, "{}", "hash", null,
                    entry.model(), Map.of(), Instant.EPOCH, comments);
            List<ReviewItem> items = new ArrayList<>();
            for (StoredComment c : comments) {
                items.add(new ReviewItem(c.position(), c.commentId(), c.textExcerpt(), c.comment(), c.commentType(),
                        c.recommendedAction(), null));
            }
            return new OpenedRollout(entry, TARGET, "", rollout, items);
        }

        @Override
        public List<StoredLabel> submit(List<NewLabel> labels) {
            submits.add(List.copyOf(labels));
            List<StoredLabel> now = labels.stream().map(l -> new StoredLabel(stored.size() + 1, "uid-" + l.dimension(),
                    l.labeller(), l.rolloutId(), l.commentPosition(), l.commentId(), l.dimension(), l.score(),
                    l.note(), l.secondsSpent(), l.rubricVersion(), l.judgeHidden(), l.flagged(), Instant.EPOCH,
                    "desk", null, null, l.blind(), l.seen())).toList();
            stored.addAll(now);
            return now;
        }

        /** Judge run 7, two repeats: on comment 1 grounding 5 then 2, reference 3; everything else 4. */
        @Override
        public List<dev.juror.store.StoredJudgeRun> judgeRuns(String rubricName) {
            return runIds.stream().map(id -> run(id, rubricName)).toList();
        }

        private dev.juror.store.StoredJudgeRun run(long id, String rubricName) {
            return new dev.juror.store.StoredJudgeRun(id, rubricName, "v", "", "heuristic", "heuristic-v1",
                    "{}", 2, "all", List.of(ENTRY.rolloutId()), Instant.EPOCH, dev.juror.store.JudgeRunStatus.FINISHED,
                    java.util.Optional.of(Instant.EPOCH), Map.of("ok", 2), new long[4], 900, 0, List.of(),
                    dev.juror.judge.run.FailureThreshold.NONE, java.util.Optional.empty());
        }

        @Override
        public List<dev.juror.store.JudgeScoreRow> judgeScores(long runId) {
            List<dev.juror.store.JudgeScoreRow> rows = new ArrayList<>();
            for (int repeat = 0; repeat < 2; repeat++) {
                for (var d : details(repeat)) {
                    rows.add(new dev.juror.store.JudgeScoreRow(ENTRY.rolloutId(), d.commentPosition(), d.commentId(),
                            d.dimension(), repeat, d.score()));
                }
            }
            return rows;
        }

        private List<dev.juror.store.JudgeScoreDetail> details(int repeat) {
            List<dev.juror.store.JudgeScoreDetail> details = new ArrayList<>();
            List<String> dimensions = rubric.dimensionNames();
            for (int position = 0; position < 2; position++) {
                for (String dimension : dimensions) {
                    double score = position == 0 && dimension.equals("TargetDocument_Grounding") ? (repeat == 0 ? 5 : 2)
                            : position == 0 && dimension.equals("Reference_Consistency") ? 3 : 4;
                    details.add(new dev.juror.store.JudgeScoreDetail(position, "c" + (position + 1), dimension, score,
                            "", position == 0 && dimension.equals("TargetDocument_Grounding") && repeat == 0
                            ? "quotes the clause verbatim" : ""));
                }
            }
            return details;
        }

        @Override
        public java.util.Optional<dev.juror.workspace.judging.JudgeOutputs.RolloutJudgement> judgement(long runId,
                                                                                                      long rolloutId) {
            var run = run(runId, rubric.name());
            List<dev.juror.workspace.judging.JudgeOutputs.Repeat> repeats = new ArrayList<>();
            for (int repeat = 0; repeat < 2; repeat++) {
                boolean ok = repeat == 0;
                repeats.add(new dev.juror.workspace.judging.JudgeOutputs.Repeat(new dev.juror.store.JudgeResultRow(
                        70 + repeat, 7, rolloutId, java.util.OptionalLong.empty(), repeat, ok ? "ok" : "schema_error",
                        "heuristic-v1", RAW, ok ? "" : "no entry for comment c3", ok ? "" : "missing_comment", 450, 1,
                        0, 0, 0, 0, ok ? java.util.OptionalDouble.of(4.5) : java.util.OptionalDouble.empty(), false,
                        Instant.EPOCH), details(repeat)));
            }
            return java.util.Optional.of(new dev.juror.workspace.judging.JudgeOutputs.RolloutJudgement(run, repeats));
        }
    }
}
