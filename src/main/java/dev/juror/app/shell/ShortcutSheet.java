package dev.juror.app.shell;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The keyboard shortcut sheet (F1): a small window listing {@link Shortcut#all()}. Esc or F1 closes it. */
final class ShortcutSheet {

    private ShortcutSheet() {
    }

    static Stage show(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcutSheet");
        grid.getStyleClass().add("shortcut-sheet");
        int row = 0;
        String group = "";
        for (Shortcut shortcut : Shortcut.all()) {
            if (!shortcut.where().equals(group)) {
                group = shortcut.where();
                Label heading = new Label(group);
                heading.getStyleClass().add("shortcut-group");
                grid.add(heading, 0, row++, 2, 1);
            }
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            Label action = new Label(shortcut.action());
            action.setWrapText(true);
            grid.add(keys, 0, row);
            grid.add(action, 1, row++);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");
        Scene scene = new Scene(new VBox(grid));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().setStyle(owner.getScene().getRoot().getStyle());
        }
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.F1) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
