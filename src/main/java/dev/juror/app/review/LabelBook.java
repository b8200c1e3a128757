package dev.juror.app.review;

import dev.juror.store.StoredLabel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest label of every labeller on every item, kept in memory so the desk can answer "did I
 * label this?", "who else did?", "do we disagree?" without a query. Fed from
 * {@code Labelling.latest()} and updated with each submit; a label stored later (higher id)
 * replaces an earlier one for the same labeller, item and dimension, as in the store: by insert
 * order, never by the time a label carries.
 */
public final class LabelBook {

    /** item -> labeller -> dimension -> label */
    private final Map<ItemKey, Map<String, Map<String, StoredLabel>>> labels = new HashMap<>();

    public LabelBook(Collection<StoredLabel> latest) {
        add(latest);
    }

    public void add(Collection<StoredLabel> stored) {
        for (StoredLabel label : stored) {
            labels.computeIfAbsent(new ItemKey(label.rolloutId(), label.commentPosition()), k -> new TreeMap<>())
                    .computeIfAbsent(label.labeller(), k -> new HashMap<>())
                    .merge(label.dimension(), label, (old, now) -> now.id() < old.id() ? old : now);
        }
    }

    /** This labeller's labels on the item, by dimension (empty when none). */
    public Map<String, StoredLabel> of(ItemKey item, String labeller) {
        return labels.getOrDefault(item, Map.of()).getOrDefault(labeller, Map.of());
    }

    /** Everyone's labels on the item, this labeller's included: labeller -> dimension -> label. */
    public Map<String, Map<String, StoredLabel>> everyoneOn(ItemKey item) {
        return new TreeMap<>(labels.getOrDefault(item, Map.of()));
    }

    /** Everyone else's labels on the item: labeller -> dimension -> label, labellers by name. */
    public Map<String, Map<String, StoredLabel>> othersOn(ItemKey item, String labeller) {
        Map<String, Map<String, StoredLabel>> others = new TreeMap<>(labels.getOrDefault(item, Map.of()));
        others.remove(labeller);
        return others;
    }

    /** Whether the labeller has scored every one of {@code dimensions} on the item. */
    public boolean isComplete(ItemKey item, String labeller, List<String> dimensions) {
        return of(item, labeller).keySet().containsAll(dimensions);
    }

    /** Whether anyone's latest label on the item carries the flag. */
    public boolean isFlagged(ItemKey item) {
        return labels.getOrDefault(item, Map.of()).values().stream()
                .flatMap(byDimension -> byDimension.values().stream()).anyMatch(StoredLabel::flagged);
    }

    /** Whether two labellers who scored a dimension of the item gave it different scores. */
    public boolean hasDisagreement(ItemKey item, List<String> dimensions) {
        Map<String, Map<String, StoredLabel>> byLabeller = labels.getOrDefault(item, Map.of());
        for (String dimension : dimensions) {
            long distinct = byLabeller.values().stream().map(d -> d.get(dimension)).filter(l -> l != null)
                    .map(StoredLabel::score).distinct().count();
            if (distinct > 1) {
                return true;
            }
        }
        return false;
    }

    /** Everyone who has labelled, by name. */
    public List<String> labellers() {
        return labels.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }

    /** Median seconds per submitted item for this labeller (one value per item); NaN-free: 0 when none. */
    public double medianSecondsPerItem(String labeller) {
        List<Double> times = new ArrayList<>();
        for (Map<String, Map<String, StoredLabel>> byLabeller : labels.values()) {
            Map<String, StoredLabel> mine = byLabeller.get(labeller);
            if (mine != null && !mine.isEmpty()) {
                times.add(mine.values().iterator().next().secondsSpent());
            }
        }
        if (times.isEmpty()) {
            return 0;
        }
        times.sort(Double::compare);
        int middle = times.size() / 2;
        return times.size() % 2 == 1 ? times.get(middle) : (times.get(middle - 1) + times.get(middle)) / 2;
    }
}
