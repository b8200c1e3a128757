package dev.juror.dataset;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an excerpt was found; see {@link ExcerptLocator}. JSON names are lower-case. */
public enum MatchStatus {
    /** the excerpt (stripped of surrounding whitespace) occurs verbatim in the target */
    EXACT,
    /** it occurs in the target once whitespace, quotes, dashes, case, line-end hyphenation and ellipses are normalised */
    NORMALIZED,
    /** a window of the target is similar enough (at least the threshold) */
    FUZZY,
    /** not in the target, but in the reference: offsets refer to the reference document */
    IN_REFERENCE,
    /** neither; offsets are -1 */
    NOT_FOUND;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the excerpt was located in the target document. */
    public boolean inTarget() {
        return this == EXACT || this == NORMALIZED || this == FUZZY;
    }
}
