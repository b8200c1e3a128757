package dev.juror.cli;

import dev.juror.io.SeedFiles;
import dev.juror.io.TempFolders;
import dev.juror.judge.BedrockWarmUp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code juror aot-training} (hidden): the workload the installers record their ahead-of-time cache
 * from ({@code -XX:AOTCacheOutput}, JDK 25), so the installed command line starts with the classes
 * of its common commands already loaded and linked. In a temporary folder, removed at the end, it
 * copies the shipped samples and rubrics, then runs the commands a user runs first: import, stats,
 * rubric check and render, a judge run with the offline heuristic judge, runs and run show, a training
 * watch import and report of the shipped simulated reward records. It also
 * sends 2,000 Converse calls through the AWS SDK to an in-process answer ({@link BedrockWarmUp}): no
 * network, no credentials; the cache keeps the JIT's profiles of that path, so a judge run's
 * compiler starts from them. Their output is discarded; the exit status says whether every step worked.
 */
@Command(name = "aot-training", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the commands the installers' start-up cache is recorded from, in a temporary folder.")
final class AotTrainingCommand implements Callable<Integer> {

    private static final String SAMPLE = "samples/contract-review/contract-review.jsonl";
    private static final String RUBRIC = "rubrics/contract-review.yaml";
    private static final String REWARD_RECORDS = "samples/training-watch/DEMO-simulated-reward-records.jsonl";
    /** Enough calls through the SDK for the cache to hold the JIT's profiles of its request path. */
    static final int SDK_CALLS = 2_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--sdk-calls", paramLabel = "N", hidden = true,
            description = "Calls through the AWS SDK (default " + SDK_CALLS + "; tests use fewer).")
    int sdkCalls = SDK_CALLS;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("juror-aot-training");
        try {
            SeedFiles.copyFolder("samples", dir.resolve("samples"));
            SeedFiles.copyFolder("rubrics", dir.resolve("rubrics"));
            String ws = dir.resolve("workspace").toString();
            String sample = dir.resolve(SAMPLE).toString();
            String rubric = dir.resolve(RUBRIC).toString();
            List<String> failed = new ArrayList<>();
            for (List<String> step : List.of(
                    List.of("import", sample, "--workspace", ws),
                    List.of("stats", "--workspace", ws),
                    List.of("rubric", "check", rubric),
                    List.of("rubric", "render", rubric, "--workspace", ws, "--sample", "cr-01-agape-odm-supply"),
                    List.of("judge", "--workspace", ws, "--rubric", rubric, "--provider", "heuristic"),
                    List.of("runs", "--workspace", ws),
                    List.of("run", "show", "1", "--workspace", ws),
                    List.of("watch", "import", "--run", "demo", dir.resolve(REWARD_RECORDS).toString(), "--workspace", ws),
                    List.of("watch", "report", "--run", "demo", "--workspace", ws))) {
                int exit = quietly(step);
                // a watch report that found an alarm exits 3: the work was done all the same
                if (exit != CliRunner.OK && !(step.get(1).equals("report") && exit == WatchReportCommand.ALARM)) {
                    failed.add(String.join(" ", step.subList(0, 2)));
                }
            }
            if (BedrockWarmUp.run(sdkCalls) == 0) {
                failed.add("bedrock warm-up");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!failed.isEmpty()) {
                spec.commandLine().getErr().println("juror: aot-training: these steps failed: " + String.join(", ", failed));
                return CliRunner.FAILED;
            }
            out.println("aot-training: done");
            return CliRunner.OK;
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    private static int quietly(List<String> args) {
        StringWriter sink = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(sink), new PrintWriter(sink), args.toArray(String[]::new));
    }
}
