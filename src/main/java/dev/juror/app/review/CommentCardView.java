package dev.juror.app.review;

import dev.juror.rubric.Dimension;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Builds one comment card: what the comment says, where its excerpt is, and (once revealed)
 * everyone's scores. A rollout has tens of comments at most, so cards are plain nodes in a scroll
 * pane rather than virtualised cells (whose unmeasured heights make scrolling to a card unreliable).
 */
final class CommentCardView {

    /** Widest a score column's heading gets before it wraps: three fit beside the names in a card. */
    private static final double SCORE_COLUMN_WIDTH = 170;

    private final List<Dimension> dimensions;
    private final CitedText cited;

    CommentCardView(List<Dimension> dimensions) {
        this(dimensions, CitedText.none());
    }

    /** @param cited turns a comment's citations of the reference's sections into links */
    CommentCardView(List<Dimension> dimensions, CitedText cited) {
        this.dimensions = dimensions;
        this.cited = cited;
    }

    VBox build(CommentCard card) {
        ReviewItem item = card.item();
        VBox box = new VBox(4);
        box.getStyleClass().add("comment-card");
        box.setId("card-" + (item.isResponse() ? "response" : item.position()));

        Label header = new Label(item.isResponse() ? "Whole response"
                : join(item.commentId(), item.commentType()));
        header.getStyleClass().add("card-header");
        // A flow: in a narrow pane the badges go to a second line instead of being cut ("labe...").
        javafx.scene.layout.FlowPane badges = new javafx.scene.layout.FlowPane(6, 2, header);
        if (card.labelledByMe()) {
            badges.getChildren().add(badge("labelled", "badge-done"));
        }
        if (card.flagged()) {
            badges.getChildren().add(badge("flagged", "badge-flag"));
        }
        if (card.disagreement()) {
            badges.getChildren().add(badge("disagreement", "badge-disagree"));
        }
        box.getChildren().add(badges);

        if (!item.excerpt().isBlank()) {
            Label excerpt = wrapped("\u201C" + item.excerpt().strip() + "\u201D", "card-excerpt");
            box.getChildren().add(excerpt);
        }
        if (!item.isResponse()) {
            Label location = wrapped(card.locationText(), card.excerptProblem() ? "card-location-problem"
                    : "card-location");
            location.setId("location-" + item.position());
            box.getChildren().add(location);
        }
        box.getChildren().add(cited.build(item.comment(), "card-comment"));
        if (!item.recommendedAction().isBlank()) {
            box.getChildren().add(cited.build("Action: " + item.recommendedAction(), "card-action"));
        }
        if (!card.revealed().isEmpty()) {
            box.getChildren().add(scores(card));
            Label origins = origins(card);
            if (origins != null) {
                box.getChildren().add(origins);
            }
        } else if (card.hiddenCount() > 0) {
            Label hidden = wrapped(card.hiddenCount() + (card.hiddenCount() == 1 ? " other label is" : " other labels are")
                    + " hidden until you submit (blind mode)", "card-hidden");
            hidden.setId("hidden-" + item.position());
            box.getChildren().add(hidden);
        }
        return box;
    }

    private GridPane scores(CommentCard card) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("card-scores");
        grid.setId("scores-" + card.item().position());
        grid.setHgap(10);
        for (int column = 0; column < dimensions.size(); column++) {
            // The name people read, wrapped rather than cut; the key the judge uses is in the tooltip.
            Dimension dimension = dimensions.get(column);
            Label name = new Label(dimension.shownName());
            name.getStyleClass().add("score-dimension");
            name.setId("score-dimension-" + dimension.name());
            name.setWrapText(true);
            name.setMaxWidth(SCORE_COLUMN_WIDTH);
            name.setMinHeight(Region.USE_PREF_SIZE);
            name.setTooltip(new javafx.scene.control.Tooltip(LabelPanel.keyAndQuestion(dimension)));
            grid.add(name, column + 1, 0);
        }
        int row = 1;
        for (CommentCard.ScoreLine line : card.revealed()) {
            Label who = new Label(line.who());
            if (!line.origin().isEmpty()) {
                who.setTooltip(new javafx.scene.control.Tooltip(line.origin()));
            }
            grid.add(who, 0, row);
            for (int column = 0; column < line.scores().size(); column++) {
                Label score = new Label(line.scores().get(column).isEmpty() ? "-" : line.scores().get(column));
                score.getStyleClass().add(line.differs().get(column) ? "score-differs" : "score-same");
                grid.add(score, column + 1, row);
            }
            row++;
        }
        return grid;
    }

    /** Where imported labels on the card came from, one line per scorer; null when every label was given at a desk. */
    private static Label origins(CommentCard card) {
        String text = card.revealed().stream().filter(l -> !l.origin().isEmpty())
                .map(l -> l.who() + ": " + l.origin()).collect(java.util.stream.Collectors.joining("\n"));
        if (text.isEmpty()) {
            return null;
        }
        Label origins = wrapped(text, "card-origin");
        origins.setId("origins-" + card.item().position());
        return origins;
    }

    private static String join(String commentId, String type) {
        return type == null || type.isBlank() ? commentId : commentId + " \u00B7 " + type;
    }

    private static Label badge(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().addAll("badge", style);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
