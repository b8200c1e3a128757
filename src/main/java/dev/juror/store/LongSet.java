package dev.juror.store;

import java.util.Arrays;

/**
 * A set of longs by open addressing: the record keys of a run (a million of them is 16 MB here,
 * against some 60 MB as a {@code HashSet<Long>}). Not thread-safe; one import uses it.
 */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = new long[1 << 12];
    private boolean hasEmptyValue;
    private int size;

    /** Adds the value; false when it was there already. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasEmptyValue;
            hasEmptyValue = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
            return true;
        }
        return false;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = (int) (mix(value) & mask);
        while (table[i] != EMPTY) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        Arrays.fill(bigger, EMPTY);
        for (long v : slots) {
            if (v != EMPTY) {
                insert(bigger, v);
            }
        }
        slots = bigger;
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    {
        Arrays.fill(slots, EMPTY);
    }
}
