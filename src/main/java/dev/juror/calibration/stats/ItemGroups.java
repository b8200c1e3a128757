package dev.juror.calibration.stats;

import java.util.Arrays;

/**
 * Items as resampling units, each mapped to a group of interchangeable items (items whose data are
 * identical, e.g. the same contingency cell). A bootstrap resample draws items with replacement and
 * hands the statistic only the number of drawn items per group; the jackknife needs one evaluation
 * per distinct group instead of one per item. {@link #distinct(int)} puts every item in its own
 * group, so any item-level statistic fits: it then receives the multiplicity of each item.
 *
 * @param groupOfItem group index 0..groupCount-1 of each item
 * @param groupCount  number of groups
 */
public record ItemGroups(int[] groupOfItem, int groupCount) {

    public ItemGroups {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be positive");
        }
        for (int i = 0; i < groupOfItem.length; i++) {
            if (groupOfItem[i] < 0 || groupOfItem[i] >= groupCount) {
                throw new IllegalArgumentException("item " + i + " has group " + groupOfItem[i]
                        + " outside 0.." + (groupCount - 1));
            }
        }
    }

    /** Every item its own group: counts are the multiplicities of the items. */
    public static ItemGroups distinct(int items) {
        int[] g = new int[items];
        Arrays.setAll(g, i -> i);
        return new ItemGroups(g, Math.max(1, items));
    }

    public int itemCount() {
        return groupOfItem.length;
    }

    /** How many items each group holds in the original sample. */
    public int[] fullCounts() {
        int[] counts = new int[groupCount];
        for (int g : groupOfItem) {
            counts[g]++;
        }
        return counts;
    }
}
