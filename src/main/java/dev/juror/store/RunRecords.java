package dev.juror.store;

import dev.juror.store.blocks.BlockCodec;
import dev.juror.store.blocks.EncodedBlock;
import dev.juror.store.blocks.Packed;
import dev.juror.store.blocks.RecordColumns;
import dev.juror.watch.RecordKeys;
import dev.juror.watch.RewardRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One import's view of a run's reward records: what is stored (read from the blocks' identity
 * columns only: key, import position, time, flags), the new records (kept in memory until the
 * import's placement is known), and where each record lands. Only the steps whose records changed are
 * written again ({@link #write}): a file imported twice writes nothing, a metrics file that moves
 * records rewrites the steps they leave and join.
 *
 * <p>Records are numbered stored first (block by block, step ascending), then new ones in file order.
 */
public final class RunRecords {

    /** Blocks encoded together, then inserted in one batch (64 blocks of 2,048 records: ~5 MB of columns). */
    private static final int SLICES_PER_CHUNK = 64;

    private final long runId;
    private final List<RewardBlocks.Identity> stored;
    private final int[] blockStart;
    private final int storedCount;
    private final LongSet known = new LongSet();
    private final RecordColumns fresh = new RecordColumns(4_096);
    private long nextSeq;
    private int count;
    private long[] time;
    private long[] seq;
    private int[] oldStep;
    private int[] newStep;
    private boolean[] own;
    private int[] unplaced = new int[0];

    RunRecords(long runId, List<RewardBlocks.Identity> stored) {
        this.runId = runId;
        this.stored = stored;
        this.blockStart = new int[stored.size() + 1];
        int n = 0;
        for (int b = 0; b < stored.size(); b++) {
            blockStart[b] = n;
            n += stored.get(b).records();
        }
        blockStart[stored.size()] = n;
        storedCount = n;
        time = new long[n + 1_024];
        seq = new long[n + 1_024];
        oldStep = new int[n + 1_024];
        newStep = new int[n + 1_024];
        own = new boolean[n + 1_024];
        for (RewardBlocks.Identity b : stored) {
            long[] keys = Packed.longs(b.keys(), b.records());
            long[] seqs = Packed.longs(b.seqs(), b.records());
            long[] times = Packed.longs(b.times(), b.records());
            byte[] flags = Packed.flags(b.flags(), b.records());
            for (int i = 0; i < b.records(); i++) {
                known.add(keys[i]);
                time[count] = times[i];
                seq[count] = seqs[i];
                nextSeq = Math.max(nextSeq, seqs[i] + 1);
                oldStep[count] = b.step();
                newStep[count] = b.step();
                own[count] = (flags[i] & RecordColumns.STEP_FROM_RECORD) != 0;
                count++;
            }
        }
    }

    /** Records stored before this import. */
    public long storedRecords() {
        return storedCount;
    }

    /** Records added by this import. */
    public long added() {
        return fresh.size();
    }

    /** Adds a record unless the run has it already (same key, {@link RecordKeys#of}); true when it was new. */
    public boolean add(RewardRecord r, long key) {
        if (!known.add(key)) {
            return false;
        }
        fresh.add(r, key, nextSeq);
        int i = fresh.size() - 1;
        if (count == time.length) {
            int c = count * 2;
            time = Arrays.copyOf(time, c);
            seq = Arrays.copyOf(seq, c);
            oldStep = Arrays.copyOf(oldStep, c);
            newStep = Arrays.copyOf(newStep, c);
            own = Arrays.copyOf(own, c);
        }
        time[count] = fresh.timeMicros(i);
        seq[count] = nextSeq++;
        oldStep[count] = -1;
        newStep[count] = fresh.step(i);
        own[count] = fresh.stepFromRecord(i);
        count++;
        return true;
    }

    /**
     * The times (epoch microseconds) of the records without a step of their own, in invocation order
     * (time, then import order): what {@code StepPlacer} places. {@link #place} takes their steps in this order.
     */
    public long[] unplacedTimes() {
        int n = 0;
        int[] order = new int[count];
        for (int g = 0; g < count; g++) {
            if (!own[g]) {
                order[n++] = g;
            }
        }
        unplaced = invocationOrder(Arrays.copyOf(order, n));
        long[] times = new long[n];
        for (int k = 0; k < n; k++) {
            times[k] = time[unplaced[k]];
        }
        return times;
    }

    /** Puts the records of {@link #unplacedTimes()} on these steps; returns how many stored records moved. */
    public long place(int[] steps) {
        if (steps.length != unplaced.length) {
            throw new IllegalArgumentException(steps.length + " steps for " + unplaced.length + " records to place");
        }
        for (int k = 0; k < steps.length; k++) {
            newStep[unplaced[k]] = steps[k];
        }
        long moved = 0;
        for (int g = 0; g < storedCount; g++) {
            if (newStep[g] != oldStep[g]) {
                moved++;
            }
        }
        return moved;
    }

    /** Writes the steps whose records changed: their blocks deleted, then written again in invocation order. */
    void write(Connection c) throws SQLException {
        Map<Integer, IntList> dirty = new TreeMap<>();
        for (int g = 0; g < count; g++) {
            if (newStep[g] < 0) {
                throw new IllegalStateException("a reward record was not placed on a step before the write");
            }
            if (newStep[g] != oldStep[g]) {
                dirty.computeIfAbsent(newStep[g], s -> new IntList());
                if (oldStep[g] >= 0) {
                    dirty.computeIfAbsent(oldStep[g], s -> new IntList());
                }
            }
        }
        if (dirty.isEmpty()) {
            return;
        }
        for (int g = 0; g < count; g++) {
            IntList records = dirty.get(newStep[g]);
            if (records != null) {
                records.add(g);
            }
        }
        // A record that moves leaves a dirty step, so every stored record to write again is in a block of a
        // dirty step: those are read whole before they are deleted.
        Map<Integer, RecordColumns> decoded = new HashMap<>();
        for (int b = 0; b < stored.size(); b++) {
            RewardBlocks.Identity id = stored.get(b);
            if (dirty.containsKey(id.step())) {
                decoded.put(b, BlockCodec.decode(RewardBlocks.block(c, runId, id.step(), id.blockIndex())));
            }
        }
        RewardBlocks.deleteSteps(c, runId, List.copyOf(dirty.keySet()));
        List<Slice> slices = new ArrayList<>();
        for (Map.Entry<Integer, IntList> step : dirty.entrySet()) {
            int[] records = invocationOrder(step.getValue().toArray());
            for (int from = 0, index = 0; from < records.length; from += BlockCodec.BLOCK_RECORDS, index++) {
                slices.add(new Slice(step.getKey(), index, records, from,
                        Math.min(records.length, from + BlockCodec.BLOCK_RECORDS)));
            }
        }
        // Encoding is most of the write and each block is independent: a chunk of blocks is encoded on
        // two threads (the caller and the common pool), then inserted in one batch.
        for (int from = 0; from < slices.size(); from += SLICES_PER_CHUNK) {
            List<Slice> chunk = slices.subList(from, Math.min(slices.size(), from + SLICES_PER_CHUNK));
            List<EncodedBlock> blocks = chunk.parallelStream().map(slice -> encode(slice, decoded)).toList();
            RewardBlocks.insert(c, runId, blocks, chunk.stream().mapToInt(Slice::index).toArray());
        }
    }

    /** Records {@code from .. to} of a step's records (in invocation order): one block, {@code index} within the step. */
    private record Slice(int step, int index, int[] records, int from, int to) {
    }

    private EncodedBlock encode(Slice slice, Map<Integer, RecordColumns> decoded) {
        RecordColumns block = new RecordColumns(slice.to() - slice.from());
        for (int k = slice.from(); k < slice.to(); k++) {
            copy(slice.records()[k], block, slice.step(), decoded);
        }
        return BlockCodec.encode(block, slice.step());
    }

    /** Copies record {@code g} into {@code block}, from the new records or its stored block (read before). */
    private void copy(int g, RecordColumns block, int step, Map<Integer, RecordColumns> decoded) {
        if (g >= storedCount) {
            block.add(fresh, g - storedCount, step);
            return;
        }
        int b = Arrays.binarySearch(blockStart, g);
        b = b >= 0 ? upperOf(b, g) : -b - 2;
        block.add(decoded.get(b), g - blockStart[b], step);
    }

    /** The last block starting at {@code g} (empty blocks do not exist, but stay safe). */
    private int upperOf(int b, int g) {
        int at = b;
        while (at + 1 < stored.size() && blockStart[at + 1] == g) {
            at++;
        }
        return at;
    }

    /** The records sorted by time, then import order; usually they already are. */
    private int[] invocationOrder(int[] records) {
        boolean sorted = true;
        for (int k = 1; k < records.length && sorted; k++) {
            sorted = before(records[k - 1], records[k]);
        }
        if (sorted) {
            return records;
        }
        Integer[] boxed = Arrays.stream(records).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Long.compare(seq[a], seq[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private boolean before(int a, int b) {
        return time[a] < time[b] || time[a] == time[b] && seq[a] < seq[b];
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
