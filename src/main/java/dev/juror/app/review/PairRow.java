package dev.juror.app.review;

import dev.juror.rubric.Preference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One dimension of the pairwise form: its name and question, and the labeller's choice as they see
 * it (A = the response on the left, B = the one on the right, tie), before it is mapped to the
 * pair's stored naming.
 */
public final class PairRow {

    private final String dimension;
    private final String question;
    private final ObjectProperty<Preference> choice = new SimpleObjectProperty<>(this, "choice");

    PairRow(String dimension, String question) {
        this.dimension = dimension;
        this.question = question;
    }

    public String dimension() {
        return dimension;
    }

    public String question() {
        return question;
    }

    public ObjectProperty<Preference> choiceProperty() {
        return choice;
    }
}
