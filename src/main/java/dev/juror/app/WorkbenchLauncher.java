package dev.juror.app;

import javafx.application.Application;

/** Starts the JavaFX workbench. A separate class keeps {@link dev.juror.Main} free of JavaFX. */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(JurorApp.class, args);
    }
}
