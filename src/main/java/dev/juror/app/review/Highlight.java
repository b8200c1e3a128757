package dev.juror.app.review;

/** The excerpt to show: which document and which characters. */
public record Highlight(Document document, int start, int end) {

    public enum Document { TARGET, REFERENCE }
}
