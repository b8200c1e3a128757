package dev.juror.store;

import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.RolloutPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A judge run as stored, with its result counts.
 *
 * @param statusCounts results per status code ({@code ok}, {@code parse_error}, ...)
 * @param tokens       input, output, cache-read and cache-write tokens summed over the results
 * @param pairs        a pairwise run's pairs, each judged in both orders; empty for a pointwise run
 * @param maxFailures  the service failures the run may hold and still be {@code finished}
 * @param owner        the process judging the run while it is {@code running}; empty otherwise
 */
public record StoredJudgeRun(long id, String rubricName, String rubricVersion, String rubricYaml, String provider,
                             String model, String settingsJson, int repeats, String selection, List<Long> rolloutIds,
                             Instant createdAt, JudgeRunStatus status, Optional<Instant> finishedAt,
                             Map<String, Integer> statusCounts, long[] tokens, long latencyMsTotal,
                             int arithmeticMismatches, List<RolloutPair> pairs,
                             FailureThreshold maxFailures, Optional<RunOwner> owner) {

    public StoredJudgeRun {
        rolloutIds = List.copyOf(rolloutIds);
        statusCounts = Map.copyOf(statusCounts);
        tokens = tokens.clone();
        pairs = List.copyOf(pairs);
        java.util.Objects.requireNonNull(maxFailures, "maxFailures");
        java.util.Objects.requireNonNull(owner, "owner");
    }

    /** Results the judge service did not answer ({@code api_error}, {@code timeout}); see {@link FailureThreshold}. */
    public int serviceFailures() {
        return FailureThreshold.serviceFailures(statusCounts);
    }

    /**
     * Whether the run holds more service failures than its threshold allows: calibration and the
     * verdict refuse such a run unless told to accept it, and {@code --retry-failed} redoes them.
     */
    public boolean hasUnresolvedFailures() {
        return !maxFailures.allows(serviceFailures(), expectedResults());
    }

    /**
     * The status as shown to people: {@code finished}, {@code running}, {@code interrupted}, or for a
     * run over its threshold {@code failed: 12 service failures}.
     */
    public String statusText() {
        int failures = serviceFailures();
        if (status == JudgeRunStatus.FAILED && failures > 0) {
            return "failed: " + failures + " service failure" + (failures == 1 ? "" : "s");
        }
        return status.code();
    }

    /**
     * One sentence for a run calibration must not use as it stands: the run, its service failures by
     * status against its threshold.
     */
    public String unresolvedFailuresSentence() {
        return "run " + id + " has " + failureCounts();
    }

    /**
     * The run's service failures by status against its threshold: {@code 12 service failures
     * (10 api_error, 2 timeout) among its 2640 of 2640 results, over its threshold of 0 (--max-failures 0)}.
     */
    public String failureCounts() {
        List<String> parts = FailureThreshold.SERVICE_FAILURES.stream()
                .sorted(java.util.Comparator.comparing(dev.juror.judge.output.ResultStatus::code))
                .filter(s -> statusCounts.getOrDefault(s.code(), 0) > 0)
                .map(s -> statusCounts.get(s.code()) + " " + s.code()).toList();
        int failures = serviceFailures();
        return failures + " service failure" + (failures == 1 ? "" : "s") + " (" + String.join(", ", parts)
                + ") among its " + results() + " of " + expectedResults() + " results, "
                + (hasUnresolvedFailures() ? "over" : "within") + " its threshold of "
                + maxFailures.allowed(expectedResults()) + " (--max-failures " + maxFailures.code() + ")";
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
