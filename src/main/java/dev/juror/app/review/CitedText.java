package dev.juror.app.review;

import dev.juror.app.review.markdown.Citation;
import dev.juror.app.review.markdown.DocumentSection;
import dev.juror.app.review.markdown.SectionCitations;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A card's text with its citations of the reference as links: "§1.4" in a comment scrolls the
 * reference pane to clause 1.4. Text without citations stays a plain wrapped label.
 */
final class CitedText {

    private final SectionCitations citations;
    private final Consumer<DocumentSection> goTo;

    CitedText(SectionCitations citations, Consumer<DocumentSection> goTo) {
        this.citations = citations;
        this.goTo = goTo;
    }

    /** No links: the reference has no sections. */
    static CitedText none() {
        return new CitedText(new SectionCitations(List.of()), section -> { });
    }

    Node build(String text, String style) {
        List<Citation> found = citations.isEmpty() ? List.of() : citations.find(text);
        if (found.isEmpty()) {
            Label label = new Label(text);
            label.setWrapText(true);
            label.getStyleClass().add(style);
            label.setMinHeight(Region.USE_PREF_SIZE);
            return label;
        }
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll(style, "cited-text");
        int at = 0;
        for (Citation citation : found) {
            if (citation.start() > at) {
                flow.getChildren().add(text(text.substring(at, citation.start()), style));
            }
            flow.getChildren().add(link(text.substring(citation.start(), citation.end()), citation.section()));
            at = citation.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(text(text.substring(at), style));
        }
        return flow;
    }

    private static Text text(String content, String style) {
        Text text = new Text(content);
        text.getStyleClass().add(style + "-text");
        return text;
    }

    private Hyperlink link(String shown, DocumentSection section) {
        Hyperlink link = new Hyperlink(shown);
        link.getStyleClass().add("citation-link");
        link.setFocusTraversable(false);
        link.setTooltip(new javafx.scene.control.Tooltip("Show in the reference: " + section.title()));
        link.setOnAction(event -> {
            link.setVisited(false);
            goTo.accept(section);
        });
        // A click on a link goes to the section only; it does not also select the card (which could
        // scroll the reference back to the card's excerpt).
        link.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        return link;
    }
}
