package dev.juror.reward;

import java.util.Objects;

/**
 * One named number reported with a reward. {@link Kind#REWARD} marks a component of the training
 * signal, {@link Kind#METRIC} a number for reporting only (the Nova RFT contract's {@code "Reward"}
 * and {@code "Metric"} types). The value is always finite.
 */
public record RewardMetric(String name, double value, Kind kind) {

    public enum Kind {
        REWARD("Reward"), METRIC("Metric");

        private final String contractName;

        Kind(String contractName) {
            this.contractName = contractName;
        }

        /** Exactly {@code Reward} or {@code Metric}, as the reward-function contract spells it. */
        public String contractName() {
            return contractName;
        }
    }

    public RewardMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be finite, was " + value);
        }
    }

    public static RewardMetric metric(String name, double value) {
        return new RewardMetric(name, value, Kind.METRIC);
    }

    public static RewardMetric reward(String name, double value) {
        return new RewardMetric(name, value, Kind.REWARD);
    }
}
