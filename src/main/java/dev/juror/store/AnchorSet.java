package dev.juror.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A frozen anchor set as stored, with counts over its label rows.
 *
 * @param rubricVersion the rubric file's version when the set was frozen, {@code ""} if unknown
 * @param labels        label rows in the set (one per labeller and item)
 * @param items         distinct items (one dimension of one comment)
 * @param labellers     distinct labellers
 */
public record AnchorSet(long id, String name, String rubricName, String rubricVersion, Instant frozenAt, String note,
                        int labels, int items, int labellers) {

    /** The UTC day the set was frozen, as {@code 2026-11-28}. */
    public String frozenOn() {
        return LocalDate.ofInstant(frozenAt, ZoneOffset.UTC).toString();
    }
}
