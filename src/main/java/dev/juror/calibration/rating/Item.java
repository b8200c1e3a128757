package dev.juror.calibration.rating;

import java.util.Comparator;
import java.util.Objects;

/** A calibration item: one rubric dimension of one comment (see {@link ItemKeys}). */
public record Item(String itemKey, String dimension) implements Comparable<Item> {

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::dimension).thenComparing(Item::itemKey);

    public Item {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(dimension, "dimension");
    }

    public static Item of(Rating r) {
        return new Item(r.itemKey(), r.dimension());
    }

    @Override
    public int compareTo(Item o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return itemKey + " " + dimension;
    }
}
