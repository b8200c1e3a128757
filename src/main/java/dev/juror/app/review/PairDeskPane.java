package dev.juror.app.review;

import dev.juror.rubric.Preference;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredRollout;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pairwise desk's view: the two responses side by side (A on the left, B on the right, in the
 * order drawn for the pair), below them one row per dimension with A / B / Tie, the reveal once
 * submitted, and Submit. Keys come from the desk's key filter ({@link PairDeskSwitch}).
 */
final class PairDeskPane {

    private final PairDeskViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label left = new Label();
    private final Label right = new Label();
    private final VBox rows = new VBox();
    private final Label revealed = new Label();
    private final Label message = new Label();

    PairDeskPane(PairDeskViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("pairDesk");
        root.setFocusTraversable(true);
        title.setId("pairTitle");
        title.getStyleClass().add("pane-title");
        title.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(title);
        SplitPane sides = new SplitPane(column("A (left)", left, "pairLeft"), column("B (right)", right, "pairRight"));
        sides.getStyleClass().add("desk-split");
        root.setCenter(sides);
        root.setBottom(form());
        title.textProperty().bind(viewModel.titleProperty());
        revealed.textProperty().bind(viewModel.revealedProperty());
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.currentProperty().addListener((obs, old, now) -> {
            left.setText(now == null ? "" : text(now.left()));
            right.setText(now == null ? "" : text(now.right()));
        });
        viewModel.rows().addListener((ListChangeListener<PairRow>) change -> rebuildRows());
        viewModel.selectedProperty().addListener((obs, old, now) -> rebuildRows());
    }

    Node node() {
        return root;
    }

    void focus() {
        root.requestFocus();
    }

    private static VBox column(String heading, Label body, String id) {
        Label name = new Label(heading);
        name.getStyleClass().add("pane-title");
        body.setId(id);
        body.setWrapText(true);
        body.setPadding(new Insets(6, 10, 6, 10));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("comment-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(name, scroll);
        box.getStyleClass().add("pane-column");
        return box;
    }

    private VBox form() {
        rows.getStyleClass().add("dimension-rows");
        rows.setId("pairRows");
        revealed.setId("pairRevealed");
        revealed.setWrapText(true);
        revealed.getStyleClass().add("dimension-others");
        message.setId("pairMessage");
        message.setWrapText(true);
        Button submit = new Button("Submit (Enter)");
        submit.setId("pairSubmit");
        submit.setFocusTraversable(false);
        submit.setMinWidth(Region.USE_PREF_SIZE);
        submit.setOnAction(event -> viewModel.submit());
        Label keys = new Label("A: left is better   B: right is better   T: tie   Tab/Up/Down: dimension   J/K: next/previous pair");
        keys.getStyleClass().add("dimension-others");
        keys.setWrapText(true);
        HBox actions = new HBox(10, submit, keys);
        actions.getStyleClass().add("label-actions");
        VBox form = new VBox(6, rows, revealed, actions, message);
        form.getStyleClass().add("label-panel");
        form.setPadding(new Insets(6, 10, 8, 10));
        return form;
    }

    private void rebuildRows() {
        rows.getChildren().clear();
        for (int i = 0; i < viewModel.rows().size(); i++) {
            PairRow row = viewModel.rows().get(i);
            Label name = new Label(row.dimension());
            name.getStyleClass().add("dimension-name");
            name.setMinWidth(120);
            Label question = new Label(row.question());
            question.setWrapText(true);
            question.getStyleClass().add("dimension-others");
            HBox.setHgrow(question, Priority.ALWAYS);
            HBox line = new HBox(8, name, choice(row, Preference.A, "A"), choice(row, Preference.B, "B"),
                    choice(row, Preference.TIE, "Tie"), question);
            line.setId("pair-row-" + row.dimension());
            line.getStyleClass().add("dimension-row");
            if (i == viewModel.selectedProperty().get()) {
                line.getStyleClass().add("dimension-row-focused");
            }
            int index = i;
            line.setOnMouseClicked(event -> viewModel.selectedProperty().set(index));
            rows.getChildren().add(line);
        }
    }

    private ToggleButton choice(PairRow row, Preference value, String text) {
        ToggleButton button = new ToggleButton(text);
        button.setId("pair-" + row.dimension() + "-" + value.json());
        button.getStyleClass().add("level-button");
        button.setFocusTraversable(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setSelected(row.choiceProperty().get() == value);
        row.choiceProperty().addListener((obs, old, now) -> button.setSelected(now == value));
        button.setOnAction(event -> {
            viewModel.selectedProperty().set(viewModel.rows().indexOf(row));
            viewModel.choose(value);
        });
        return button;
    }

    /** A response in plain text: its comments, or the raw answer when it could not be read as comments. */
    static String text(StoredRollout rollout) {
        if (rollout.comments().isEmpty()) {
            return rollout.prediction();
        }
        StringBuilder out = new StringBuilder();
        for (StoredComment c : rollout.comments()) {
            out.append(c.position() + 1).append(". ");
            if (c.commentType() != null && !c.commentType().isBlank()) {
                out.append("[").append(c.commentType()).append("] ");
            }
            if (c.textExcerpt() != null && !c.textExcerpt().isBlank()) {
                out.append("\u201C").append(c.textExcerpt().strip()).append("\u201D\n");
            }
            out.append(c.comment() == null ? "" : c.comment().strip());
            if (c.recommendedAction() != null && !c.recommendedAction().isBlank()) {
                out.append("\nRecommended: ").append(c.recommendedAction().strip());
            }
            out.append("\n\n");
        }
        return out.toString().strip();
    }
}
