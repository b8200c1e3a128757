package dev.juror.watch.detect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code group_collapse}: the generations of one prompt (same {@code prompt_sha256}) get the same
 * reward, so a group-relative trainer (GRPO) learns nothing from them. Window of {@link #WINDOW}
 * steps: the share of prompts whose rewards lie within {@link StepFacts#FLAT_RANGE} at least
 * {@link #SHARE} and at least {@link #RISE} above the reference steps'.
 */
public final class GroupCollapseDetector extends WindowedDetector {

    public static final int WINDOW = 5;
    public static final double SHARE = 0.30;
    public static final double RISE = 0.20;
    public static final int MIN_GROUPS = 20;

    @Override
    public String name() {
        return DetectorNames.GROUP_COLLAPSE;
    }

    @Override
    int window() {
        return WINDOW;
    }

    @Override
    String thin(Window w, DetectionInput in) {
        return w.groups() < MIN_GROUPS ? w.groups() + " prompts with two generations or more (same prompt_sha256),"
                + " needs " + MIN_GROUPS : null;
    }

    @Override
    Optional<Alarm> check(DetectionInput in, int i, Window w, Window ref) {
        double share = (double) w.flatGroups() / w.groups();
        double before = ref.groups() == 0 ? 0 : (double) ref.flatGroups() / ref.groups();
        if (share < SHARE || share - before < RISE) {
            return Optional.empty();
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("flat_group_share", share);
        numbers.put("share_threshold", SHARE);
        numbers.put("reference_flat_group_share", before);
        numbers.put("groups", (double) w.groups());
        var s = in.step(i);
        Map<String, double[]> range = new HashMap<>();
        for (int j = 0; j < s.size(); j++) {
            double r = s.reward()[j];
            double[] g = range.computeIfAbsent(s.promptSha256()[j], k -> new double[]{r, r, 0});
            g[0] = Math.min(g[0], r);
            g[1] = Math.max(g[1], r);
            g[2]++;
        }
        return Optional.of(alarm(in, i, f("%.0f %% of %d prompts over %s gave all their generations the same reward"
                        + " (reference %s: %.1f %%; threshold %.0f %%)", 100 * share, w.groups(), w.span(), ref.span(),
                100 * before, 100 * SHARE), numbers, j -> {
                    double[] g = range.get(s.promptSha256()[j]);
                    return g[2] >= 2 && g[1] - g[0] < StepFacts.FLAT_RANGE;
                }));
    }
}
