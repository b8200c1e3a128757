package dev.juror.judge.run;

import java.util.AbstractList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The items of a {@link JudgePlan}, known by their rollout ids from the start, their content (the
 * sample's documents, the prediction) possibly loaded only when a call needs it. A plan read from a
 * workspace defers loading, so the first judge call leaves as soon as its own item is read, not after
 * every item of a large run was; {@link #of(List)} wraps items already in memory.
 *
 * <p>{@link #get} may be slow (it may read a store) and is called from the run's worker threads;
 * implementations load each item at most once.
 */
public abstract class PlanItems extends AbstractList<RunItem> {

    /** Candidate A's rollout (the rollout, pointwise), without loading the item. */
    public abstract long rolloutId(int index);

    /** Candidate B's rollout (pairwise), without loading the item. */
    public abstract OptionalLong rolloutBId(int index);

    /** The key of an item's result for one repeat, without loading the item ({@link RunItem#key(int)}). */
    public final String key(int index, int repeat) {
        return RunResult.key(rolloutId(index), rolloutBId(index), repeat);
    }

    /**
     * Lets go of a loaded item a sequential reader is done with (a batch run writes tens of thousands of
     * records and keeps none of them); a later {@link #get} loads it again. Items in memory stay.
     */
    public void release(int index) {
    }

    /**
     * The item with its candidates but without the sample's documents (empty), not kept: for a reader
     * that only parses answers and hashes predictions (a batch run joining its output), where loading
     * the documents of every item again would cost more than the rest. Items in memory are returned as they are.
     */
    public RunItem withoutDocuments(int index) {
        return get(index);
    }

    /** {@link #withoutDocuments(int)} for several items at once (a store reads them together), by index. */
    public java.util.Map<Integer, RunItem> withoutDocuments(java.util.Collection<Integer> indices) {
        java.util.Map<Integer, RunItem> items = new java.util.HashMap<>();
        indices.forEach(index -> items.put(index, withoutDocuments(index)));
        return items;
    }

    /** Items already in memory. */
    public static PlanItems of(List<RunItem> items) {
        return new InMemory(List.copyOf(items));
    }

    private static final class InMemory extends PlanItems {
        private final List<RunItem> items;

        private InMemory(List<RunItem> items) {
            this.items = items;
        }

        @Override
        public long rolloutId(int index) {
            return items.get(index).rolloutId();
        }

        @Override
        public OptionalLong rolloutBId(int index) {
            return items.get(index).rolloutBId();
        }

        @Override
        public RunItem get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
