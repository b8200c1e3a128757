package dev.juror.app.review;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The judge tab of the desk, built from the {@link JudgePanelViewModel}'s current {@link JudgeView}:
 * the run chooser, then either a message (hidden, no run, ...) or one row per dimension with the
 * labeller's score, the judge's and the others' side by side (a judge score that differs from the
 * labeller's is highlighted), the judge's justification under it, the comment and aggregate scores,
 * how the answer read, and the raw answer behind a toggle.
 */
final class JudgePanel {

    private final JudgePanelViewModel viewModel;
    private final ComboBox<JudgePanelViewModel.RunOption> runChoice = new ComboBox<>();
    private final Label headline = new Label();
    private final GridPane scores = new GridPane();
    private final Label commentScore = new Label();
    private final Label aggregate = new Label();
    private final Label status = new Label();
    private final ToggleButton rawToggle = new ToggleButton("Show the raw response");
    private final TextArea raw = new TextArea();
    private final VBox details = new VBox(6, scores, commentScore, aggregate, status, rawToggle, raw);

    JudgePanel(JudgePanelViewModel viewModel, VBox host) {
        this.viewModel = viewModel;
        runChoice.setId("judgeRunChoice");
        runChoice.setItems(viewModel.runs());
        runChoice.valueProperty().bindBidirectional(viewModel.runProperty());
        runChoice.setFocusTraversable(false);
        runChoice.setMaxWidth(Double.MAX_VALUE);
        runChoice.setPromptText("No judge run of this rubric");
        HBox.setHgrow(runChoice, Priority.ALWAYS);
        Label runLabel = new Label("Judge run");
        runLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox chooser = new HBox(8, runLabel, runChoice);
        chooser.getStyleClass().add("judge-run-chooser");
        headline.setId("judgeHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("judge-headline");
        scores.setId("judgeScores");
        scores.getStyleClass().add("judge-scores");
        scores.setHgap(10);
        scores.setVgap(2);
        commentScore.setId("judgeCommentScore");
        aggregate.setId("judgeAggregate");
        aggregate.setWrapText(true);
        status.setId("judgeStatus");
        status.setWrapText(true);
        rawToggle.setId("judgeRawToggle");
        rawToggle.setTooltip(new javafx.scene.control.Tooltip("The raw response speaks of every comment of the"
                + " rollout: it can be shown once you have labelled all of them."));
        rawToggle.setFocusTraversable(false);
        raw.setId("judgeRaw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.setPrefRowCount(8);
        raw.visibleProperty().bind(rawToggle.selectedProperty());
        raw.managedProperty().bind(raw.visibleProperty());
        VBox content = new VBox(8, headline, details);
        content.getStyleClass().add("judge-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        host.getChildren().setAll(chooser, scroll);
        viewModel.viewProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.viewProperty().get());
    }

    /** The run chooser, so the desk's keys leave it alone while it is open. */
    ComboBox<JudgePanelViewModel.RunOption> runChoice() {
        return runChoice;
    }

    private void show(JudgeView view) {
        headline.setText(view.message());
        boolean shown = view.shown() == JudgeView.Shown.SHOWN;
        details.setVisible(shown);
        details.setManaged(shown);
        headline.getStyleClass().remove("judge-hidden");
        if (view.shown() == JudgeView.Shown.HIDDEN) {
            headline.getStyleClass().add("judge-hidden");
        }
        scores.getChildren().clear();
        scores.getColumnConstraints().clear();
        if (!shown) {
            // Nothing of the judge stays in the scene, not even out of sight.
            commentScore.setText("");
            aggregate.setText("");
            status.setText("");
            raw.setText("");
            rawToggle.setSelected(false);
            return;
        }
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.SOMETIMES);
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        scores.getColumnConstraints().setAll(name, fixed, fixed, wide);
        scores.addRow(0, header("Dimension"), header("You"), header("Judge"), header("Other labellers"));
        int line = 1;
        for (JudgeView.Row row : view.rows()) {
            Label dimension = new Label(row.shownName());
            dimension.getStyleClass().add("dimension-name");
            dimension.setWrapText(true);
            Label judge = cell(row.judge(), "judge-score-" + row.dimension());
            Label yours = cell(row.yours(), "your-score-" + row.dimension());
            if (row.differs()) {
                judge.getStyleClass().add("score-differs");
                yours.getStyleClass().add("score-differs");
            }
            Label others = cell(row.others(), null);
            others.setWrapText(true);
            scores.addRow(line++, dimension, yours, judge, others);
            if (!row.justification().isBlank()) {
                Label why = new Label(row.justification());
                why.setWrapText(true);
                why.getStyleClass().add("judge-justification");
                scores.add(why, 0, line++, 4, 1);
            }
        }
        commentScore.setText("Comment score (from the judge's dimension scores): " + view.commentScore());
        aggregate.setText("Aggregate score of the rollout: " + view.aggregate());
        status.setText("The judge's answer: " + view.status());
        rawToggle.setDisable(view.raw().isEmpty());
        if (view.raw().isEmpty()) {
            rawToggle.setSelected(false);
        }
        raw.setText(view.raw());
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("judge-column-title");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label cell(String text, String id) {
        Label label = new Label(text);
        if (id != null) {
            label.setId(id);
        }
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
