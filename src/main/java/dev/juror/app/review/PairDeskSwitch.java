package dev.juror.app.review;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.rubric.Mode;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * Where the desk's Rubric box switches between the pointwise desk and the pairwise one. The box
 * lists both kinds; choosing a pairwise rubric puts the {@link PairDeskPane} in the desk's centre
 * and hands it the keys, choosing a pointwise one brings the pointwise panes back. The pointwise
 * desk keeps its own rubric meanwhile, so none of its parts ever sees a pairwise rubric.
 */
final class PairDeskSwitch {

    private static final Set<KeyCode> PAIR_KEYS = Set.of(KeyCode.A, KeyCode.B, KeyCode.T, KeyCode.TAB, KeyCode.UP,
            KeyCode.DOWN, KeyCode.ENTER, KeyCode.J, KeyCode.K);

    private final BorderPane root;
    private final Node pointwise;
    private final PairDeskPane pane;
    private final ReviewDeskViewModel desk;
    private final ComboBox<RubricChoice> box;
    private final ObservableList<RubricChoice> all = FXCollections.observableArrayList();

    PairDeskSwitch(BorderPane root, ComboBox<RubricChoice> box, ReviewDeskViewModel desk) {
        this.root = root;
        this.pointwise = root.getCenter();
        this.desk = desk;
        this.box = box;
        this.pane = new PairDeskPane(desk.pairDesk());
        box.setItems(all);
        desk.rubrics().addListener((ListChangeListener<RubricChoice>) c -> rebuild());
        desk.pairDesk().rubrics().addListener((ListChangeListener<RubricChoice>) c -> rebuild());
        box.valueProperty().addListener((obs, old, now) -> chosen(now));
        desk.rubricProperty().addListener((obs, old, now) -> {
            if (!active() && now != null && box.getValue() != now) {
                box.setValue(now);
            }
        });
        rebuild();
    }

    private void rebuild() {
        RubricChoice keep = box.getValue();
        all.setAll(desk.rubrics());
        all.addAll(desk.pairDesk().rubrics());
        box.setValue(keep != null && all.contains(keep) ? keep : desk.rubricProperty().get());
    }

    private void chosen(RubricChoice now) {
        if (now != null && now.rubric().mode() == Mode.PAIRWISE) {
            desk.pairDesk().rubricProperty().set(now);
            root.setCenter(pane.node());
            showPointwiseTools(false);
            pane.focus();
            return;
        }
        if (now == null && !all.isEmpty()) {
            return;   // the list is being rebuilt
        }
        desk.pairDesk().rubricProperty().set(null);
        root.setCenter(pointwise);
        showPointwiseTools(true);
        if (now != null) {
            desk.rubricProperty().set(now);
        }
    }

    /**
     * The toolbar's queue, sample and Blind (the groups after the Rubric box's) and the counts under
     * the desk belong to the pointwise desk.
     */
    private void showPointwiseTools(boolean show) {
        javafx.scene.Node group = box.getParent();
        if (group == null || group.getParent() == null) {
            return;
        }
        var tools = group.getParent().getChildrenUnmodifiable();
        for (int i = tools.indexOf(group) + 1; i < tools.size(); i++) {
            tools.get(i).setVisible(show);
            tools.get(i).setManaged(show);   // the Rubric box gets the room to show its whole name
        }
        javafx.scene.Node counts = root.lookup(".desk-counts");
        if (counts != null) {
            counts.setVisible(show);
            counts.setManaged(show);
        }
    }

    boolean active() {
        return root.getCenter() == pane.node();
    }

    /**
     * While the pairwise desk is shown it takes the keys: its own are consumed, the others are kept
     * from the hidden pointwise desk.
     *
     * @return whether the pairwise desk is shown (the caller then does nothing more with the key)
     */
    boolean onKey(KeyEvent event) {
        if (!active()) {
            return false;
        }
        if (PAIR_KEYS.contains(event.getCode()) && desk.pairDesk().key(event.getCode().name())) {
            event.consume();
        }
        return true;
    }
}
