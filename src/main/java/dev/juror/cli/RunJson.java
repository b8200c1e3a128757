package dev.juror.cli;

import dev.juror.judge.output.ResultStatus;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.StoredJudgeRun;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON shapes of judge runs for {@code runs --json} and {@code run show --json}. A pairwise result's
 * {@code rollout_id} is the rollout shown as candidate A and {@code rollout_b_id} the one shown as B.
 */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> summary(StoredJudgeRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("status", run.status().code());
        m.put("status_text", run.statusText());
        m.put("service_failures", run.serviceFailures());
        m.put("max_failures", run.maxFailures().code());
        m.put("unresolved_failures", run.hasUnresolvedFailures());
        m.put("rubric", run.rubricName());
        m.put("rubric_version", run.rubricVersion());
        m.put("provider", run.provider());
        m.put("model", run.model());
        m.put("repeats", run.repeats());
        m.put("selection", run.selection());
        m.put("rollouts", run.rolloutIds().size());
        if (run.pairwise()) {
            m.put("pairs", run.pairs().size());
        }
        m.put("results", run.results());
        m.put("expected_results", run.expectedResults());
        m.put("counts", statusCounts(run));
        m.put("arithmetic_mismatches", run.arithmeticMismatches());
        m.put("created_at", run.createdAt().toString());
        m.put("finished_at", run.finishedAt().map(Object::toString).orElse(null));
        return m;
    }

    /** The run's result count per status, every status named (0 when none), in the statuses' order. */
    static Map<String, Integer> statusCounts(StoredJudgeRun run) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ResultStatus s : ResultStatus.values()) {
            counts.put(s.code(), run.statusCounts().getOrDefault(s.code(), 0));
        }
        return counts;
    }

    static Map<String, Object> result(JudgeResultRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rollout_id", r.rolloutId());
        if (r.rolloutBId().isPresent()) {
            m.put("rollout_b_id", r.rolloutBId().getAsLong());
        }
        m.put("repeat", r.repeat());
        m.put("status", r.status());
        m.put("sample_score", r.sampleScore().isPresent() ? r.sampleScore().getAsDouble() : null);
        m.put("arithmetic_mismatch", r.arithmeticMismatch());
        m.put("error_kinds", r.errorKinds());
        m.put("error", dev.juror.judge.Secrets.redact(r.error()));
        m.put("latency_ms", r.latencyMs());
        m.put("attempts", r.attempts());
        m.put("input_tokens", r.inputTokens());
        m.put("output_tokens", r.outputTokens());
        return m;
    }
}
