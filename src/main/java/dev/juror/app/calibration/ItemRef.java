package dev.juror.app.calibration;

import java.util.Optional;

/**
 * One calibration item as the review desk finds it: a comment ({@code position} >= 0) or the whole
 * response ({@code -1}) of rollout {@code rolloutIndex} of a sample, with the judge run whose
 * disagreement it is ({@code runId} 0: none), so the desk's judge panel shows that run.
 */
public record ItemRef(String sampleId, int rolloutIndex, int position, long runId) {

    public ItemRef(String sampleId, int rolloutIndex, int position) {
        this(sampleId, rolloutIndex, position, 0);
    }

    /** The same item with the judge run named {@code run} ("run-7" or "7"); unchanged when it names none. */
    public ItemRef withRun(String run) {
        String digits = run == null ? "" : run.strip().startsWith("run-") ? run.strip().substring(4) : run.strip();
        try {
            return new ItemRef(sampleId, rolloutIndex, position, Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return this;
        }
    }

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
