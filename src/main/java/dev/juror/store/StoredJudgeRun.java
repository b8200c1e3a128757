package dev.juror.store;

import java.time.Instant;
import dev.juror.judge.run.RolloutPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A judge run as stored, with its result counts.
 *
 * @param statusCounts results per status code ({@code ok}, {@code parse_error}, ...)
 * @param tokens       input, output, cache-read and cache-write tokens summed over the results
 * @param pairs        a pairwise run's pairs, each judged in both orders; empty for a pointwise run
 */
public record StoredJudgeRun(long id, String rubricName, String rubricVersion, String rubricYaml, String provider,
                             String model, String settingsJson, int repeats, String selection, List<Long> rolloutIds,
                             Instant createdAt, JudgeRunStatus status, Optional<Instant> finishedAt,
                             Map<String, Integer> statusCounts, long[] tokens, long latencyMsTotal,
                             int arithmeticMismatches, List<RolloutPair> pairs) {

    public StoredJudgeRun {
        rolloutIds = List.copyOf(rolloutIds);
        statusCounts = Map.copyOf(statusCounts);
        tokens = tokens.clone();
        pairs = List.copyOf(pairs);
    }

    /** The run compares pairs of rollouts (a pairwise rubric). */
    public boolean pairwise() {
        return !pairs.isEmpty();
    }

    /** Results stored so far. */
    public int results() {
        return statusCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Results the run needs in total: rollouts x repeats, or pairs x 2 orders x repeats. */
    public int expectedResults() {
        return (pairwise() ? pairs.size() * 2 : rolloutIds.size()) * repeats;
    }
}
