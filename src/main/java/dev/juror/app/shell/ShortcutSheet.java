package dev.juror.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The keyboard shortcut sheet (F1): a dialog owned by the window, titled "Keyboard shortcuts", listing
 * {@link Shortcut#all()} with one column per group, side by side, so the whole list fits on a
 * 1280x800 screen at a large font. Close, Esc or F1 closes it.
 */
final class ShortcutSheet {

    static final String TITLE = "Keyboard shortcuts";

    private ShortcutSheet() {
    }

    static Dialog<ButtonType> show(Window owner) {
        Map<String, List<Shortcut>> groups = new LinkedHashMap<>();
        for (Shortcut shortcut : Shortcut.all()) {
            groups.computeIfAbsent(shortcut.where(), key -> new ArrayList<>()).add(shortcut);
        }
        HBox columns = new HBox();
        columns.setId("shortcutSheet");
        columns.getStyleClass().add("shortcut-sheet");
        groups.forEach((where, shortcuts) -> columns.getChildren().add(group(where, shortcuts)));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE); // the sheet can stay open while the keys are tried out
        dialog.setTitle(TITLE);
        dialog.setHeaderText(TITLE);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("shortcutDialog");
        dialog.getDialogPane().setContent(columns);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE); // a cancel button: Esc closes too
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F1) {
                dialog.close();
                event.consume();
            }
        });
        dialog.show();
        return dialog;
    }

    private static GridPane group(String where, List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-group-grid");
        Label heading = new Label(where);
        heading.getStyleClass().add("shortcut-group");
        grid.add(heading, 0, 0, 2, 1);
        int row = 1;
        for (Shortcut shortcut : shortcuts) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label action = new Label(shortcut.action());
            action.getStyleClass().add("shortcut-action");
            action.setWrapText(true);
            action.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(keys, VPos.TOP); // beside the first line of a wrapped action
            grid.add(keys, 0, row);
            grid.add(action, 1, row++);
        }
        return grid;
    }
}
