package dev.juror.store;

import dev.juror.watch.StepPlacer;
import java.time.Instant;
import java.util.Arrays;

/**
 * The records of a run to place on steps, in invocation order, as three parallel arrays (a run of a
 * million records is 20 MB here, not a million objects): id, time in epoch microseconds, and the
 * step stored now (-1: none).
 */
public final class PlacementKeys {

    private final long[] ids;
    private final long[] times;
    private final int[] steps;

    private PlacementKeys(long[] ids, long[] times, int[] steps) {
        this.ids = ids;
        this.times = times;
        this.steps = steps;
    }

    public int size() {
        return ids.length;
    }

    long id(int i) {
        return ids[i];
    }

    int step(int i) {
        return steps[i];
    }

    /** The times, epoch microseconds, in invocation order (a copy). */
    public long[] times() {
        return times.clone();
    }

    static final class Builder {
        private long[] ids = new long[1024];
        private long[] times = new long[1024];
        private int[] steps = new int[1024];
        private int size;

        void add(long id, Instant time, int step) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                times = Arrays.copyOf(times, size * 2);
                steps = Arrays.copyOf(steps, size * 2);
            }
            ids[size] = id;
            times[size] = StepPlacer.micros(time);
            steps[size] = step;
            size++;
        }

        /** The keys in invocation order: by time, then by id (import order). */
        PlacementKeys build() {
            if (inOrder()) { // the usual case: records imported in the order they were logged
                return new PlacementKeys(Arrays.copyOf(ids, size), Arrays.copyOf(times, size),
                        Arrays.copyOf(steps, size));
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b])
                    : Long.compare(ids[a], ids[b]));
            long[] sortedIds = new long[size];
            long[] sortedTimes = new long[size];
            int[] sortedSteps = new int[size];
            for (int i = 0; i < size; i++) {
                sortedIds[i] = ids[order[i]];
                sortedTimes[i] = times[order[i]];
                sortedSteps[i] = steps[order[i]];
            }
            return new PlacementKeys(sortedIds, sortedTimes, sortedSteps);
        }

        private boolean inOrder() {
            for (int i = 1; i < size; i++) {
                if (times[i] < times[i - 1] || times[i] == times[i - 1] && ids[i] < ids[i - 1]) {
                    return false;
                }
            }
            return true;
        }
    }
}
