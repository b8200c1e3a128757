package dev.juror.watch.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code saturation}: the reward pinned at its maximum (1.0), where it no longer tells good from
 * better. Window of {@link #WINDOW} steps: the share of rewards at the maximum at least {@link #SHARE}
 * and at least {@link #RISE} above the reference steps'.
 */
public final class SaturationDetector extends WindowedDetector {

    public static final int WINDOW = 5;
    public static final double SHARE = 0.30;
    public static final double RISE = 0.20;
    public static final int MIN_RECORDS = 200;

    @Override
    public String name() {
        return DetectorNames.SATURATION;
    }

    @Override
    int window() {
        return WINDOW;
    }

    @Override
    String thin(Window w, DetectionInput in) {
        return w.n() < MIN_RECORDS ? w.n() + " records, needs " + MIN_RECORDS : null;
    }

    @Override
    Optional<Alarm> check(DetectionInput in, int i, Window w, Window ref) {
        double share = w.rate(w.atMax());
        double before = ref.rate(ref.atMax());
        if (share < SHARE || share - before < RISE) {
            return Optional.empty();
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("share_at_max", share);
        numbers.put("share_threshold", SHARE);
        numbers.put("reference_share_at_max", before);
        var s = in.step(i);
        return Optional.of(alarm(in, i, f("%.0f %% of the rewards over %s are at the maximum (reference %s: %.1f %%;"
                + " threshold %.0f %%)", 100 * share, w.span(), ref.span(), 100 * before, 100 * SHARE), numbers,
                j -> s.reward()[j] >= StepFacts.MAX_REWARD));
    }
}
