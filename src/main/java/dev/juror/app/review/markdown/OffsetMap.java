package dev.juror.app.review.markdown;

import java.util.Optional;

/**
 * Where each character of the raw Markdown ended up in the rendered text. Excerpts are located in
 * the raw text (the judge and the locator see the file as written), so their ranges are translated
 * here before they are shaded. Characters that are not shown (markers such as {@code **}, {@code #},
 * {@code >}) have no place; a range is shown from its first to its last shown character.
 */
public final class OffsetMap {

    private static final int NOT_SHOWN = -1;

    private final int[] rawToRendered;

    OffsetMap(int rawLength) {
        rawToRendered = new int[rawLength];
        java.util.Arrays.fill(rawToRendered, NOT_SHOWN);
    }

    void map(int raw, int rendered) {
        if (raw >= 0 && raw < rawToRendered.length) {
            rawToRendered[raw] = rendered;
        }
    }

    /** The rendered place of one raw character, or -1 when it is not shown. */
    public int rendered(int raw) {
        return raw >= 0 && raw < rawToRendered.length ? rawToRendered[raw] : NOT_SHOWN;
    }

    /** The rendered range {@code [start, end)} showing the raw range, or empty when none of it is shown. */
    public Optional<int[]> toRendered(int rawStart, int rawEnd) {
        int from = Math.max(0, rawStart);
        int to = Math.min(rawToRendered.length, rawEnd);
        int first = NOT_SHOWN;
        for (int i = from; i < to && first == NOT_SHOWN; i++) {
            first = rawToRendered[i];
        }
        int last = NOT_SHOWN;
        for (int i = to - 1; i >= from && last == NOT_SHOWN; i--) {
            last = rawToRendered[i];
        }
        if (first == NOT_SHOWN || last < first) {
            return Optional.empty();
        }
        return Optional.of(new int[] {first, last + 1});
    }
}
