package dev.juror.export;

import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.StoredJudgeRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures what one judge call costs in tokens and time from the workspace's judge runs of one rubric
 * version and judge model: every {@code ok} result whose provider reported token counts. Runs of the
 * heuristic and replay judges are left out: they make no model call, so their zero tokens and
 * near-zero latency would only drag the figures down.
 */
public final class JudgeUsageMeter {

    /** Providers whose results are not real model calls. */
    static final Set<String> NOT_MEASURED = Set.of("heuristic", "replay");

    private JudgeUsageMeter() {
    }

    /** The measured usage, or empty when no run of this version and model has an ok result with token counts. */
    public static Optional<JudgeUsage> measure(JudgeRunRepository runs, JudgeResultRepository results,
                                              String rubricVersion, String model) {
        List<JudgeResultRow> rows = new ArrayList<>();
        int runCount = 0;
        for (StoredJudgeRun run : runs.list()) {
            if (!run.rubricVersion().equals(rubricVersion) || !run.model().equals(model)
                    || NOT_MEASURED.contains(run.provider())) {
                continue;
            }
            List<JudgeResultRow> ok = results.resultsOf(run.id()).stream().filter(r -> r.status().equals("ok")).toList();
            if (!ok.isEmpty()) {
                runCount++;
                rows.addAll(ok);
            }
        }
        return fromOkResults(rows, runCount, rubricVersion, model);
    }

    /** The figures of {@code okResults} (all {@code ok}); results without token counts are counted, not used. */
    static Optional<JudgeUsage> fromOkResults(List<JudgeResultRow> okResults, int runs, String rubricVersion,
                                              String model) {
        List<JudgeResultRow> withTokens = okResults.stream()
                .filter(r -> r.inputTokens() + r.cacheReadTokens() + r.cacheWriteTokens() > 0).toList();
        if (withTokens.isEmpty()) {
            return Optional.empty();
        }
        int n = withTokens.size();
        long[] input = new long[n];
        long[] output = new long[n];
        long[] cacheRead = new long[n];
        long[] cacheWrite = new long[n];
        long[] latency = new long[n];
        for (int i = 0; i < n; i++) {
            JudgeResultRow r = withTokens.get(i);
            input[i] = r.inputTokens();
            output[i] = r.outputTokens();
            cacheRead[i] = r.cacheReadTokens();
            cacheWrite[i] = r.cacheWriteTokens();
            latency[i] = r.latencyMs();
        }
        int skipped = okResults.size() - n;
        String description = "measured: " + n + " ok result" + (n == 1 ? "" : "s") + " of " + runs + " judge run"
                + (runs == 1 ? "" : "s") + " of rubric version " + rubricVersion + " with judge " + model
                + (skipped > 0 ? " (" + skipped + " ok results without token counts left out)" : "");
        return Optional.of(new JudgeUsage(JudgeUsage.Source.MEASURED, n, runs, skipped, TokenDistribution.of(input),
                TokenDistribution.of(output), TokenDistribution.of(cacheRead), TokenDistribution.of(cacheWrite),
                Optional.of(TokenDistribution.of(latency)), description));
    }
}
