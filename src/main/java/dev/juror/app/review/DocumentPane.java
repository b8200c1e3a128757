package dev.juror.app.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A read-only, virtualised document view (RichTextFX): only visible paragraphs are laid out, so a
 * 300 KB contract opens at once. Located excerpts are shaded; the selected one is highlighted and
 * scrolled into view.
 *
 * <p>The styled document model is built off the FX thread ({@link #prepare}); the FX thread only
 * swaps it in ({@link #show}) and restyles the few characters whose style changes on selection.
 */
final class DocumentPane {

    static final String EXCERPT = "excerpt";
    static final String SELECTED = "excerpt-selected";
    private static final Collection<String> PLAIN = List.of();

    /** A document with its excerpt shading, ready to be shown. Immutable; built on any thread. */
    record Prepared(String text, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document,
                    List<int[]> marks) {
    }

    private final StyleClassedTextArea area = new StyleClassedTextArea(false);
    private final VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
    private String shownText = "";
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

    /** Builds the styled model of a document with its excerpt ranges shaded. Safe off the FX thread. */
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
                                ? StyleSpans.singleton(PLAIN, 0) : spans(start, end, marks, null));
                        start = end + 1;
                    }
                });
        return new Prepared(text, document, marks);
    }

    /** Shows a prepared document; when the same text is already shown only the shading changes. */
    void show(Prepared prepared) {
        int[] oldSelected = selected;
        selected = null;
        if (!shownText.equals(prepared.text())) {
            area.replace(0, area.getLength(), prepared.document());
            shownText = prepared.text();
            marks = prepared.marks();
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

    /** Highlights one range and scrolls to it. */
    void select(int start, int end) {
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
            area.setStyleSpans(from, spans(from, to, marks, selected));
        }
    }

    private static List<int[]> valid(Collection<int[]> ranges, int length) {
        return ranges.stream().filter(r -> r[0] >= 0 && r[1] <= length && r[1] > r[0]).toList();
    }

    /** One span per stretch of equal style between {@code from} and {@code to}. */
    private static StyleSpans<Collection<String>> spans(int from, int to, List<int[]> marks, int[] selected) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        for (int[] range : marks) {
            addCuts(cuts, range, from, to);
        }
        if (selected != null) {
            addCuts(cuts, selected, from, to);
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Integer start = cuts.first();
        for (Integer end : cuts.tailSet(start, false)) {
            builder.add(styleAt(start, marks, selected), end - start);
            start = end;
        }
        return builder.create();
    }

    private static void addCuts(TreeSet<Integer> cuts, int[] range, int from, int to) {
        if (range[0] > from && range[0] < to) {
            cuts.add(range[0]);
        }
        if (range[1] > from && range[1] < to) {
            cuts.add(range[1]);
        }
    }

    private static Collection<String> styleAt(int offset, List<int[]> marks, int[] selected) {
        if (selected != null && offset >= selected[0] && offset < selected[1]) {
            return List.of(SELECTED);
        }
        for (int[] range : marks) {
            if (offset >= range[0] && offset < range[1]) {
                return List.of(EXCERPT);
            }
        }
        return PLAIN;
    }
}
