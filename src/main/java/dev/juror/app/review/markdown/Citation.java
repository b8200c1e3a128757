package dev.juror.app.review.markdown;

/** Characters {@code [start, end)} of a comment that cite a section of the reference. */
public record Citation(int start, int end, DocumentSection section) {
}
