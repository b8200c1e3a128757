package dev.juror.app.calibration;

import java.util.Optional;

/**
 * One calibration item as the review desk finds it: a comment ({@code position} >= 0) or the whole
 * response ({@code -1}) of rollout {@code rolloutIndex} of a sample.
 */
public record ItemRef(String sampleId, int rolloutIndex, int position) {

    /** Parses a calibration item key {@code sampleId/rolloutIndex/position} (sample ids may hold '/'). */
    public static Optional<ItemRef> parse(String itemKey) {
        int last = itemKey.lastIndexOf('/');
        int middle = last <= 0 ? -1 : itemKey.lastIndexOf('/', last - 1);
        if (middle <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ItemRef(itemKey.substring(0, middle),
                    Integer.parseInt(itemKey.substring(middle + 1, last)), Integer.parseInt(itemKey.substring(last + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
