package dev.juror.app.review;

import dev.juror.rubric.Dimension;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The rows of the labelling panel, one per rubric dimension, built from the view model's rows. The
 * focused row's question and level descriptions are spelled out below the rows; each level button
 * also carries its description as a tooltip.
 */
final class LabelPanel {

    private final LabelFormViewModel viewModel;
    private final VBox rowsBox;
    private final Label descriptions;

    LabelPanel(LabelFormViewModel viewModel, VBox rowsBox, Label descriptions) {
        this.viewModel = viewModel;
        this.rowsBox = rowsBox;
        this.descriptions = descriptions;
        viewModel.rows().addListener((ListChangeListener<DimensionRow>) change -> rebuild());
        viewModel.focusedRowProperty().addListener((obs, old, now) -> describeFocused());
        rebuild();
    }

    private void rebuild() {
        rowsBox.getChildren().clear();
        List<DimensionRow> rows = List.copyOf(viewModel.rows());
        for (int index = 0; index < rows.size(); index++) {
            rowsBox.getChildren().add(row(rows.get(index), index));
        }
        describeFocused();
    }

    private HBox row(DimensionRow row, int index) {
        Dimension dimension = row.dimension();
        Label name = new Label(dimension.name().replace('_', ' '));
        name.getStyleClass().add("dimension-name");
        name.setTooltip(tooltip(dimension.question()));
        name.setMinWidth(60); // the name gives way before the level buttons do
        HBox levels = new HBox(4);
        for (String level : dimension.scale().levelKeys().reversed()) {
            ToggleButton button = new ToggleButton(ScoreKeys.keyHint(dimension.scale(), level)
                    + (level.chars().allMatch(Character::isDigit) ? "" : " " + level));
            button.setId("level-" + dimension.name() + "-" + level);
            button.setFocusTraversable(false);
            button.getStyleClass().add("level-button");
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setTooltip(tooltip(level + ": " + dimension.level(level)));
            button.selectedProperty().bind(row.scoreProperty().isEqualTo(level));
            button.setOnMouseClicked(event -> viewModel.setScore(index, level));
            levels.getChildren().add(button);
        }
        Label others = new Label();
        others.getStyleClass().add("dimension-others");
        others.setId("others-" + dimension.name());
        Runnable showOthers = () -> {
            others.setText(row.others().stream().map(o -> o.who() + " " + o.score())
                    .collect(Collectors.joining("  ")));
            others.getStyleClass().remove("dimension-others-differ");
            if (row.others().stream().anyMatch(DimensionRow.OtherScore::differs)) {
                others.getStyleClass().add("dimension-others-differ");
            }
        };
        row.others().addListener((ListChangeListener<DimensionRow.OtherScore>) change -> showOthers.run());
        showOthers.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(10, name, spacer, others, levels);
        box.setId("dim-" + dimension.name());
        box.getStyleClass().add("dimension-row");
        row.focusedProperty().addListener((obs, old, now) -> setFocusedStyle(box, now));
        setFocusedStyle(box, row.focusedProperty().get());
        box.setOnMouseClicked(event -> viewModel.focusRow(index));
        return box;
    }

    private static void setFocusedStyle(HBox box, boolean focused) {
        box.getStyleClass().remove("dimension-row-focused");
        if (focused) {
            box.getStyleClass().add("dimension-row-focused");
        }
    }

    private void describeFocused() {
        int focused = viewModel.focusedRowProperty().get();
        if (focused < 0 || focused >= viewModel.rows().size()) {
            descriptions.setText("");
            return;
        }
        Dimension dimension = viewModel.rows().get(focused).dimension();
        StringBuilder text = new StringBuilder(dimension.question());
        for (String level : dimension.scale().levelKeys()) {
            text.append("\n\n").append(ScoreKeys.keyHint(dimension.scale(), level))
                    .append(level.chars().allMatch(Character::isDigit) ? "" : " (" + level + ")")
                    .append(" \u2014 ").append(dimension.level(level));
        }
        for (String rule : dimension.mandatoryRules()) {
            text.append("\n\nRule: ").append(rule);
        }
        descriptions.setText(text.toString());
    }

    private static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        return tooltip;
    }
}
