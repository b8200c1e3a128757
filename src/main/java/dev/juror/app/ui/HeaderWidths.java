package dev.juror.app.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table's column headers whole: each column's minimum width is its title's width in the
 * (bold) header font plus the header's padding, and follows the font size chosen in the settings.
 * A column's own minimum (set before) still holds when it is wider.
 */
public final class HeaderWidths {

    /** The header label's insets on both sides plus room for the sort arrow. */
    private static final double PADDING = 22;
    private static final String OWN_MINIMUM = "juror.ownMinWidth";

    private HeaderWidths() {
    }

    /**
     * @param fontSource a label of the same screen in the plain text font; its font changes with the
     *                   settings' font size (applied by CSS), and the headers follow it
     */
    public static void keepWhole(TableView<?> table, Label fontSource) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.getProperties().putIfAbsent(OWN_MINIMUM, column.getMinWidth());
        }
        fontSource.fontProperty().addListener((obs, old, now) -> apply(table, now));
        apply(table, fontSource.getFont());
    }

    private static void apply(TableView<?> table, Font font) {
        Font header = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        for (TableColumn<?, ?> column : table.getColumns()) {
            Text title = new Text(column.getText());
            title.setFont(header);
            double own = (Double) column.getProperties().getOrDefault(OWN_MINIMUM, 0.0);
            column.setMinWidth(Math.max(own, Math.ceil(title.getLayoutBounds().getWidth()) + PADDING));
        }
    }
}
