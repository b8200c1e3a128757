package dev.juror.app.review;

import dev.juror.store.ExpertIssue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The missed-issues tab of the desk, built from the {@link MissedIssuesViewModel}: the selected
 * passage, what the issue is (comment, type, severity) and Record; below, this expert's issues on
 * the sample with whether the open rollout raises them, and its recall.
 */
final class MissedIssuesPanel {

    private final MissedIssuesViewModel viewModel;
    private final VBox list = new VBox(4);

    MissedIssuesPanel(MissedIssuesViewModel viewModel, VBox host) {
        this.viewModel = viewModel;
        Label message = new Label();
        message.setId("missedMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        Label passage = new Label();
        passage.setId("missedPassage");
        passage.setWrapText(true);
        passage.getStyleClass().add("judge-justification");
        passage.textProperty().bind(viewModel.passageProperty().map(p -> p.isEmpty() ? "" : "\u201C" + p + "\u201D"));
        TextField comment = new TextField();
        comment.setId("missedComment");
        comment.setPromptText("What the model should have raised");
        comment.textProperty().bindBidirectional(viewModel.commentProperty());
        ComboBox<String> type = new ComboBox<>();
        type.setId("missedType");
        type.setEditable(true);
        type.getItems().setAll(MissedIssuesViewModel.TYPES);
        type.setPromptText("type");
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        type.setPrefWidth(170);
        type.setMinWidth(140);
        ComboBox<String> severity = new ComboBox<>();
        severity.setId("missedSeverity");
        severity.getItems().setAll(ExpertIssue.SEVERITIES);
        severity.valueProperty().bindBidirectional(viewModel.severityProperty());
        severity.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        Button record = new Button("Record issue");
        record.setId("missedRecord");
        record.setMinWidth(Button.USE_PREF_SIZE);
        record.setOnAction(event -> viewModel.record());
        comment.setOnAction(event -> viewModel.record());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label severityLabel = new Label("Severity");
        severityLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox choices = new HBox(6, type, severityLabel, severity, gap, record);
        choices.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox form = new VBox(4, comment, choices);
        form.getStyleClass().add("label-actions");
        Label recall = new Label();
        recall.setId("missedRecall");
        recall.setWrapText(true);
        recall.textProperty().bind(viewModel.recallProperty());
        list.setId("missedList");
        VBox content = new VBox(6, message, passage, recall, list);
        content.getStyleClass().add("judge-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        host.getChildren().setAll(scroll, form);
        viewModel.lines().addListener((ListChangeListener<MissedIssuesViewModel.Line>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        list.getChildren().setAll(viewModel.lines().stream().map(line -> {
            Label label = new Label("\u2022 " + line.text());
            label.setWrapText(true);
            if (line.coveredBy().isEmpty()) {
                label.getStyleClass().add("score-differs");
            }
            return label;
        }).toList());
    }
}
