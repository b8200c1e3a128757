package dev.juror.app.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a screen that is not built yet shows: what will be there, and the command that does it today. */
final class PlaceholderScreen {

    private PlaceholderScreen() {
    }

    static Node of(ScreenId id) {
        Label title = new Label(id.title());
        title.getStyleClass().add("placeholder-title");
        Label what = new Label(id.placeholder());
        what.setWrapText(true);
        what.getStyleClass().add("placeholder-text");
        Label todayTitle = new Label("Today, from the command line:");
        todayTitle.getStyleClass().add("placeholder-subtitle");
        Label today = new Label(id.cliToday());
        today.setWrapText(true);
        today.setMaxWidth(Double.MAX_VALUE);
        today.getStyleClass().add("placeholder-code");
        VBox box = new VBox(12, title, what, todayTitle, today);
        box.setId("placeholder-" + id.key());
        box.getStyleClass().add("placeholder");
        box.setAlignment(Pos.TOP_LEFT);
        box.setMaxWidth(720);
        VBox outer = new VBox(box);
        outer.setAlignment(Pos.TOP_CENTER);
        return outer;
    }
}
