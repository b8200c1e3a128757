package dev.juror.calibration.regression;

import dev.juror.calibration.rating.ItemKeys;

/** A rollout named by its sample id and 0-based index, as in the workspace and the sample files. */
public record RolloutRef(String sample, int index) {

    public String key() {
        return ItemKeys.rollout(sample, index);
    }

    @Override
    public String toString() {
        return sample + "#" + index;
    }
}
