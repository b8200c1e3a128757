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
 * The rows of the labelling panel, one per rubric dimension, built from the view model's rows, each
 * under the name people read (the dimension's key and the judge's question in its tooltip). The
 * focused row's plain-language question, every level description and its rules are spelled out
 * beside and below the rows by the {@link LevelSheet}; each level button also carries its description as a tooltip.
 */
final class LabelPanel {

    private final LabelFormViewModel viewModel;
    private final VBox rowsBox;
    private final LevelSheet sheet;

    LabelPanel(LabelFormViewModel viewModel, VBox rowsBox, VBox levelSheet, Label levelQuestion) {
        this.viewModel = viewModel;
        this.rowsBox = rowsBox;
        this.sheet = new LevelSheet(levelSheet, levelQuestion);
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
        Label name = new Label(dimension.shownName());
        name.getStyleClass().add("dimension-name");
        name.setId("dimension-name-" + dimension.name());
        name.setTooltip(tooltip(keyAndQuestion(dimension)));
        name.setWrapText(true); // a long display name takes a second line rather than an ellipsis
        name.setMinWidth(60); // the name gives way before the level buttons do
        name.setMinHeight(Region.USE_PREF_SIZE);
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
        row.scoreProperty().addListener((obs, old, now) -> {
            if (row.focusedProperty().get()) {
                sheet.choose(now);
            }
        });
        // The others' scores go under the name, not beside it, so neither is squeezed to an ellipsis.
        others.setWrapText(true);
        others.setMinHeight(Region.USE_PREF_SIZE);
        others.managedProperty().bind(others.textProperty().isNotEmpty());
        others.visibleProperty().bind(others.managedProperty());
        VBox named = new VBox(name, others);
        named.setMinWidth(60); // the name gives way before the level buttons do
        HBox.setHgrow(named, Priority.ALWAYS);
        HBox box = new HBox(10, named, levels);
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
            sheet.clear();
            return;
        }
        DimensionRow row = viewModel.rows().get(focused);
        sheet.show(row.dimension(), row.score());
    }

    /** The tooltip of a dimension's name: what the judge sees, for those who need the key. */
    static String keyAndQuestion(Dimension dimension) {
        return "Key for the judge: " + dimension.name() + "\nJudge's question: " + dimension.question();
    }

    static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        return tooltip;
    }
}
