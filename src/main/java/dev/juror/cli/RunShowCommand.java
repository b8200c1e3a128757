package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.Secrets;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.PairwiseResults.PairOutcome;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.JudgeRunReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code juror run show ID}: a run's settings, counts, errors and per-result scores; for a pairwise
 * run also each pair's verdicts in both orders, its order-balanced winner and the run's position
 * consistency.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one judge run and its results.")
public final class RunShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The run id (see juror runs).")
    long runId;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print one JSON object with every result.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JudgeRunReader.Detail detail;
        try (Workspace opened = workspace.open()) {
            detail = new JudgeRunReader(opened).detail(runId).orElseThrow(() -> new UserInputException("no judge run "
                    + runId + " in workspace " + workspace.directory() + "; see juror runs"));
        }
        StoredJudgeRun run = detail.run();
        List<JudgeResultRow> results = detail.results();
        Map<Long, String> sampleIds = detail.sampleIds();
        Map<String, Integer> retried = detail.retried();
        List<PairOutcome> pairs = detail.pairs();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = RunJson.summary(run);
            // Redacted on the way out too: runs stored before the settings were checked may hold a key.
            m.put("settings", new ObjectMapper().readTree(Secrets.redact(run.settingsJson())));
            m.put("retried", retried);
            if (run.pairwise()) {
                Map<Long, String> samples = sampleIds;
                m.put("position_consistency", detail.consistency());
                m.put("pairs_list", pairs.stream().map(p -> PairwiseRunText.json(p, samples)).toList());
            }
            m.put("results_list", results.stream().map(RunJson::result).toList());
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            out.printf("run %d  %s%n", run.id(), run.statusText());
            out.printf("rubric    %s (version %s)%n", run.rubricName(), run.rubricVersion());
            out.printf("judge     %s %s%n", run.provider(), run.model());
            out.printf("settings  %s%n", Secrets.redact(run.settingsJson()));
            if (run.pairwise()) {
                out.printf("selection %s: %d pairs of %d rollouts x 2 orders x %d repeats%n", run.selection(),
                        run.pairs().size(), run.rolloutIds().size(), run.repeats());
            } else {
                out.printf("selection %s: %d rollouts x %d repeats%n", run.selection(), run.rolloutIds().size(),
                        run.repeats());
            }
            out.printf("created   %s%s%n", run.createdAt(), run.finishedAt().map(f -> ", ended " + f).orElse(""));
            out.printf("results   %d/%d: %s%n", run.results(), run.expectedResults(), run.statusCounts());
            out.printf("failures  %d service failures (api_error, timeout); threshold %s (at most %d)%s%n",
                    run.serviceFailures(), run.maxFailures().code(), run.maxFailures().allowed(run.expectedResults()),
                    run.hasUnresolvedFailures() ? "; judge them again: juror judge --resume " + run.id()
                            + " --retry-failed" : "");
            if (!retried.isEmpty()) {
                out.printf("retried   earlier failed attempts judged again: %s%n", retried);
            }
            out.printf("tokens    input %d, output %d, cache read %d, cache write %d%n", run.tokens()[0],
                    run.tokens()[1], run.tokens()[2], run.tokens()[3]);
            out.printf("arithmetic mismatches flagged: %d%n", run.arithmeticMismatches());
            Map<String, Integer> kinds = new TreeMap<>();
            results.stream().flatMap(r -> java.util.Arrays.stream(r.errorKinds().split(","))).filter(k -> !k.isEmpty())
                    .forEach(k -> kinds.merge(k, 1, Integer::sum));
            if (!kinds.isEmpty()) {
                out.printf("output errors: %s%n", kinds);
            }
            if (run.pairwise()) {
                out.println(PairwiseRunText.consistencyLine(detail.consistency()));
                out.println();
                PairwiseRunText.printPairs(out, pairs, sampleIds);
            }
            out.println();
            // Pairwise: the rollouts as shown, A>B, and the score is A's share of the win.
            out.printf("%-10s %-6s %-13s %-7s %s%n", "rollout", "repeat", "status", "score", "error");
            for (JudgeResultRow r : results) {
                String score = r.sampleScore().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", r.sampleScore().getAsDouble()) : "-";
                String shown = Secrets.redact(r.error());
                String error = shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
                out.printf("%-10s %-6d %-13s %-7s %s%n", r.rollouts(), r.repeat(), r.status(), score, error);
            }
        }
        out.flush();
        return CliRunner.OK;
    }
}
