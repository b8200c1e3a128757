package dev.juror.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A judge run as stored, with its result counts.
 *
 * @param statusCounts results per status code ({@code ok}, {@code parse_error}, ...)
 * @param tokens       input, output, cache-read and cache-write tokens summed over the results
 */
public record StoredJudgeRun(long id, String rubricName, String rubricVersion, String rubricYaml, String provider,
                             String model, String settingsJson, int repeats, String selection, List<Long> rolloutIds,
                             Instant createdAt, JudgeRunStatus status, Optional<Instant> finishedAt,
                             Map<String, Integer> statusCounts, long[] tokens, long latencyMsTotal,
                             int arithmeticMismatches) {

    public StoredJudgeRun {
        rolloutIds = List.copyOf(rolloutIds);
        statusCounts = Map.copyOf(statusCounts);
        tokens = tokens.clone();
    }

    /** Results stored so far. */
    public int results() {
        return statusCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Results the run needs in total. */
    public int expectedResults() {
        return rolloutIds.size() * repeats;
    }
}
