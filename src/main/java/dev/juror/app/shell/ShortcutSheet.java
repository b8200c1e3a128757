package dev.juror.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The keyboard shortcut sheet (F1): a dialog owned by the window, titled "Keyboard shortcuts", listing
 * {@link Shortcut#all()} with one column per group, side by side where the screen is wide enough; at
 * a large font on a small screen the groups stack and the sheet scrolls, so nothing runs off the screen. Close, Esc or F1 closes it.
 */
final class ShortcutSheet {

    static final String TITLE = "Keyboard shortcuts";
    /** Room for the dialog's padding and a scroll bar, and for its header, buttons and a window frame. */
    private static final double CHROME_WIDTH = 80;
    private static final double CHROME_HEIGHT = 260;

    private ShortcutSheet() {
    }

    static Dialog<ButtonType> show(Window owner) {
        Map<String, List<Shortcut>> groups = new LinkedHashMap<>();
        for (Shortcut shortcut : Shortcut.all()) {
            groups.computeIfAbsent(shortcut.where(), key -> new ArrayList<>()).add(shortcut);
        }
        FlowPane columns = new FlowPane(); // groups side by side, one under the other where the screen is narrow
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
        // At a large font on a small screen the sheet scrolls rather than running off the screen.
        ScrollPane scroll = new ScrollPane(columns);
        scroll.getStyleClass().add("shortcut-scroll");
        scroll.setFitToWidth(true); // the groups re-flow to the view, so it only ever scrolls down
        dialog.getDialogPane().setContent(scroll);
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
        fitOnScreen(dialog, scroll, columns, screenArea(owner));
        dialog.show();
        return dialog;
    }

    /** The visual bounds of the screen the owner is on. */
    private static Rectangle2D screenArea(Window owner) {
        if (owner == null) {
            return Screen.getPrimary().getVisualBounds();
        }
        return Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /**
     * Sizes the scroll pane's view to the whole sheet, or to what the screen leaves beside the header
     * and the Close button when the sheet is larger (a large font on a small screen): then it scrolls.
     */
    private static void fitOnScreen(Dialog<?> dialog, ScrollPane scroll, Region columns, Rectangle2D area) {
        if (columns instanceof FlowPane flow) {
            flow.setPrefWrapLength(area.getWidth() - CHROME_WIDTH);
        }
        dialog.getDialogPane().applyCss();
        double width = columns.prefWidth(-1);
        double height = columns.prefHeight(width);
        scroll.setPrefViewportWidth(Math.min(width, area.getWidth() - CHROME_WIDTH));
        scroll.setPrefViewportHeight(Math.min(height, area.getHeight() - CHROME_HEIGHT));
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
