package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.ShippedRubric;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.dataset.Location;
import dev.juror.dataset.MatchStatus;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk alone over a rollout whose reference is a Markdown playbook: it is rendered, a comment's
 * "§1.3" is a link that scrolls the reference to clause 1.3, the "Go to section" list (G) does the
 * same by keyboard, and an excerpt found in the reference is shaded on the rendered words.
 */
@ExtendWith(ApplicationExtension.class)
class ReferenceReadingTest {

    private static final QueueEntry ENTRY = new QueueEntry("s-1", 7, 0, "policy", 2, true);
    private static final String QUOTED = "must not assign";
    private static final String OTHER_QUOTE = "Hand-written for this";
    private static final String PLAYBOOK = playbook();

    private ReviewDeskViewModel desk;

    @Start
    void start(Stage stage) {
        InlineBackgroundTasks tasks = new InlineBackgroundTasks();
        desk = new ReviewDeskViewModel(tasks, () -> "Ann", Clock.systemUTC());
        Parent root = ViewLoader.load(new ReviewDeskView(desk, tasks), "ReviewDeskView.fxml");
        Scene scene = new Scene(root, 1280, 760);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        desk.load(new PlaybookSource());
        root.requestFocus();
    }

    @Test
    void theMarkdownReferenceIsRenderedWithItsSections(FxRobot robot) {
        String shown = reference(robot).getText();

        assertThat(shown).startsWith("Playbook\n").doesNotContain("**", "## ").contains("4.2 Red flag: assignment");
        assertThat(outline(robot).getItems()).extracting(s -> s.number()).contains("1", "4", "4.2");
    }

    @Test
    void aClickOnACitedSectionScrollsTheReferenceToIt(FxRobot robot) {
        StyleClassedTextArea reference = reference(robot);
        int clause = paragraphStarting(reference, "1.3 ");
        // The comment's excerpt is in clause 4.2: the reference opens there, 1.3 is out of view.
        assertThat(isVisible(reference, clause)).as("clause 1.3 starts out of view").isFalse();

        Hyperlink link = robot.lookup(".citation-link").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("\u00A71.3");
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(reference.getCurrentParagraph()).isEqualTo(clause);
        assertThat(isVisible(reference, clause)).isTrue();
        assertThat(reference.getParagraph(clause).getParagraphStyle()).contains(DocumentPane.TARGET);
    }

    @Test
    void goToSectionWorksFromTheKeyboard(FxRobot robot) {
        StyleClassedTextArea reference = reference(robot);
        int heading = paragraphStarting(reference, "6. Disputes");

        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outline(robot).isFocused()).isTrue();
        int index = outline(robot).getItems().stream().map(s -> s.number()).toList().indexOf("6");
        for (int i = 0; i <= index; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(reference.getCurrentParagraph()).isEqualTo(heading);
        assertThat(isVisible(reference, heading)).isTrue();
        assertThat(outline(robot).getValue().number()).isEqualTo("6");
        // The keys are back with the labelling panel (digits score, not type into the list).
        assertThat(robot.lookup("#labelPanel").query().isFocused()).isTrue();
    }

    @Test
    void excerptsFoundInTheReferenceAreShadedOnTheRenderedWords(FxRobot robot) {
        StyleClassedTextArea reference = reference(robot);
        // The selected comment's excerpt is highlighted, the other one shaded, each on its words only.
        assertStyledExactly(reference, QUOTED, DocumentPane.SELECTED);
        assertStyledExactly(reference, OTHER_QUOTE, DocumentPane.EXCERPT);
    }

    private static void assertStyledExactly(StyleClassedTextArea area, String words, String style) {
        int start = area.getText().indexOf(words);
        for (int i = start; i < start + words.length(); i++) {
            assertThat(area.getStyleOfChar(i)).as("%s at %d", style, i).contains(style);
        }
        assertThat(area.getStyleOfChar(start - 1)).doesNotContain(style);
        assertThat(area.getStyleOfChar(start + words.length())).doesNotContain(style);
    }

    private static StyleClassedTextArea reference(FxRobot robot) {
        return robot.lookup("#referenceDocument").queryAs(StyleClassedTextArea.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<dev.juror.app.review.markdown.DocumentSection> outline(FxRobot robot) {
        return robot.lookup("#referenceOutline").queryAs(ComboBox.class);
    }

    private static int paragraphStarting(StyleClassedTextArea area, String start) {
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            if (area.getText(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph starts with " + start);
    }

    private static boolean isVisible(StyleClassedTextArea area, int paragraph) {
        int first = area.firstVisibleParToAllParIndex();
        int last = area.lastVisibleParToAllParIndex();
        return paragraph >= first && paragraph <= last;
    }

    private static String playbook() {
        StringBuilder text = new StringBuilder("# Playbook\n\n> **Hand-written** for this test.\n");
        for (int section = 1; section <= 6; section++) {
            text.append("\n## ").append(section).append(section == 6 ? ". Disputes" : ". Topic " + section).append('\n');
            for (int clause = 1; clause <= 4; clause++) {
                text.append(section).append('.').append(clause).append(' ');
                if (section == 4 && clause == 2) {
                    text.append("**Red flag:** assignment without consent; the Supplier ").append("**must not** assign")
                            .append(" this agreement\nto a competitor.\n");
                } else {
                    text.append("A rule that is long enough to wrap over more than one line in a narrow pane,\n"
                            + "written the way playbooks are written, with a hard line break inside it.\n");
                }
            }
        }
        return text.toString();
    }

    /** One rollout: a comment citing §1.3 and quoting the reference (clause 4.2), one quoting its opening note. */
    private static final class PlaybookSource implements NoJudgeSource {

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(ShippedRubric.contractReview());
        }

        @Override
        public List<QueueEntry> queue() {
            return List.of(ENTRY);
        }

        @Override
        public List<StoredLabel> latestLabels() {
            return List.of();
        }

        @Override
        public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
            String excerpt = "**must not** assign";
            StoredComment comment = new StoredComment(1, entry.rolloutId(), 0, "c1", excerpt,
                    "The clause allows assignment to anyone; the playbook forbids it (\u00A71.3).", "red_flag", "");
            String otherExcerpt = "**Hand-written** for this";
            StoredComment other = new StoredComment(2, entry.rolloutId(), 1, "c2", otherExcerpt, "Quotes the playbook.",
                    "other", "");
            StoredRollout rollout = new StoredRollout(entry.rolloutId(), entry.sampleId(), 0, "{}", "hash", null,
                    entry.model(), Map.of(), Instant.EPOCH, List.of(comment, other));
            ReviewItem item = new ReviewItem(0, "c1", excerpt, comment.comment(), "red_flag", "", inReference(excerpt));
            ReviewItem second = new ReviewItem(1, "c2", otherExcerpt, other.comment(), "other", "",
                    inReference(otherExcerpt));
            return new OpenedRollout(entry, "The Supplier may assign this agreement.", PLAYBOOK, rollout,
                    List.of(item, second));
        }

        /** Where the excerpt locator puts a quote of the reference: raw offsets, Markdown markers included. */
        private static Location inReference(String excerpt) {
            int start = PLAYBOOK.indexOf(excerpt);
            return new Location(MatchStatus.IN_REFERENCE, start, start + excerpt.length(), 1.0, "");
        }

        @Override
        public List<StoredLabel> submit(List<NewLabel> labels) {
            return List.of();
        }

    }
}
