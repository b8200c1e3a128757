package dev.juror.app.review;

import dev.juror.app.review.markdown.DocumentSection;
import dev.juror.app.review.markdown.MarkdownDetector;
import dev.juror.app.review.markdown.MarkdownRenderer;
import dev.juror.app.review.markdown.SectionCitations;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The reference pane's reading aids: a Markdown reference is rendered (see {@link MarkdownRenderer})
 * and gets a "Go to section" list above it (G on the desk focuses it); a comment's citations of its
 * sections become links ({@link #citations()}) that scroll the pane through {@link #goTo}. A plain
 * text reference is shown as written, without the list.
 */
final class ReferenceOutline {

    private final DocumentPane document;
    private final Runnable afterJump;
    private final ComboBox<DocumentSection> outline = new ComboBox<>();
    private final HBox bar;
    private final VBox node;
    private final ReadOnlyObjectWrapper<SectionCitations> citations =
            new ReadOnlyObjectWrapper<>(new SectionCitations(List.of()));

    /**
     * @param document  the reference's document pane
     * @param afterJump gives the keyboard back to the desk after a jump (the labelling panel)
     */
    ReferenceOutline(DocumentPane document, Runnable afterJump) {
        this.document = document;
        this.afterJump = afterJump;
        outline.setId("referenceOutline");
        outline.setPromptText("Go to section (G)");
        outline.setFocusTraversable(false);
        outline.setVisibleRowCount(16);
        outline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(outline, Priority.ALWAYS);
        outline.setCellFactory(list -> new SectionCell(true));
        outline.setButtonCell(new SectionCell(false));
        // Up and Down on the focused list go from section to section, the pane following at once.
        outline.setOnAction(event -> {
            if (outline.getValue() != null) {
                goTo(outline.getValue());
            }
        });
        outline.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (!outline.isShowing() && (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.ESCAPE)) {
                afterJump.run();
                event.consume();
            }
        });
        outline.setOnHidden(event -> afterJump.run());
        bar = new HBox(outline);
        bar.getStyleClass().add("reference-outline");
        node = new VBox(bar, document.node());
        VBox.setVgrow(document.node(), Priority.ALWAYS);
        document.sectionsProperty().addListener((obs, old, now) -> showSections(now));
        showSections(document.sectionsProperty().get());
    }

    /** The pane with its outline bar, for the reference host. */
    Node node() {
        return node;
    }

    /**
     * Builds the reference's styled model: rendered when it is Markdown (the rule is
     * {@link MarkdownDetector}), as written otherwise. Safe off the FX thread.
     */
    static DocumentPane.Prepared prepare(String text, Collection<int[]> rawExcerptRanges) {
        if (MarkdownDetector.isMarkdown(text)) {
            return DocumentPane.prepare(new MarkdownRenderer().render(text), rawExcerptRanges);
        }
        return DocumentPane.prepare(text, rawExcerptRanges);
    }

    /** Finds citations of the shown reference's sections; changes when another reference is shown. */
    ReadOnlyObjectProperty<SectionCitations> citations() {
        return citations.getReadOnlyProperty();
    }

    /** Scrolls the reference to a section, its heading at the top. */
    void goTo(DocumentSection section) {
        document.showParagraph(section.paragraph());
    }

    /** Gives the section list the keyboard: Up and Down go through the sections, Enter or Esc return. */
    void open() {
        if (bar.isVisible()) {
            outline.requestFocus();
        }
    }

    private void showSections(List<DocumentSection> sections) {
        outline.getItems().setAll(sections);
        outline.setValue(null);
        bar.setVisible(!sections.isEmpty());
        bar.setManaged(!sections.isEmpty());
        citations.set(new SectionCitations(sections));
    }

    /** A section in the list, indented by its depth (headings bold); the button shows the last one gone to. */
    private final class SectionCell extends ListCell<DocumentSection> {

        private final boolean inList;

        SectionCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(DocumentSection section, boolean empty) {
            super.updateItem(section, empty);
            getStyleClass().remove("outline-heading");
            if (!inList) {
                setText(section == null || empty ? outline.getPromptText() : section.title());
                return;
            }
            if (empty || section == null) {
                setText(null);
                return;
            }
            setText(section.title());
            // Choosing the section shown already is no change of value: go there again all the same.
            setOnMouseClicked(event -> {
                if (getItem() != null && getItem() == outline.getValue()) {
                    goTo(getItem());
                }
            });
            setPadding(new javafx.geometry.Insets(2, 8, 2, 8 + 16 * section.depth()));
            if (section.heading()) {
                getStyleClass().add("outline-heading");
            }
        }
    }
}
