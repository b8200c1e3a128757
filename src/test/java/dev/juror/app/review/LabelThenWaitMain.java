package dev.juror.app.review;

import dev.juror.app.AppOptions;
import dev.juror.app.Workbench;
import dev.juror.app.shell.FxDialogs;
import dev.juror.app.tasks.FxBackgroundTasks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Child process of {@link LabelSurvivesKillTest}: starts the real workbench (real background
 * threads, real store), gives one full label through the review desk's view model as the keys
 * would, prints {@value #MARKER} once the submit has returned, and then waits to be killed.
 *
 * <p>Arguments: workspace folder, settings file.
 */
public final class LabelThenWaitMain {

    static final String MARKER = "LABEL-SUBMITTED";

    private LabelThenWaitMain() {
    }

    public static void main(String[] args) throws Exception {
        AppOptions options = new AppOptions(Optional.of(Path.of(args[0])), Path.of(args[1]));
        Platform.startup(() -> {
            Workbench workbench = new Workbench(options, new FxBackgroundTasks(2), new FxDialogs());
            workbench.start(new Stage());
            ReviewDeskViewModel desk = workbench.review();
            desk.messageProperty().addListener((obs, old, now) -> {
                if (now.startsWith("Saved ")) {
                    System.out.println(MARKER);
                    System.out.flush();
                }
            });
            AtomicBoolean labelled = new AtomicBoolean();
            desk.rows().addListener((ListChangeListener<DimensionRow>) change -> {
                if (!desk.rows().isEmpty() && labelled.compareAndSet(false, true)) {
                    Platform.runLater(() -> label(desk)); // once the desk has finished selecting the comment
                }
            });
        });
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void label(ReviewDeskViewModel desk) {
        OpenedRollout open = desk.currentProperty().get();
        System.out.println("ITEM " + open.rollout().id() + " " + open.items().get(desk.selectedProperty().get()).position());
        // The same commands the digit, Tab and Enter keys give.
        for (int i = 0; i < desk.rows().size(); i++) {
            desk.typeDigit(i + 2);
            desk.moveFocus(1);
        }
        desk.submit();
    }
}
