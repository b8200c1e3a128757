package dev.juror.app.review;

import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * The desk's Queue box: filters, stored queues and, last, "New queue..." which opens the
 * {@link NewQueueDialog} and goes back to what was chosen (the new queue, once stored, is chosen).
 */
final class QueueBox {

    private QueueBox() {
    }

    static void bind(ComboBox<QueueChoice> box, QueueChoicesViewModel queues, JudgePanelViewModel judge) {
        box.setItems(queues.choices());
        box.valueProperty().bindBidirectional(queues.choiceProperty());
        box.setTooltip(new Tooltip("Which rollouts to work through: a filter, or a review queue made for"
                + " labellers (New queue\u2026 at the end of the list makes one)"));
        box.valueProperty().addListener((obs, old, now) -> {
            if (now instanceof QueueChoice.NewQueue) {
                // Not while the box is still handling the click: go back first, then ask.
                Platform.runLater(() -> {
                    queues.showChosen();
                    NewQueueDialog.ask(box.getScene().getWindow(), queues, judge.runs(), judge.runProperty().get())
                            .ifPresent(queues::create);
                });
            }
        });
    }
}
