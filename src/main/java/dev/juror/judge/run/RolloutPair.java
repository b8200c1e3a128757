package dev.juror.judge.run;

/**
 * Two rollouts of the same sample that a pairwise run compares, {@code first} being the earlier in
 * the sample's rollout order. The run judges the pair in both orders: {@code first} shown as
 * candidate A, then {@code second} shown as candidate A (the position-bias probe).
 */
public record RolloutPair(long first, long second) {

    public RolloutPair {
        if (first == second) {
            throw new IllegalArgumentException("a pair needs two different rollouts, got " + first + " twice");
        }
    }

    @Override
    public String toString() {
        return first + "-" + second;
    }
}
