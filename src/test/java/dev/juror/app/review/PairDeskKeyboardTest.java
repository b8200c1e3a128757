package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.ShippedRubric;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.NewLabel;
import dev.juror.store.NewPreference;
import dev.juror.store.ShownOrder;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredPreference;
import dev.juror.store.StoredRollout;
import dev.juror.workspace.Preferences.PairToLabel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pairwise desk inside the review desk, over a fake source: choosing the pairwise rubric in the
 * Rubric box shows two responses side by side; a full preference given by keyboard (A / B / T per
 * dimension, Tab and Up to move, Enter) is one submit in the pair's stored naming with the order
 * shown; the judge's verdict and the other labeller's preference appear only after it.
 */
@ExtendWith(ApplicationExtension.class)
class PairDeskKeyboardTest {

    private final FakeSource source = new FakeSource();
    private ReviewDeskViewModel desk;

    @Start
    void start(Stage stage) {
        InlineBackgroundTasks tasks = new InlineBackgroundTasks();
        desk = new ReviewDeskViewModel(tasks, () -> "Ann", Clock.systemUTC());
        Parent root = ViewLoader.load(new ReviewDeskView(desk, tasks), "ReviewDeskView.fxml");
        Scene scene = new Scene(root, 1280, 800);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        desk.load(source);
        root.requestFocus();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFullPreferenceByKeyboardIsOneSubmitAndRevealsTheOthersAfterIt(FxRobot robot) {
        ComboBox<RubricChoice> box = robot.lookup("#rubricChoice").queryAs(ComboBox.class);
        RubricChoice pairwise = box.getItems().stream().filter(c -> c.rubric().name().equals("pairwise-preference"))
                .findFirst().orElseThrow();
        robot.interact(() -> box.setValue(pairwise));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#pairDesk").tryQuery()).isPresent();
        ShownPair shown = desk.pairDesk().currentProperty().get();
        assertThat(shown).isNotNull();
        String leftText = robot.lookup("#pairLeft").queryAs(Label.class).getText();
        assertThat(leftText).contains(shown.left() == source.first ? "Say which days count." : "Define the Goods.");
        assertThat(robot.lookup("#pairRevealed").queryAs(Label.class).getText()).isEmpty();   // blind

        // A (Grounding), B (Coverage), Tab skips Justification, T (Actionability), Up, A (Justification), Enter
        robot.type(KeyCode.A).type(KeyCode.B).type(KeyCode.TAB).type(KeyCode.T).type(KeyCode.UP).type(KeyCode.A)
                .type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.submits).hasSize(1);
        List<NewPreference> sent = source.submits.get(0);
        assertThat(sent).extracting(NewPreference::dimension)
                .containsExactly("Grounding", "Coverage", "Justification", "Actionability");
        List<Preference> seen = List.of(Preference.A, Preference.B, Preference.A, Preference.TIE);
        for (int i = 0; i < seen.size(); i++) {
            Preference stored = sent.get(i).preference();
            // stored in the pair's naming: with the sides swapped on screen, A and B swap back
            assertThat(stored).isEqualTo(shown.order() == ShownOrder.AB ? seen.get(i) : swap(seen.get(i)));
        }
        assertThat(sent).allSatisfy(p -> {
            assertThat(p.labeller()).isEqualTo("Ann");
            assertThat(p.rolloutAId()).isEqualTo(source.first.id());
            assertThat(p.rolloutBId()).isEqualTo(source.second.id());
            assertThat(p.shown()).isEqualTo(shown.order());
            assertThat(p.blind()).isTrue();
            assertThat(p.judgeHidden()).isTrue();
        });
        String revealed = robot.lookup("#pairRevealed").queryAs(Label.class).getText();
        assertThat(revealed).contains("Judge: Grounding").contains("Bea: ");
        assertThat(revealed).contains("Grounding " + (shown.order() == ShownOrder.AB ? "A (left)" : "B (right)"));
        assertThat(robot.lookup("#pairMessage").queryAs(Label.class).getText()).startsWith("Saved");
        assertThat(robot.lookup("#blindToggle").query().isVisible()).isFalse();   // pointwise tools hidden

        RubricChoice pointwise = box.getItems().get(0);
        robot.interact(() -> box.setValue(pointwise));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pairDesk").tryQuery()).isEmpty();
        assertThat(robot.lookup("#commentList").tryQuery()).isPresent();
        assertThat(robot.lookup("#blindToggle").query().isVisible()).isTrue();
        assertThat(desk.rubricProperty().get()).isEqualTo(pointwise);
    }

