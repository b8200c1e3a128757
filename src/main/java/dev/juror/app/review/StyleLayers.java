package dev.juror.app.review;

import dev.juror.app.review.markdown.StyledRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The style of each character of a shown document: its own style (a rendered Markdown heading, bold
 * text; none for plain text) with the excerpt shading laid over it. Restyling a range after a
 * selection keeps the document's own styles.
 */
final class StyleLayers {

    static final StyleLayers NONE = new StyleLayers(List.of());

    private final List<StyledRun> base;
    private final int[] starts;

    StyleLayers(List<StyledRun> base) {
        this.base = List.copyOf(base);
        this.starts = base.stream().mapToInt(StyledRun::start).toArray();
    }

    /** One span per stretch of equal style between {@code from} and {@code to}. */
    StyleSpans<Collection<String>> spans(int from, int to, List<int[]> marks, int[] selected) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        for (int[] range : marks) {
            addCuts(cuts, range[0], range[1], from, to);
        }
        if (selected != null) {
            addCuts(cuts, selected[0], selected[1], from, to);
        }
        for (int i = Math.max(0, runAt(from)); i < base.size() && base.get(i).start() < to; i++) {
            addCuts(cuts, base.get(i).start(), base.get(i).end(), from, to);
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Integer start = cuts.first();
        for (Integer end : cuts.tailSet(start, false)) {
            builder.add(styleAt(start, marks, selected), end - start);
            start = end;
        }
        return builder.create();
    }

    private static void addCuts(TreeSet<Integer> cuts, int start, int end, int from, int to) {
        if (start > from && start < to) {
            cuts.add(start);
        }
        if (end > from && end < to) {
            cuts.add(end);
        }
    }

    /** The index of the last run starting at or before {@code offset}, or -1. */
    private int runAt(int offset) {
        int found = java.util.Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private Collection<String> styleAt(int offset, List<int[]> marks, int[] selected) {
        List<String> styles = new ArrayList<>(2);
        int run = runAt(offset);
        if (run >= 0 && offset < base.get(run).end()) {
            styles.addAll(base.get(run).styles());
        }
        if (selected != null && offset >= selected[0] && offset < selected[1]) {
            styles.add(DocumentPane.SELECTED);
        } else {
            for (int[] range : marks) {
                if (offset >= range[0] && offset < range[1]) {
                    styles.add(DocumentPane.EXCERPT);
                    break;
                }
            }
        }
        return styles.isEmpty() ? List.of() : List.copyOf(styles);
    }
}
