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
 * capture the screen). Arguments: workspace, settings file, "review", "shell" or "screenN" (the screen of Ctrl+N).
 * For "review" it first stores labels by two labellers so blind mode has something to reveal.
 */
public final class ScreenshotDriver {

    private ScreenshotDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path workspaceDir = Path.of(args[0]);
        String scene = args[2];
        if (scene.equals("review")) {
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
                // Show the second comment: labelled by both, so blind mode has revealed a disagreement.
                review.cards().addListener((javafx.collections.ListChangeListener<Object>) change -> {
                    if (review.cards().size() > 1 && review.selectedProperty().get() != 1) {
                        Platform.runLater(() -> {
                            review.selectCard(1);
                            review.typeDigit(4); // a chosen score, so the level sheet shows its highlight
                        });
                    }
                });
            }
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
