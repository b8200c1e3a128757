package dev.juror.app.review;

import dev.juror.store.StoredQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stored queue means at the desk: the rollouts it gives the current labeller, in its order,
 * and how far each of its labellers is. A rollout counts as done for a labeller once they have
 * labelled each of its comments (or its whole response), as {@code juror queue show} counts.
 */
final class AssignedRollouts {

    private final DeskState state;
    private final StoredQueue queue;

    AssignedRollouts(DeskState state, StoredQueue queue) {
        this.state = state;
        this.queue = queue;
    }

    /** The current labeller's rollouts of the queue, in queue order, among {@code entries}. */
    List<QueueEntry> select(List<QueueEntry> entries) {
        Map<Long, QueueEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.rolloutId(), e));
        List<QueueEntry> out = new ArrayList<>();
        for (long id : queue.assignedTo(state.labeller.get())) {
            QueueEntry entry = byId.get(id);
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    /** "Ann 12/40 · Bea 30/40" (the Queue box names the queue). */
    String progress(List<QueueEntry> allEntries) {
        Map<Long, QueueEntry> byId = new HashMap<>();
        allEntries.forEach(e -> byId.put(e.rolloutId(), e));
        List<String> parts = new ArrayList<>();
        for (String labeller : queue.labellers()) {
            List<Long> assigned = queue.assignedTo(labeller);
            long done = assigned.stream().map(byId::get)
                    .filter(e -> e != null && isDone(e, labeller)).count();
            parts.add(labeller + " " + done + "/" + assigned.size());
        }
        return String.join(" \u00B7 ", parts);
    }

    private boolean isDone(QueueEntry entry, String labeller) {
        List<ItemKey> keys = state.itemKeys(entry);
        return !keys.isEmpty() && keys.stream().allMatch(k -> state.book.everyoneOn(k).containsKey(labeller));
    }

    /** Where to start: the first rollout with an item this labeller has not labelled, else the first. */
    int firstWithWorkLeft(List<QueueEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (state.itemKeys(entries.get(i)).stream().anyMatch(k -> !state.isMine(k))) {
                return i;
            }
        }
        return 0;
    }

    /** Why the desk's queue is empty. */
    String emptyMessage() {
        return queue.labellers().contains(state.labeller.get())
                ? "Queue " + queue.name() + " gives you no rollout of the sample chosen; choose All samples."
                : "Queue " + queue.name() + " has nothing for " + state.labeller.get() + "; it is for "
                        + String.join(", ", queue.labellers()) + ".";
    }
}
