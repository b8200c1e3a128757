package dev.juror.calibration.stats;

/**
 * Two raters' scores reduced to one contingency cell per item: cell = index(A) * K + index(B) over
 * the declared scale, or {@link #unpaired()} (= K*K) when either score is missing. Every two-rater
 * statistic is a function of the cell counts, so a bootstrap resample only has to count cells.
 *
 * @param scale       the declared scale
 * @param cellOfItem  cell per item, in the caller's item order
 * @param pairedItems items scored by both raters
 */
public record PairedCells(ScoreRange scale, int[] cellOfItem, int pairedItems) {

    /** Group index of an item that lacks one of the two scores. */
    public int unpaired() {
        return scale.size() * scale.size();
    }

    /** Items and their cells as resampling units for {@link Bootstrap}. */
    public ItemGroups groups() {
        return new ItemGroups(cellOfItem, unpaired() + 1);
    }

    /** Cell counts of the whole sample (the last entry counts unpaired items). */
    public int[] cellCounts() {
        return groups().fullCounts();
    }
}
