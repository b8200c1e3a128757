package dev.juror.app;

import dev.juror.app.review.ReviewData;
import dev.juror.app.review.QueueEntry;
import dev.juror.app.shell.FxDialogs;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;

/**
 * Not a test: puts the workbench into the state shown in docs/screenshots (run under Xvfb, then
 * capture the screen). Arguments: workspace, settings file, "review", "review-playbook" (the same, then the
 * selected card's first playbook citation followed), "review-judge" / "review-adjudicate" (a heuristic judge
 * run stored, then the second comment's judge or adjudication tab), "review-queue" / "review-queue-dialog" (a
 * stratified review queue stored and chosen; the New queue dialog open), "shell" or "screenN" (the screen of Ctrl+N).
 * For "review" it first stores labels by two labellers so blind mode has something to reveal.
 */
public final class ScreenshotDriver {

    private ScreenshotDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path workspaceDir = Path.of(args[0]);
        String scene = args[2];
        if (scene.startsWith("review")) {
            try (Workspace workspace = SeededWorkspace.open(workspaceDir)) {
                ReviewData data = new ReviewData(workspace);
                var rubric = data.rubrics().rubrics().get(0);
                QueueEntry first = data.queue().get(0);
                LabelRepository labels = new LabelRepository(workspace);
                List<String> dimensions = rubric.rubric().dimensionNames();
                int[][] bea = {{5, 4, 4}, {4, 2, 3}, {3, 3, 2}};
                int[][] ann = {{5, 4, 4}, {4, 4, 3}};
                for (int c = 0; c < bea.length; c++) {
                    int comment = c;
                    labels.submit(dimensions.stream().map(d -> new NewLabel("Bea", first.rolloutId(), comment, "c"
                            + (comment + 1), d, Integer.toString(bea[comment][dimensions.indexOf(d)]), "", 40,
                            rubric.version(), true, false)).toList());
                }
                for (int c = 0; c < ann.length; c++) {
                    int comment = c;
                    labels.submit(dimensions.stream().map(d -> new NewLabel("Ann", first.rolloutId(), comment, "c"
                            + (comment + 1), d, Integer.toString(ann[comment][dimensions.indexOf(d)]), "", 55,
                            rubric.version(), true, comment == 1)).toList());
                }
                if (scene.equals("review-pairwise")) {
                    // Bea compared the first pair before: revealed to Ann once she has given her own preference
                    var pair = new dev.juror.workspace.Preferences(workspace).pairs("pairwise-preference").get(0);
                    dev.juror.store.Repositories.of(workspace).preferences().submit(List.of("Grounding", "Coverage",
                            "Justification", "Actionability").stream().map(d -> new dev.juror.store.NewPreference("Bea",
                            pair.first(), pair.second(), dev.juror.store.ShownOrder.BA, d, d.equals("Coverage")
                            ? dev.juror.rubric.Preference.TIE : dev.juror.rubric.Preference.A, "", 80, "v", true, ""))
                            .toList());
                }
                if (scene.startsWith("review-queue")) {
                    // a stratified review queue over a heuristic judge run, for Ann and Bea, each rollout to both
                    long run = dev.juror.testing.HeuristicRuns.finished(workspace,
                            workspaceDir.resolve("rubrics").resolve(rubric.fileName()), 1);
                    new dev.juror.workspace.queues.ReviewQueues(workspace).create(new dev.juror.workspace.queues
                            .QueueRequest("week 49", dev.juror.workspace.queues.QueueStrategy.STRATIFIED,
                            java.util.OptionalLong.of(run), 12, 2, List.of("Ann", "Bea"), java.util.OptionalLong.of(49),
                            "", "", "carol"));
                }
                if (scene.equals("review-judge") || scene.equals("review-adjudicate")) {
                    // a heuristic judge run (Juror's offline judge, not a model) for the judge panel to show
                    dev.juror.testing.HeuristicRuns.finished(workspace,
                            workspaceDir.resolve("rubrics").resolve(rubric.fileName()), 1);
                }
            }
        }
        AppOptions options = new AppOptions(Optional.of(workspaceDir), Path.of(args[1]));
        Platform.startup(() -> {
            Stage stage = new Stage();
            Workbench workbench = new Workbench(options, new FxBackgroundTasks(2), new FxDialogs());
            workbench.start(stage);
            stage.setX(0);
            stage.setY(0);
            if (scene.equals("shell")) {
                stage.getScene().getAccelerators().get(new KeyCodeCombination(KeyCode.DIGIT4,
                        KeyCodeCombination.SHORTCUT_DOWN)).run();
                stage.getScene().getAccelerators().get(new KeyCodeCombination(KeyCode.F1)).run();
                javafx.stage.Window.getWindows().stream().filter(w -> w != stage).forEach(sheet -> {
                    sheet.setX(stage.getWidth() - sheet.getWidth() - 24);
                    sheet.setY(stage.getHeight() - sheet.getHeight() - 48);
                });
            } else if (scene.matches("screen[1-6]")) {
                // "screen5": the screen of Ctrl+5 (regression), "screen6" export, and so on.
                KeyCode digit = KeyCode.valueOf("DIGIT" + scene.charAt(scene.length() - 1));
                stage.getScene().getAccelerators().get(new KeyCodeCombination(digit,
                        KeyCodeCombination.SHORTCUT_DOWN)).run();
                // -Dshot.provider=bedrock shows the regression screen with a live judge's fields.
                String provider = System.getProperty("shot.provider", "");
                if (!provider.isEmpty()) {
                    Platform.runLater(() -> {
                        @SuppressWarnings("unchecked")
                        javafx.scene.control.ComboBox<Object> choice = (javafx.scene.control.ComboBox<Object>)
                                stage.getScene().lookup("#providerChoice");
                        choice.getItems().stream().filter(p -> p.toString().toLowerCase().contains(provider))
                                .findFirst().ifPresent(choice::setValue);
                    });
                }
                // -Dshot.exportStep=3 walks the export screen to its budget step (exporting UNVALIDATED).
                if (Integer.getInteger("shot.exportStep", 1) == 3) {
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
                    later.setOnFinished(event -> {
                        var next = (javafx.scene.control.Button) stage.getScene().lookup("#nextButton");
                        next.fire();
                        var gate = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
                        gate.setOnFinished(shown -> {
                            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#overrideCheck")).setSelected(true);
                            next.fire();
                        });
                        gate.play();
                    });
                    later.play();
                }
            } else {
                var review = workbench.review();
                review.filterProperty().set(dev.juror.app.review.QueueFilter.ALL);
                // -Dshot.blind=false shows the others' scores on the cards (their column headings).
                review.blindProperty().set(!"false".equals(System.getProperty("shot.blind")));
                // "review-queue": the stored queue chosen in the Queue box; "review-queue-dialog": New queue... open.
                if (scene.startsWith("review-queue")) {
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
                    later.setOnFinished(event -> Platform.runLater(() -> {
                        var queues = review.queueChoices();
                        queues.choices().stream().filter(c -> c.toString().equals("Queue: week 49")).findFirst()
                                .ifPresent(queues.choiceProperty()::set);
                        if (scene.equals("review-queue-dialog")) {
                            queues.choiceProperty().set(queues.choices().get(queues.choices().size() - 1));
                        } else {
                            ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#filterChoice")).show();
                        }
                    }));
                    later.play();
                }
                // Show the second comment: labelled by both, so blind mode has revealed a disagreement.
                review.cards().addListener((javafx.collections.ListChangeListener<Object>) change -> {
                    if (review.cards().size() > 1 && review.selectedProperty().get() != 1) {
                        Platform.runLater(() -> {
                            review.selectCard(1);
                            review.typeDigit(4); // a chosen score, so the level sheet shows its highlight
                        });
                    }
                });
                // "review-missed": a passage of the contract selected and a missed issue being written.
                if (scene.equals("review-missed")) {
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
                    later.setOnFinished(event -> {
                        var contract = (org.fxmisc.richtext.StyleClassedTextArea) stage.getScene()
                                .lookup("#targetDocument");
                        String text = contract.getText();
                        int at = Math.max(0, text.indexOf("Either parties"));
                        int end = text.indexOf("manner", at) < 0 ? Math.min(text.length(), at + 150)
                                : text.indexOf("manner", at) + "manner".length();
                        contract.selectRange(at, end);
                        review.missedIssues().takeSelection(at, end);
                        review.missedIssues().commentProperty().set("A transfer of voting stock also ends the"
                                + " agreement: the distributor's own restructuring is at risk.");
                        review.missedIssues().typeProperty().set("termination");
                        review.missedIssues().severityProperty().set("high");
                        ((javafx.scene.control.TabPane) stage.getScene().lookup("#formTabs")).getSelectionModel()
                                .select(3);
                    });
                    later.play();
                }
                // "review-judge" / "review-adjudicate": the second comment's judge or adjudication tab.
                if (scene.equals("review-judge") || scene.equals("review-adjudicate")) {
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
                    later.setOnFinished(event -> ((javafx.scene.control.TabPane) stage.getScene().lookup("#formTabs"))
                            .getSelectionModel().select(scene.equals("review-judge") ? 1 : 2));
                    later.play();
                }
                // "review-pairwise": the pairwise rubric chosen, Ann's preference given by keys and submitted.
                if (scene.equals("review-pairwise")) {
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
                    later.setOnFinished(event -> {
                        @SuppressWarnings("unchecked")
                        var box = (javafx.scene.control.ComboBox<dev.juror.app.workspace.RubricChoice>)
                                stage.getScene().lookup("#rubricChoice");
                        box.getItems().stream().filter(c -> c.rubric().name().equals("pairwise-preference"))
                                .findFirst().ifPresent(box::setValue);
                        var keys = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
                        keys.setOnFinished(typed -> List.of("A", "B", "A", "T", "ENTER")
                                .forEach(key -> review.pairDesk().key(key)));
                        keys.play();
                    });
                    later.play();
                }
                // "review-playbook": then follow the card's first citation of the playbook (§1.4).
                if (scene.equals("review-playbook")) {
                    stage.getScene().getRoot().lookupAll(".prediction-split").forEach(split ->
                            ((javafx.scene.control.SplitPane) split).setDividerPositions(0.6));
                    var later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6));
                    later.setOnFinished(event -> stage.getScene().getRoot().lookupAll(".citation-link").stream()
                            .filter(link -> link.getParent().getParent().getStyleClass().contains("comment-card-selected"))
                            .findFirst().ifPresent(link -> ((javafx.scene.control.Hyperlink) link).fire()));
                    if (Boolean.getBoolean("shot.outline")) {
                        later.setOnFinished(event -> ((javafx.scene.control.ComboBox<?>) stage.getScene()
                                .lookup("#referenceOutline")).show());
                    }
                    later.play();
                }
            }
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