    private static Preference swap(Preference p) {
        return p == Preference.A ? Preference.B : p == Preference.B ? Preference.A : p;
    }

    /** One sample with two rollouts; Bea compared them before Ann; a judge run prefers the first. */
    static final class FakeSource implements NoJudgeSource, PairSource {

        final Rubric pointwise = ShippedRubric.contractReview();
        final Rubric pairwiseRubric;
        final StoredRollout first = rollout(21, 0, "Say which days count.");
        final StoredRollout second = rollout(22, 1, "Define the Goods.");
        final PairToLabel pair = new PairToLabel("cr-01", 21, 0, 22, 1);
        final List<List<NewPreference>> submits = new CopyOnWriteArrayList<>();
        private final List<StoredPreference> stored = new CopyOnWriteArrayList<>();

        FakeSource() {
            try {
                pairwiseRubric = new RubricYaml().read(Path.of("rubrics", "pairwise-preference.yaml"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (String d : pairwiseRubric.dimensionNames()) {
                stored.add(new StoredPreference(stored.size() + 1, "bea-" + d, "Bea", 21, 22, ShownOrder.BA, d,
                        Preference.B, "", 5, "v", true, true, "", Instant.EPOCH, "desk", null, null));
            }
        }

        private static StoredRollout rollout(long id, int index, String comment) {
            return new StoredRollout(id, "cr-01", index, "{}", "hash" + id, null, "m", Map.of(), Instant.EPOCH,
                    List.of(new StoredComment(id, id, 0, "c1", "within thirty days", comment, "clarity", "")));
        }

        @Override
        public WorkspaceRubrics.RubricList pairwiseRubrics() {
            return new WorkspaceRubrics.RubricList(List.of(new RubricChoice("pairwise-preference.yaml", pairwiseRubric,
                    CanonicalForm.version(pairwiseRubric))), List.of());
        }

        @Override
        public List<PairToLabel> pairs(String rubricName) {
            return List.of(pair);
        }

        @Override
        public List<StoredRollout> openPair(PairToLabel p) {
            return List.of(first, second);
        }

        @Override
        public List<StoredPreference> latestPreferences() {
            return List.copyOf(stored);
        }

        @Override
        public List<StoredPreference> submitPreferences(List<NewPreference> preferences) {
            submits.add(List.copyOf(preferences));
            List<StoredPreference> now = new ArrayList<>();
            for (NewPreference p : preferences) {
                now.add(new StoredPreference(stored.size() + now.size() + 1, "ann-" + p.dimension(), p.labeller(),
                        p.rolloutAId(), p.rolloutBId(), p.shown(), p.dimension(), p.preference(), p.note(),
                        p.secondsSpent(), p.rubricVersion(), p.judgeHidden(), p.blind(), p.seen(), Instant.EPOCH,
                        "desk", null, null));
            }
            stored.addAll(now);
            return now;
        }

        @Override
        public Map<String, Preference> judgeVerdicts(String rubricName, PairToLabel p) {
            Map<String, Preference> m = new java.util.LinkedHashMap<>();
            pairwiseRubric.dimensionNames().forEach(d -> m.put(d, Preference.A));
            return m;
        }

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(pointwise);
        }

        @Override
        public List<QueueEntry> queue() {
            return List.of();
        }

        @Override
        public List<StoredLabel> latestLabels() {
            return List.of();
        }

        @Override
        public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
            throw new IllegalStateException("no pointwise rollout here");
        }

        @Override
        public List<StoredLabel> submit(List<NewLabel> labels) {
            return List.of();
        }

    }
}
