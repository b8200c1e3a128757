package dev.juror.app.review;

import dev.juror.rubric.Dimension;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The level sheet beside the dimension rows: every level of the focused dimension on its own line (key
 * first, so "what does a 3 mean" is one glance), then the rules that override the levels; the
 * dimension's plain-language question goes under the rows. The chosen score's line is highlighted.
 */
final class LevelSheet {

    static final String CHOSEN = "level-line-chosen";

    private final VBox box;
    private final Label question;

    LevelSheet(VBox box, Label question) {
        this.box = box;
        this.question = question;
        box.setId("levelSheet");
        question.setId("levelQuestion");
    }

    void clear() {
        box.getChildren().clear();
        question.setText("");
        question.setTooltip(null);
    }

    void show(Dimension dimension, String chosen) {
        clear();
        question.setText(dimension.shownQuestion());
        question.setTooltip(LabelPanel.tooltip(LabelPanel.keyAndQuestion(dimension)));
        for (String level : dimension.scale().levelKeys()) {
            box.getChildren().add(line(dimension, level));
        }
        for (String rule : dimension.mandatoryRules()) {
            box.getChildren().add(wrapped("Rule: " + rule, "level-rule"));
        }
        choose(chosen);
    }

    /** Highlights the line of {@code level} (none when null). */
    void choose(String level) {
        for (Node node : box.getChildren()) {
            node.getStyleClass().remove(CHOSEN);
            if (level != null && ("level-line-" + level).equals(node.getUserData())) {
                node.getStyleClass().add(CHOSEN);
            }
        }
    }

    private static HBox line(Dimension dimension, String level) {
        String key = ScoreKeys.keyHint(dimension.scale(), level);
        Label keyLabel = new Label(level.chars().allMatch(Character::isDigit) ? key : key + " " + level);
        keyLabel.getStyleClass().add("level-key");
        keyLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label text = wrapped(dimension.level(level), "level-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(8, keyLabel, text);
        line.getStyleClass().add("level-line");
        line.setId("level-line-" + dimension.name() + "-" + level);
        line.setUserData("level-line-" + level);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
