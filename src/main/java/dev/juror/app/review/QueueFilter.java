package dev.juror.app.review;

/** Which rollouts the queue holds. */
public enum QueueFilter {
    UNLABELLED_BY_ME("Unlabelled by me"),
    ALL("All rollouts"),
    FLAGGED("Flagged"),
    /** items where two labellers gave different scores (empty until two people have labelled) */
    DISAGREEMENTS("Disagreements"),
    /** items labellers disagree on, or where the judge is far from their consensus, not adjudicated yet */
    NEEDS_ADJUDICATION("Needs adjudication");

    private final String label;

    QueueFilter(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
