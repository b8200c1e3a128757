package dev.juror.app;

import dev.juror.app.shell.FxDialogs;
import dev.juror.app.tasks.FxBackgroundTasks;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the {@link Workbench} with the production task runner and dialogs. */
public final class JurorApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(JurorApp.class);
    private static final int BACKGROUND_THREADS = 3;

    private FxBackgroundTasks tasks;
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.error("Uncaught exception on {}", thread.getName(), error));
        tasks = new FxBackgroundTasks(BACKGROUND_THREADS);
        workbench = new Workbench(AppOptions.from(getParameters().getRaw()), tasks, new FxDialogs());
        workbench.start(stage);
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.rememberLayout();
        }
        if (tasks != null) {
            tasks.close(); // lets a label being written finish
        }
        if (workbench != null) {
            workbench.close();
        }
        Platform.exit();
    }
}
