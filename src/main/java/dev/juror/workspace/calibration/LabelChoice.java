package dev.juror.workspace.calibration;

import java.util.Objects;

/**
 * Which human labels a calibration uses: whether labels that were not given blind count
 * ({@code --include-unblinded}), and what the judge is measured against ({@code --reference}).
 */
public record LabelChoice(boolean includeUnblinded, Reference reference) {

    public LabelChoice {
        Objects.requireNonNull(reference, "reference");
    }

    /** Blind labels only, the judge against each labeller's label: what calibrate does unless told. */
    public static LabelChoice defaults() {
        return new LabelChoice(false, Reference.EACH);
    }
}
