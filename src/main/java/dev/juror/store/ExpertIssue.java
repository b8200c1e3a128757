package dev.juror.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issue an expert says the model should have raised: a passage of the sample's target document
 * ({@code start}..{@code end}, character offsets), their comment, its type and severity.
 *
 * @param id        0 before it is stored
 * @param createdAt null before it is stored
 */
public record ExpertIssue(long id, String uid, String sampleId, String labeller, int start, int end, String passage,
                          String comment, String type, String severity, Instant createdAt) {

    /** The severities an expert chooses from, mildest first. */
    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

    public ExpertIssue {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(labeller, "labeller");
        uid = uid == null ? "" : uid;
        passage = passage == null ? "" : passage;
        if (labeller.isBlank()) {
            throw new IllegalArgumentException("a missed issue needs the expert's name");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("select the passage of the contract the issue is about first");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("say what the model should have raised (the comment is empty)");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("give the issue a type (for example termination, liability)");
        }
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be one of " + String.join(", ", SEVERITIES)
                    + ", was " + severity);
        }
        comment = comment.strip();
        type = type.strip();
    }

    /** One not stored yet. */
    public static ExpertIssue of(String sampleId, String labeller, int start, int end, String passage, String comment,
                                 String type, String severity) {
        return new ExpertIssue(0, "", sampleId, labeller, start, end, passage, comment, type, severity, null);
    }

    /** Whether a span of the target ({@code from}..{@code to}) overlaps this issue's passage. */
    public boolean overlaps(int from, int to) {
        return from < end && to > start;
    }
}
