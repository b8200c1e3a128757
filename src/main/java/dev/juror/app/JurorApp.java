package dev.juror.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workbench application. Until the screens land this shows a placeholder window. */
public final class JurorApp extends Application {

    @Override
    public void start(Stage stage) {
        Label label = new Label("Juror workbench: screens arrive with the workbench issue.\n"
                + "Use the command line meanwhile: java -jar target/juror.jar --help");
        stage.setTitle("Juror");
        stage.setScene(new Scene(new StackPane(label), 720, 420));
        stage.show();
    }
}
