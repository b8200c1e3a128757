package dev.juror.app.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A read-only, virtualised document view (RichTextFX): only visible paragraphs are laid out, so a
 * 300 KB contract opens at once. Located excerpts are shaded; the selected one is highlighted and
 * scrolled to the middle of the view.
 */
final class DocumentPane {

    static final String EXCERPT = "excerpt";
    static final String SELECTED = "excerpt-selected";

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
    private List<int[]> marks = List.of();
    private int[] selected;

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

    StyleClassedTextArea area() {
        return area;
    }

    /** Shows a document (nothing happens when it is already shown) with its excerpt ranges shaded. */
    void show(String text, Collection<int[]> excerptRanges) {
        if (!area.getText().equals(text)) {
            area.replaceText(text);
            area.moveTo(0);
            area.showParagraphAtTop(0);
        }
        marks = List.copyOf(excerptRanges);
        selected = null;
        restyle();
    }

    /** Highlights one range and scrolls to it; {@code null} clears the highlight. */
    void select(int start, int end) {
        int length = area.getLength();
        selected = start >= 0 && end > start && end <= length ? new int[] {start, end} : null;
        restyle();
        if (selected != null) {
            // Contracts often hold whole sections in one paragraph, so scroll to the excerpt's own
            // line (the caret), not to its paragraph: first the end, then the start, so a short
            // excerpt ends up wholly in view.
            area.moveTo(end);
            area.requestFollowCaret();
            area.layout();
            area.moveTo(start);
            area.requestFollowCaret();
        }
    }

    void clearSelection() {
        selected = null;
        restyle();
    }

    private void restyle() {
        int length = area.getLength();
        if (length == 0) {
            return;
        }
        area.setStyleSpans(0, spans(length));
    }

    /** One span per stretch of equal style, computed from the range boundaries. */
    private StyleSpans<Collection<String>> spans(int length) {
        List<int[]> ranges = new ArrayList<>();
        for (int[] mark : marks) {
            if (mark[0] >= 0 && mark[1] <= length && mark[1] > mark[0]) {
                ranges.add(mark);
            }
        }
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        ranges.forEach(r -> {
            cuts.add(r[0]);
            cuts.add(r[1]);
        });
        if (selected != null) {
            cuts.add(selected[0]);
            cuts.add(selected[1]);
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            builder.add(styleAt(from, ranges), to - from);
            from = to;
        }
        return builder.create();
    }

    private Collection<String> styleAt(int offset, List<int[]> ranges) {
        if (selected != null && offset >= selected[0] && offset < selected[1]) {
            return List.of(SELECTED);
        }
        for (int[] range : ranges) {
            if (offset >= range[0] && offset < range[1]) {
                return List.of(EXCERPT);
            }
        }
        return List.of();
    }
}
