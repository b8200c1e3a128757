package dev.juror.app.review.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.SourceSpan;

/**
 * Accumulates the rendered text: paragraphs with their style classes, styled stretches from a stack
 * of inline styles (emphasis inside a heading is both), and where each raw character went.
 */
final class RenderedTextBuilder {

    /** How far past a literal's character the raw text may hold markup that is not shown (an escape, an entity). */
    private static final int MAX_SKIP = 12;

    private final String raw;
    private final StringBuilder text = new StringBuilder();
    private final List<List<String>> paragraphStyles = new ArrayList<>();
    private final List<StyledRun> runs = new ArrayList<>();
    private final Deque<String> inline = new ArrayDeque<>();
    private final OffsetMap offsets;

    RenderedTextBuilder(String raw) {
        this.raw = raw;
        this.offsets = new OffsetMap(raw.length());
    }

    /** Starts a new paragraph (line) with these style classes. */
    void paragraph(List<String> styles) {
        if (!paragraphStyles.isEmpty()) {
            text.append('\n');
        }
        paragraphStyles.add(List.copyOf(styles));
    }

    int paragraphCount() {
        return paragraphStyles.size();
    }

    int length() {
        return text.length();
    }

    String text(int from, int to) {
        return text.substring(from, to);
    }

    void pushStyle(String style) {
        inline.push(style);
    }

    void popStyle() {
        inline.pop();
    }

    /** Text that is not in the raw document (a bullet, a space for a joined line, table padding). */
    void appendShown(String shown, String... extraStyles) {
        int start = text.length();
        text.append(shown);
        addRun(start, text.length(), extraStyles);
    }

    /**
     * Text that comes from the raw document: each character is matched to the next equal raw character
     * inside the node's source spans, so escapes and entities (written longer than shown) are skipped.
     */
    void appendLiteral(String literal, List<SourceSpan> spans) {
        int start = text.length();
        text.append(literal);
        addRun(start, text.length());
        if (spans.isEmpty()) {
            return;
        }
        int span = 0;
        int rawAt = spans.get(0).getInputIndex();
        for (int i = 0; i < literal.length() && span < spans.size(); i++) {
            char c = literal.charAt(i);
            int[] found = find(c, spans, span, rawAt);
            if (found != null) {
                offsets.map(found[1], start + i);
                span = found[0];
                rawAt = found[1] + 1;
            }
        }
    }

    /** The span and raw index of the next raw {@code c} within {@link #MAX_SKIP} characters, or null. */
    private int[] find(char c, List<SourceSpan> spans, int span, int rawAt) {
        int skipped = 0;
        for (int s = span; s < spans.size() && skipped <= MAX_SKIP; s++) {
            SourceSpan current = spans.get(s);
            int from = s == span ? rawAt : current.getInputIndex();
            int end = Math.min(raw.length(), current.getInputIndex() + current.getLength());
            for (int r = from; r < end && skipped <= MAX_SKIP; r++, skipped++) {
                if (raw.charAt(r) == c) {
                    return new int[] {s, r};
                }
            }
        }
        return null;
    }

    private void addRun(int start, int end, String... extraStyles) {
        if (end <= start) {
            return;
        }
        List<String> styles = new ArrayList<>(inline);
        java.util.Collections.reverse(styles);
        styles.addAll(List.of(extraStyles));
        if (styles.isEmpty()) {
            return;
        }
        StyledRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.end() == start && last.styles().equals(styles)) {
            runs.set(runs.size() - 1, new StyledRun(last.start(), end, styles));
        } else {
            runs.add(new StyledRun(start, end, styles));
        }
    }

    RenderedDocument build(List<DocumentSection> sections) {
        if (paragraphStyles.isEmpty()) {
            paragraphStyles.add(List.of());
        }
        return new RenderedDocument(text.toString(), paragraphStyles, runs, offsets, sections);
    }
}
