package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.store.StoreException;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.workspace.watch.CheckpointRollouts;
import dev.juror.workspace.watch.CheckpointSampler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror watch sample}: rollouts of a checkpoint made by calling its deployment with an RFT
 * dataset's prompts (Converse, with the judge's client, limiter and retries), stored as they arrive.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Ask a checkpoint's deployment for rollouts of an RFT dataset's prompts (Nova RFT JSONL) and",
                "store each answer as a rollout of its sample, tagged with the checkpoint and step. Progress on",
                "standard error; Ctrl-C keeps the answers so far, and running the command again asks only the rest."})
public final class WatchSampleCommand implements Callable<Integer> {

    /** Exit code when calls failed for good (they are asked again by the next run). */
    static final int CALLS_FAILED = 4;

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The training run.")
    String run;

    @Option(names = "--model", required = true, paramLabel = "ARN_OR_ID",
            description = "The checkpoint's deployment: model id, inference profile or ARN (the model name for openai-compatible).")
    String model;

    @Option(names = "--prompts", required = true, paramLabel = "FILE", description = "RFT dataset (Nova RFT JSONL): the prompts.")
    Path prompts;

    @Option(names = "--checkpoint", required = true, paramLabel = "C", description = "The checkpoint's name.")
    String checkpoint;

    @Option(names = "--step", required = true, paramLabel = "S", description = "The training step it was taken at.")
    String step;

    @Option(names = "--generations", paramLabel = "N", defaultValue = "1",
            description = "Answers per prompt (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--provider", paramLabel = "P", defaultValue = "bedrock",
            description = "bedrock or openai-compatible (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Bedrock Runtime endpoint override; for openai-compatible, the server's base URL (…/v1).")
    String endpoint;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: AWS_REGION, else us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "Named AWS profile.")
    String profile;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "openai-compatible: the API key's environment variable.")
    String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N", description = "Most calls at once (Bedrock: adaptive up to N).")
    Integer concurrency;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "Sampling temperature, 0..2 (default: ${DEFAULT-VALUE}, as RFT samples).")
    double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "4096",
            description = "Most output tokens per answer (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(prompts)) {
            throw new UserInputException("--prompts " + prompts + ": no such file");
        }
        if (!(temperature >= 0 && temperature <= 2) || maxTokens < 1) {
            throw new UserInputException(maxTokens < 1 ? "--max-tokens must be at least 1"
                    : "--temperature " + temperature + " is outside 0..2");
        }
        if (concurrency != null && concurrency < 1) {
            throw new UserInputException("--concurrency must be at least 1, was " + concurrency);
        }
        String chosen = provider.strip().equalsIgnoreCase("openai-compatible") ? "openai" : provider.strip();
        if (!chosen.equals("bedrock") && !chosen.equals("openai")) {
            throw new UserInputException("--provider " + provider + ": use bedrock or openai-compatible");
        }
        JudgeSettings settings = new JudgeSettings(Optional.ofNullable(region), Optional.ofNullable(profile),
                chosen.equals("bedrock") ? Optional.ofNullable(endpoint) : Optional.empty(),
                chosen.equals("openai") ? Optional.ofNullable(endpoint) : Optional.empty(),
                Optional.ofNullable(apiKeyEnv), Optional.ofNullable(concurrency));
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<CheckpointSampler.Session> running = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            CheckpointSampler.Session session = running.get();
            if (session != null) {
                session.cancel();
                try {
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (Workspace opened = workspace.open(); JudgeClient client = client(chosen, settings)) {
            CheckpointSampler.Request request = new CheckpointSampler.Request(run, checkpoint,
                    CheckpointRollouts.step(step), model, prompts, generations, temperature, maxTokens);
            WatchSampleProgress progress = new WatchSampleProgress(err);
            CheckpointSampler.Session session = new CheckpointSampler(opened).start(request, client,
                    JudgeFactory.limiters(chosen, settings), progress::update);
            Runtime.getRuntime().addShutdownHook(hook);
            running.set(session);
            CheckpointSampler.Summary summary;
            try {
                summary = session.await();
            } catch (StoreException e) {
                err.println("juror: sampling of " + checkpoint + " stopped (" + e.getMessage() + "); the answers stored so"
                        + " far are kept: run the same command again to ask for the rest");
                err.flush();
                return JudgeCommand.INTERRUPTED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                session.cancel();
                return JudgeCommand.INTERRUPTED;
            }
            print(summary, err);
            if (summary.cancelled()) {
                return JudgeCommand.INTERRUPTED;
            }
            return summary.failed() > 0 ? CALLS_FAILED : CliRunner.OK;
        } catch (WatchInputException e) {
            throw new UserInputException(e.getMessage() + "; nothing was asked", e);
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
                // the hook is running (Ctrl-C) or was never registered
            }
        }
    }

    private static JudgeClient client(String provider, JudgeSettings settings) {
        try {
            return JudgeFactory.client(provider, settings);
        } catch (JudgeSetupException e) {
            throw CliJudgeFactory.asOption(e);
        }
    }

    private void print(CheckpointSampler.Summary s, PrintWriter err) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("run", s.checkpoint().run());
            map.put("checkpoint", s.checkpoint().checkpoint());
            map.put("step", s.checkpoint().step());
            map.put("model", model);
            map.put("prompts", s.prompts());
            map.put("calls", s.total());
            map.put("already_done", s.alreadyDone());
            map.put("stored", s.stored());
            map.put("failed", s.failed());
            map.put("throttled", s.batch().progress().throttledAttempts());
            map.put("cancelled", s.cancelled());
            map.put("failures", s.failures());
            out.println(ReportJson.write(map));
        } else {
            out.println(s.checkpoint().checkpoint() + " of run " + s.checkpoint().run() + " at step " + s.checkpoint().step()
                    + ": " + s.prompts() + " prompts x " + generations + " = " + s.total() + " answers; " + s.alreadyDone()
                    + " stored before, " + s.stored() + " stored now, " + s.failed() + " failed"
                    + (s.cancelled() ? " (stopped: run the same command again for the rest)" : ""));
            s.failures().forEach(f -> out.println("  failed " + f));
            out.println("experts label them blind: juror queue create --name " + s.checkpoint().run() + "/"
                    + s.checkpoint().checkpoint() + " --strategy checkpoint --checkpoint " + s.checkpoint().checkpoint()
                    + " --labellers A,B --count 20");
        }
        out.flush();
        err.flush();
    }
}
