package dev.juror.calibration.views;

import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Ratings indexed by item, then by rater (both in name order, so every view is deterministic). */
public final class ItemScores {

    private final Map<Item, Map<String, Rating>> byItem = new TreeMap<>();

    public ItemScores(Collection<Rating> ratings) {
        for (Rating r : ratings) {
            byItem.computeIfAbsent(Item.of(r), k -> new TreeMap<>()).put(r.rater(), r);
        }
    }

    public Map<Item, Map<String, Rating>> byItem() {
        return byItem;
    }

    /** Items of one dimension with their ratings. */
    public Map<Item, Map<String, Rating>> ofDimension(String dimension) {
        Map<Item, Map<String, Rating>> out = new TreeMap<>();
        byItem.forEach((item, raters) -> {
            if (item.dimension().equals(dimension)) {
                out.put(item, raters);
            }
        });
        return out;
    }

    /** Mean of the scores, for the consensus of several humans. */
    public static double mean(Collection<Rating> ratings) {
        return ratings.stream().mapToInt(Rating::score).average().orElseThrow();
    }

    /** Median of the humans' scores, rounded half to even: the consensus used where an integer is needed. */
    public static int consensus(Collection<Rating> ratings) {
        return Rating.median(ratings.stream().mapToInt(Rating::score).toArray());
    }

    static List<Rating> values(Map<String, Rating> raters) {
        return List.copyOf(raters.values());
    }
}
