package dev.juror.app.review;

import dev.juror.app.review.markdown.DocumentSection;
import dev.juror.app.review.markdown.OffsetMap;
import dev.juror.app.review.markdown.RenderedDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * A read-only, virtualised document view (RichTextFX): only visible paragraphs are laid out, so a
 * 300 KB contract opens at once. Located excerpts are shaded; the selected one is highlighted and
 * scrolled into view.
 *
 * <p>The styled document model is built off the FX thread ({@link #prepare}); the FX thread only
 * swaps it in ({@link #show}) and restyles the few characters whose style changes on selection.
 *
 * <p>A rendered Markdown document ({@link #prepare(RenderedDocument, Collection)}) is shown with its
 * own styles; excerpt ranges, located in the raw text, are translated to the rendered text through
 * its {@link OffsetMap}, both when shaded and when selected.
 */
final class DocumentPane {

    static final String EXCERPT = "excerpt";
    static final String SELECTED = "excerpt-selected";
    static final String TARGET = "md-target";
    private static final Collection<String> PLAIN = List.of();

    /**
     * A document with its excerpt shading, ready to be shown. Immutable; built on any thread.
     *
     * @param offsets  raw to rendered offsets of a rendered Markdown document; null when the text is shown as written
     * @param sections the headings and numbered clauses of a rendered document; empty for plain text
     */
    record Prepared(String text, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document,
                    List<int[]> marks, StyleLayers layers, OffsetMap offsets, List<DocumentSection> sections) {
    }

    private final StyleClassedTextArea area = new StyleClassedTextArea(false);
    private final VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
    private final ReadOnlyObjectWrapper<List<DocumentSection>> sections = new ReadOnlyObjectWrapper<>(List.of());
    private String shownText = "";
    private List<int[]> marks = List.of();
    private StyleLayers layers = StyleLayers.NONE;
    private OffsetMap offsets;
    private int[] selected;
    private int tinted = -1;

    DocumentPane(String id) {
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("document-area");
        scroll.getStyleClass().add("document-scroll");
    }

    Node node() {
        return scroll;
    }

    /** The sections of the shown document (headings, numbered clauses); empty for plain text. */
    ReadOnlyObjectProperty<List<DocumentSection>> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    /** Builds the styled model of a document shown as written, its excerpt ranges shaded. Safe off the FX thread. */
    static Prepared prepare(String text, Collection<int[]> excerptRanges) {
        List<int[]> marks = valid(excerptRanges, text.length());
        String[] paragraphs = text.split("\n", -1);
        SegmentOps<String, Collection<String>> ops = SegmentOps.styledTextOps();
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document =
                ReadOnlyStyledDocumentBuilder.constructDocument(ops, PLAIN, paragraphs.length, builder -> {
                    int start = 0;
                    for (String paragraph : paragraphs) {
                        int end = start + paragraph.length();
                        // Paragraph styles cover the paragraph's own characters, not the line break.
                        builder.addParagraph(paragraph, paragraph.isEmpty()
                                ? StyleSpans.singleton(PLAIN, 0) : StyleLayers.NONE.spans(start, end, marks, null));
                        start = end + 1;
                    }
                });
        return new Prepared(text, document, marks, StyleLayers.NONE, null, List.of());
    }

    /** Builds the styled model of a rendered Markdown document; the excerpt ranges are raw offsets. Safe off the FX thread. */
    static Prepared prepare(RenderedDocument rendered, Collection<int[]> rawExcerptRanges) {
        String text = rendered.text();
        List<int[]> marks = rawExcerptRanges.stream()
                .flatMap(r -> rendered.offsets().toRendered(r[0], r[1]).stream()).toList();
        StyleLayers layers = new StyleLayers(rendered.runs());
        String[] paragraphs = text.split("\n", -1);
        SegmentOps<String, Collection<String>> ops = SegmentOps.styledTextOps();
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document =
                ReadOnlyStyledDocumentBuilder.constructDocument(ops, PLAIN, paragraphs.length, builder -> {
                    int start = 0;
                    for (int i = 0; i < paragraphs.length; i++) {
                        int end = start + paragraphs[i].length();
                        builder.addParagraph(paragraphs[i], paragraphs[i].isEmpty() ? StyleSpans.singleton(PLAIN, 0)
                                : layers.spans(start, end, marks, null), rendered.paragraphStyles().get(i));
                        start = end + 1;
                    }
                });
        return new Prepared(text, document, marks, layers, rendered.offsets(), rendered.sections());
    }

    /** Shows a prepared document; when the same text is already shown only the shading changes. */
    void show(Prepared prepared) {
        int[] oldSelected = selected;
        selected = null;
        if (!shownText.equals(prepared.text())) {
            tinted = -1; // the tinted paragraph goes with the old document
            area.replace(0, area.getLength(), prepared.document());
            shownText = prepared.text();
            marks = prepared.marks();
            layers = prepared.layers();
            offsets = prepared.offsets();
            sections.set(prepared.sections());
            area.moveTo(0);
            area.showParagraphAtTop(0);
            return;
        }
        List<int[]> changed = new ArrayList<>(marks);
        changed.addAll(prepared.marks());
        if (oldSelected != null) {
            changed.add(oldSelected);
        }
        marks = prepared.marks();
        changed.forEach(this::restyle);
    }

    /**
     * The passage the user selected (mouse, or Shift with the arrow keys), as offsets into the document
     * as stored; empty when nothing is selected or the document is shown rendered (Markdown), whose
     * offsets are not the stored text's.
     */
    java.util.Optional<int[]> userSelection() {
        javafx.scene.control.IndexRange range = area.getSelection();
        if (offsets != null || range.getLength() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new int[] {range.getStart(), range.getEnd()});
    }

    /** Highlights one range (offsets into the document as stored, raw Markdown included) and scrolls to it. */
    void select(int rawStart, int rawEnd) {
        int start = rawStart;
        int end = rawEnd;
        if (offsets != null) {
            int[] shown = offsets.toRendered(rawStart, rawEnd).orElse(new int[] {-1, -1});
            start = shown[0];
            end = shown[1];
        }
        int[] old = selected;
        selected = start >= 0 && end > start && end <= area.getLength() ? new int[] {start, end} : null;
        if (old != null) {
            restyle(old);
        }
        if (selected == null) {
            return;
        }
        restyle(selected);
        // Contracts often hold whole sections in one paragraph, so scroll to the excerpt's own line
        // (the caret), not to its paragraph, then put that line a quarter down the view, so the
        // excerpt and some context above it are in view.
        area.moveTo(start);
        area.requestFollowCaret();
        area.layout();
        area.getCaretBounds().ifPresent(caret -> {
            var view = area.localToScreen(area.getBoundsInLocal());
            if (view != null) {
                area.scrollYBy(caret.getMinY() - (view.getMinY() + view.getHeight() / 4));
            }
        });
    }

    /**
     * Scrolls a paragraph (a heading) to the top of the view, puts the caret on it and tints it, so
     * the reader sees where the jump landed (also when it is near the end and cannot reach the top).
     */
    void showParagraph(int paragraph) {
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            return;
        }
        untint();
        List<String> styles = new ArrayList<>(area.getParagraph(paragraph).getParagraphStyle());
        styles.add(TARGET);
        area.setParagraphStyle(paragraph, styles);
        tinted = paragraph;
        area.moveTo(paragraph, 0);
        area.showParagraphAtTop(paragraph);
    }

    private void untint() {
        if (tinted >= 0 && tinted < area.getParagraphs().size()) {
            List<String> styles = new ArrayList<>(area.getParagraph(tinted).getParagraphStyle());
            styles.remove(TARGET);
            area.setParagraphStyle(tinted, styles);
        }
        tinted = -1;
    }

    void clearSelection() {
        int[] old = selected;
        selected = null;
        if (old != null) {
            restyle(old);
        }
    }

    /** Re-applies the style of one range from the current marks and selection. */
    private void restyle(int[] range) {
        int length = area.getLength();
        int from = Math.max(0, range[0]);
        int to = Math.min(length, range[1]);
        if (to > from) {
            area.setStyleSpans(from, layers.spans(from, to, marks, selected));
        }
    }

    private static List<int[]> valid(Collection<int[]> ranges, int length) {
        return ranges.stream().filter(r -> r[0] >= 0 && r[1] <= length && r[1] > r[0]).toList();
    }
}
