package dev.juror.dataset;

/**
 * Where an excerpt is.
 *
 * @param status     how it was found
 * @param start      first character, in the ORIGINAL text of the target document (of the reference
 *                   document for {@link MatchStatus#IN_REFERENCE}); -1 when not found
 * @param end        one past the last character (exclusive); -1 when not found
 * @param similarity 1.0 for exact and normalised matches, the window's similarity for fuzzy matches,
 *                   and for {@code not_found} the best similarity seen (0.0 when no window came close)
 * @param reason     why it was not found, or empty
 */
public record Location(MatchStatus status, int start, int end, double similarity, String reason) {

    public Location {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        if (Double.isNaN(similarity)) {
            similarity = 0.0;
        }
        similarity = Math.max(0.0, Math.min(1.0, similarity));
        reason = reason == null ? "" : reason;
    }

    static Location found(MatchStatus status, int start, int end, double similarity) {
        return new Location(status, start, end, similarity, "");
    }

    static Location notFound(double bestSimilarity, String reason) {
        return new Location(MatchStatus.NOT_FOUND, -1, -1, bestSimilarity, reason);
    }

    public boolean isFound() {
        return status != MatchStatus.NOT_FOUND;
    }
}
