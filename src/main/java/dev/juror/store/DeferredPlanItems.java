package dev.juror.store;

import dev.juror.judge.run.PlanItems;
import dev.juror.judge.run.RunItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * Plan items read from the workspace when first asked for. Each sample's documents are read once;
 * rollouts are read in blocks of {@link #BLOCK} consecutive items (two queries a block instead of two
 * a rollout), the last few blocks kept, so a run that goes through its items in order reads each
 * rollout once whatever the run's size.
 */
final class DeferredPlanItems extends PlanItems {

    /** Builds an item from its sample's documents and a lookup of the rollouts it needs. */
    @FunctionalInterface
    interface ItemBuilder {
        RunItem build(int index, SampleDocuments documents, LongFunction<StoredRollout> rollouts);
    }

    static final int BLOCK = 64;
    private static final int BLOCKS_KEPT = 4;
    private static final SampleDocuments NO_DOCUMENTS = new SampleDocuments("", "", "");

    private final int size;
    private final IntFunction<Long> rolloutId;
    private final IntFunction<OptionalLong> rolloutBId;
    private final IntFunction<String> sampleId;
    private final ItemBuilder builder;
    private final RolloutRepository rollouts;
    private final Function<String, SampleDocuments> documentsOfSample;
    private final ConcurrentHashMap<Integer, RunItem> loaded = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SampleDocuments> documentsBySample = new ConcurrentHashMap<>();
    private final Map<Integer, Map<Long, StoredRollout>> blocks = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Map<Long, StoredRollout>> eldest) {
            return size() > BLOCKS_KEPT;
        }
    };

    DeferredPlanItems(int size, IntFunction<Long> rolloutId, IntFunction<OptionalLong> rolloutBId,
                      IntFunction<String> sampleId, ItemBuilder builder, RolloutRepository rollouts,
                      Function<String, SampleDocuments> documentsOfSample) {
        this.size = size;
        this.rolloutId = rolloutId;
        this.rolloutBId = rolloutBId;
        this.sampleId = sampleId;
        this.builder = builder;
        this.rollouts = rollouts;
        this.documentsOfSample = documentsOfSample;
    }

    @Override
    public long rolloutId(int index) {
        return rolloutId.apply(index);
    }

    @Override
    public OptionalLong rolloutBId(int index) {
        return rolloutBId.apply(index);
    }

    @Override
    public RunItem get(int index) {
        java.util.Objects.checkIndex(index, size);
        return loaded.computeIfAbsent(index, i -> builder.build(i,
                documentsBySample.computeIfAbsent(sampleId.apply(i), documentsOfSample), id -> inBlock(i, id)));
    }

    @Override
    public RunItem withoutDocuments(int index) {
        java.util.Objects.checkIndex(index, size);
        RunItem kept = loaded.get(index);
        return kept != null ? kept : builder.build(index, NO_DOCUMENTS, id -> required(Map.of(), id));
    }

    @Override
    public Map<Integer, RunItem> withoutDocuments(Collection<Integer> indices) {
        List<Long> ids = new ArrayList<>();
        for (int index : indices) {
            java.util.Objects.checkIndex(index, size);
            ids.add(rolloutId.apply(index));
            rolloutBId.apply(index).ifPresent(ids::add);
        }
        Map<Long, StoredRollout> found = rollouts.findAll(ids);
        Map<Integer, RunItem> items = new java.util.HashMap<>();
        for (int index : indices) {
            RunItem kept = loaded.get(index);
            items.put(index, kept != null ? kept : builder.build(index, NO_DOCUMENTS, id -> required(found, id)));
        }
        return items;
    }

    /** Drops the item, and its sample's documents once the next item is of another sample. */
    @Override
    public void release(int index) {
        loaded.remove(index);
        String sample = sampleId.apply(index);
        if (index + 1 >= size || !sample.equals(sampleId.apply(index + 1))) {
            documentsBySample.remove(sample);
        }
    }

    @Override
    public int size() {
        return size;
    }

    /** A rollout of the item at {@code index}, read with the rest of its block unless kept. */
    private StoredRollout inBlock(int index, long id) {
        int block = index / BLOCK;
        Map<Long, StoredRollout> found;
        synchronized (blocks) {
            found = blocks.get(block);
        }
        if (found == null || !found.containsKey(id)) {
            List<Long> ids = new ArrayList<>();
            for (int i = block * BLOCK; i < Math.min(size, (block + 1) * BLOCK); i++) {
                ids.add(rolloutId.apply(i));
                rolloutBId.apply(i).ifPresent(ids::add);
            }
            found = rollouts.findAll(ids);
            synchronized (blocks) {
                blocks.put(block, found);
            }
        }
        return required(found, id);
    }

    /** A rollout from what was read, else read alone; a rollout that is gone is an error. */
    private StoredRollout required(Map<Long, StoredRollout> found, long id) {
        StoredRollout rollout = found.get(id);
        if (rollout != null) {
            return rollout;
        }
        return rollouts.find(id).orElseThrow(() ->
                new IllegalArgumentException("rollout " + id + " is not in the workspace"));
    }
}
