package dev.juror.app.calibration;

import dev.juror.store.AnchorSet;

/**
 * What drift is measured against on the dashboard: a frozen anchor set, or (no set) the human
 * labels as they are now.
 */
public record AnchorChoice(AnchorSet set) {

    public static final AnchorChoice CURRENT_LABELS = new AnchorChoice(null);

    /** The set's name for {@code WorkspaceCalibration.run}, null for the current labels. */
    public String name() {
        return set == null ? null : set.name();
    }

    /** For the tooltip: when it was frozen and from how many labellers. */
    public String detail() {
        return set == null ? "The human labels as they are now: drift moves when experts add or correct labels."
                : "Frozen " + set.frozenOn() + " · " + set.items() + " items · " + set.labels() + " labels from "
                + set.labellers() + " labeller(s)" + (set.note().isBlank() ? "" : " · " + set.note());
    }

    @Override
    public String toString() {
        return set == null ? "Current labels" : set.name() + " · " + set.items() + " items";
    }
}
