package dev.juror.watch;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;

/**
 * Puts reward records without a step on training steps (the Nova contract sends no step number).
 * <ul>
 *   <li>{@link Placement#TIMESTAMP}, when the run has the trainer's metrics with times: a step's
 *       metrics are logged when it ends, so a record belongs to the first step that ended at or after
 *       it; a record after the last logged step belongs to the step after it (still running).</li>
 *   <li>{@link Placement#INVOCATION_ORDER}, else, with the calls per step: records in timestamp order,
 *       the first {@code N} on step 1, the next {@code N} on step 2, and so on.</li>
 * </ul>
 * Steps are numbered from 1, as the trainers number them.
 */
public final class StepPlacer {

    private StepPlacer() {
    }

    /** Which method places a run's records: its metrics' step times when there are any, else the order. */
    public static Placement choose(NavigableMap<Integer, Instant> stepEnds, OptionalInt callsPerStep,
                                   long recordsWithoutStep) {
        if (recordsWithoutStep == 0) {
            return Placement.RECORD;
        }
        if (!stepEnds.isEmpty()) {
            return Placement.TIMESTAMP;
        }
        if (callsPerStep.isPresent()) {
            return Placement.INVOCATION_ORDER;
        }
        throw new WatchInputException(recordsWithoutStep + " reward records carry no step and the run has neither "
                + "training metrics with times nor calls per step: import the trainer's metrics first, or give "
                + "--calls-per-step N (or --bundle DIR, whose training-overrides.json says it)");
    }

    /**
     * The step of each record by timestamp; {@code times} in epoch microseconds, in any order.
     *
     * @throws WatchInputException if a later step ended before an earlier one (steps out of order)
     */
    public static int[] byTimestamp(long[] times, NavigableMap<Integer, Instant> stepEnds) {
        int n = stepEnds.size();
        int[] steps = new int[n];
        long[] ends = new long[n];
        int i = 0;
        Map.Entry<Integer, Instant> previous = null;
        for (Map.Entry<Integer, Instant> e : stepEnds.entrySet()) {
            if (previous != null && !e.getValue().isAfter(previous.getValue())) {
                throw new WatchInputException("steps out of order in the training metrics: step " + e.getKey()
                        + " was logged at " + e.getValue() + ", not after step " + previous.getKey() + " at "
                        + previous.getValue());
            }
            steps[i] = e.getKey();
            ends[i] = micros(e.getValue());
            previous = e;
            i++;
        }
        int[] placed = new int[times.length];
        for (int r = 0; r < times.length; r++) {
            int at = Arrays.binarySearch(ends, times[r]);
            int index = at >= 0 ? at : -at - 1;
            placed[r] = index < n ? steps[index] : steps[n - 1] + 1;
        }
        return placed;
    }

    /** The step of the record at each position of invocation order (0 = first). */
    public static int byOrder(long position, int callsPerStep) {
        if (callsPerStep <= 0) {
            throw new IllegalArgumentException("calls per step must be > 0: " + callsPerStep);
        }
        return Math.toIntExact(position / callsPerStep + 1);
    }

    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
