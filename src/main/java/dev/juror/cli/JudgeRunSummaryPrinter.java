package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.calibration.views.PairwiseCalibration.PositionConsistency;
import dev.juror.judge.run.RunSummary;
import dev.juror.store.StoredJudgeRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The summary {@code juror judge} prints when a run stops: counts, this session's work, tokens, time. */
final class JudgeRunSummaryPrinter {

    private JudgeRunSummaryPrinter() {
    }

    /**
     * Prints the summary of a run that stopped: one JSON object with {@code json}, else a few lines.
     * {@code workspace} is the directory named in the hint to see each pair.
     */
    static void print(PrintWriter out, boolean json, Path workspace, StoredJudgeRun run, RunSummary summary,
                      Optional<PositionConsistency> consistency) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("run_id", run.id());
        values.put("status", run.status().code());
        values.put("service_failures", run.serviceFailures());
        values.put("max_failures", run.maxFailures().code());
        values.put("rubric", run.rubricName());
        values.put("rubric_version", run.rubricVersion());
        values.put("provider", run.provider());
        values.put("model", run.model());
        values.put("repeats", run.repeats());
        if (run.pairwise()) {
            values.put("pairs", run.pairs().size());
        }
        values.put("results", run.results());
        values.put("expected_results", run.expectedResults());
        Map<String, Integer> counts = RunJson.statusCounts(run);
        values.put("counts", counts);
        values.put("this_session", Map.of("results", summary.progress().batch().done(),
                "skipped_already_done", summary.progress().alreadyDone(),
                "retries", summary.progress().retries(), "throttled", summary.progress().throttled()));
        values.put("arithmetic_mismatches", run.arithmeticMismatches());
        Map<String, Long> tokens = new LinkedHashMap<>();
        tokens.put("input", summary.usage().inputTokens());
        tokens.put("output", summary.usage().outputTokens());
        tokens.put("cache_read", summary.usage().cacheReadInputTokens());
        tokens.put("cache_write", summary.usage().cacheWriteInputTokens());
        values.put("tokens", tokens);
        values.put("wall_seconds", round(summary.elapsed().toNanos() / 1e9));
        values.put("results_per_second", round(summary.throughput()));
        consistency.ifPresent(pc -> values.put("position_consistency", pc));
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(values));
        } else {
            out.printf("run %d %s: %s (version %s), %s %s, %d/%d results%n", run.id(), run.statusText(),
                    run.rubricName(), run.rubricVersion(), run.provider(), run.model(), run.results(),
                    run.expectedResults());
            out.println("  " + String.join(", ", counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
            out.printf(Locale.ROOT, "  this session: %d results (%d already done), %d retries, %d throttled%n",
                    summary.progress().batch().done(), summary.progress().alreadyDone(), summary.progress().retries(),
                    summary.progress().throttled());
            out.printf(Locale.ROOT, "  tokens: input %d, output %d, cache read %d, cache write %d%n",
                    tokens.get("input"), tokens.get("output"), tokens.get("cache_read"), tokens.get("cache_write"));
            out.printf(Locale.ROOT, "  wall time %.1f s, %.1f results/s, %d arithmetic mismatches flagged%n",
                    summary.elapsed().toNanos() / 1e9, summary.throughput(), run.arithmeticMismatches());
            if (run.pairwise()) {
                out.printf("  %d pairs, each in both orders; %s%n", run.pairs().size(),
                        PairwiseRunText.consistencyLine(consistency.orElseThrow()));
                out.println("  per pair: juror run show " + run.id() + " --workspace " + workspace);
            }
        }
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
