package dev.juror.app.review;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The adjudication tab of the desk, built from the {@link AdjudicationViewModel}: one line per
 * dimension with everyone's scores, the judge's, the adjudication that counts and a choice of the
 * settling score (disputed dimensions marked), the margin, and below them one reason and Record
 * (Enter in the reason records too).
 */
final class AdjudicationPanel {

    private final AdjudicationViewModel viewModel;
    private final GridPane grid = new GridPane();
    private final TextField reason = new TextField();
    private final Button record = new Button("Record adjudication");

    AdjudicationPanel(AdjudicationViewModel viewModel, VBox host) {
        this.viewModel = viewModel;
        Label message = new Label();
        message.setId("adjudicationMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        grid.setId("adjudicationGrid");
        grid.setHgap(10);
        grid.setVgap(4);
        reason.setId("adjudicationReason");
        reason.setPromptText("Reason (required)");
        reason.setOnAction(event -> viewModel.record());
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        Spinner<Integer> margin = new Spinner<>(1, 10, viewModel.marginProperty().get());
        margin.setId("adjudicationMargin");
        margin.setPrefWidth(70);
        margin.valueProperty().addListener((obs, old, now) -> viewModel.marginProperty().set(now));
        Label marginLabel = new Label("Judge disputed at");
        Label points = new Label("points from the labellers' consensus");
        record.setId("adjudicationRecord");
        record.setOnAction(event -> viewModel.record());
        record.setMinWidth(Button.USE_PREF_SIZE);
        HBox marginLine = new HBox(8, marginLabel, margin, points);
        marginLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(8, message, grid, marginLine);
        content.getStyleClass().add("judge-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // The reason and Record stay in sight below the scores, as the label form's note and Submit do.
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox actions = new HBox(8, reason, record);
        actions.getStyleClass().add("label-actions");
        actions.visibleProperty().bind(viewModel.availableProperty());
        actions.managedProperty().bind(actions.visibleProperty());
        host.getChildren().setAll(scroll, actions);
        viewModel.rows().addListener((ListChangeListener<AdjudicationViewModel.Row>) change -> rebuild());
        rebuild();
    }

    /** One line per dimension: its name and what everyone said on the left, the settling score on the right. */
    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        if (viewModel.rows().isEmpty()) {
            return;
        }
        javafx.scene.layout.ColumnConstraints words = new javafx.scene.layout.ColumnConstraints();
        words.setHgrow(Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints choice = new javafx.scene.layout.ColumnConstraints();
        choice.setMinWidth(Label.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(words, choice);
        grid.addRow(0, title("Dimension: labels and judge"), title("Adjudicated score"));
        int line = 1;
        for (AdjudicationViewModel.Row row : viewModel.rows()) {
            Label name = new Label(row.shownName() + (row.disputed() ? " (disputed)" : ""));
            name.getStyleClass().add("dimension-name");
            if (row.disputed()) {
                name.getStyleClass().add("score-differs");
            }
            name.setWrapText(true);
            Label said = new Label("Labels: " + row.labels() + "  \u00B7  Judge: " + row.judge());
            said.setWrapText(true);
            VBox left = new VBox(1, name, said);
            if (!row.current().isEmpty()) {
                Label current = new Label("Counts now: " + row.current());
                current.setWrapText(true);
                current.getStyleClass().add("judge-justification");
                left.getChildren().add(current);
            }
            ComboBox<String> score = new ComboBox<>();
            score.setId("adjudicate-" + row.name());
            score.getItems().setAll(row.levels());
            score.valueProperty().bindBidirectional(row.chosenProperty());
            score.setPromptText("choose");
            score.setFocusTraversable(false);
            score.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            grid.addRow(line++, left, score);
        }
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("judge-column-title");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
