package dev.juror.app.review;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * Scrolls the card list just enough to show the selected card (its top when it is taller than the
 * view). Cards that were just built have no height yet, so it waits for the list's layout.
 */
final class CardScroller {

    private final ScrollPane scroll;
    private final VBox list;
    private Node pending;

    CardScroller(ScrollPane scroll, VBox list) {
        this.scroll = scroll;
        this.list = list;
        // The height changes mid-layout, before the cards have their positions: scroll after it.
        list.heightProperty().addListener((obs, old, now) -> Platform.runLater(this::scrollToPending));
    }

    void show(Node card) {
        pending = card;
        Platform.runLater(this::scrollToPending);
    }

    private void scrollToPending() {
        Node card = pending;
        if (card == null || card.getParent() != list) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        list.layout();
        if (list.getHeight() <= 0) {
            return; // not laid out yet: the height listener comes back
        }
        pending = null;
        double contentHeight = list.getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) {
            return;
        }
        double top = card.getBoundsInParent().getMinY();
        double bottom = card.getBoundsInParent().getMaxY();
        double shownTop = scroll.getVvalue() * (contentHeight - viewHeight);
        double target = shownTop;
        if (top < shownTop || bottom - top > viewHeight) {
            target = top;
        } else if (bottom > shownTop + viewHeight) {
            target = bottom - viewHeight;
        }
        scroll.setVvalue(target / (contentHeight - viewHeight));
    }
}
