package dev.juror.rubric;

/**
 * How dimension scores combine. Comment score = weighted mean of the dimension scores; sample
 * score = mean of the comment scores. With {@code dealBreakerFloor}, a deal-breaker dimension at
 * its minimum (or {@code fail}) floors the comment score to the scale minimum; in pairwise mode a
 * non-tie verdict on a deal-breaker dimension decides the winner.
 */
public record Aggregation(CommentMethod commentScore, SampleMethod sampleScore, boolean dealBreakerFloor) {

    public static final Aggregation DEFAULT = new Aggregation(CommentMethod.WEIGHTED_MEAN, SampleMethod.MEAN, false);

    /** The only comment method so far; named in the file so a reader sees the arithmetic. */
    public enum CommentMethod {
        WEIGHTED_MEAN;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The only sample method so far. */
    public enum SampleMethod {
        MEAN;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
