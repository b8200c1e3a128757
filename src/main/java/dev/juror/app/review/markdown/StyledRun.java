package dev.juror.app.review.markdown;

import java.util.List;

/** A stretch {@code [start, end)} of the rendered text drawn with the given style classes. */
public record StyledRun(int start, int end, List<String> styles) {

    public StyledRun {
        styles = List.copyOf(styles);
    }
}
