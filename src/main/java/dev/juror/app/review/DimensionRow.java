package dev.juror.app.review;

import dev.juror.rubric.Dimension;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One rubric dimension in the labelling panel: the score being given (null until chosen), whether
 * it has the keyboard focus, and, once revealed, what the others gave.
 */
public final class DimensionRow {

    /** Someone else's score on this dimension; {@code differs} when it is not the labeller's own. */
    public record OtherScore(String who, String score, boolean differs) {
    }

    private final Dimension dimension;
    private final ObjectProperty<String> score = new SimpleObjectProperty<>(this, "score");
    private final BooleanProperty focused = new SimpleBooleanProperty(this, "focused");
    private final ObservableList<OtherScore> others = FXCollections.observableArrayList();

    public DimensionRow(Dimension dimension) {
        this.dimension = dimension;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String name() {
        return dimension.name();
    }

    public ObjectProperty<String> scoreProperty() {
        return score;
    }

    public String score() {
        return score.get();
    }

    public BooleanProperty focusedProperty() {
        return focused;
    }

    public ObservableList<OtherScore> others() {
        return others;
    }

    void showOthers(List<OtherScore> scores) {
        others.setAll(scores);
    }
}
