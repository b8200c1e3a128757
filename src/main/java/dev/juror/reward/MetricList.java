package dev.juror.reward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects metrics in insertion order; a later value of the same name replaces the earlier one. */
final class MetricList {

    private final Map<String, RewardMetric> byName = new LinkedHashMap<>();

    MetricList reward(String name, double value) {
        byName.put(name, RewardMetric.reward(name, finite(value)));
        return this;
    }

    MetricList metric(String name, double value) {
        byName.put(name, RewardMetric.metric(name, finite(value)));
        return this;
    }

    MetricList flag(String name, boolean on) {
        return metric(name, on ? 1.0 : 0.0);
    }

    List<RewardMetric> toList() {
        return new ArrayList<>(byName.values());
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
