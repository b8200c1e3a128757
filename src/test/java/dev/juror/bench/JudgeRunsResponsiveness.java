package dev.juror.bench;

import dev.juror.app.AppOptions;
import dev.juror.app.ScriptedDialogs;
import dev.juror.app.TestSettings;
import dev.juror.app.Workbench;
import dev.juror.app.judge.JudgeRunsViewModel;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.cli.JudgeCliFixture;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Responsiveness of the judge runs screen (issue 6, "Done when"): starts a 1,000-rollout Bedrock
 * run against the local Converse test server (fast answers, concurrency 64) with the screen
 * showing, and records the gap between consecutive {@link AnimationTimer} pulses on the FX thread
 * while the run is in progress. A stall of the FX thread shows up as a long gap. Prints max, p99,
 * p50 and the pulse count. Run headless (Monocle); see docs/benchmarks.md for the command.
 */
public final class JudgeRunsResponsiveness {

    static final int SAMPLES = 125;
    static final int ROLLOUTS_PER_SAMPLE = 8;

    /** The CLI tests' response-level rubric and scripted answer: one answer fits every rollout. */
    static final String RUBRIC = JudgeCliFixture.RESPONSE_RUBRIC;
    static final String ANSWER = JudgeCliFixture.RESPONSE_ANSWER;

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 5;
        System.setProperty("aws.accessKeyId", DummyAwsCredentials.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DummyAwsCredentials.SECRET_ACCESS_KEY);
        Path dir = Files.createTempDirectory("juror-judge-responsiveness");
        Path ws = dir.resolve("ws");
        try (Workspace workspace = Workspace.open(ws)) {
            new Importer(workspace).importBatch(SyntheticImport.batch(SAMPLES, ROLLOUTS_PER_SAMPLE, 10, 2, 40 * 1024),
                    ImportOptions.refuseInvalid());
        }
        Files.createDirectories(ws.resolve("rubrics"));
        Files.writeString(ws.resolve("rubrics/whole-review.yaml"), RUBRIC);

        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(ANSWER).withUsage(1500, 60, 0, 0).withDelay(Duration.ofMillis(delayMs)));
            FxBackgroundTasks tasks = new FxBackgroundTasks(3);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            AtomicReference<Workbench> bench = new AtomicReference<>();
            Path settings = TestSettings.withLabeller(dir, "bench");
            Platform.runLater(() -> {
                Workbench workbench = new Workbench(new AppOptions(Optional.of(ws), settings), tasks,
                        new ScriptedDialogs());
                workbench.start(new Stage());
                workbench.shell().show(ScreenId.JUDGE_RUNS);
                bench.set(workbench);
            });
            JudgeRunsViewModel vm = waitFor(() -> bench.get() == null ? null : bench.get().judgeRuns());
            waitFor(() -> vm.rubrics().isEmpty() || vm.samples().isEmpty() ? null : Boolean.TRUE);

            long[] gaps = new long[1_000_000];
            long[] ends = new long[gaps.length];
            int[] count = new int[1];
            long[] last = new long[1];
            AnimationTimer probe = new AnimationTimer() {
                @Override
                public void handle(long pulse) {
                    long now = System.nanoTime();
                    if (last[0] != 0 && count[0] < gaps.length) {
                        ends[count[0]] = now;
                        gaps[count[0]++] = now - last[0];
                    }
                    last[0] = now;
                }
            };
            // Control: a plain thread that sleeps one frame (16 ms) at a time and records how late it wakes.
            // On a machine shared with other builds, its lateness is the noise floor of the FX gaps.
            long[] lateness = new long[1_000_000];
            int[] lateCount = new int[1];
            Thread control = Thread.ofPlatform().daemon(true).unstarted(() -> {
                try {
                    while (lateCount[0] < lateness.length) {
                        long before = System.nanoTime();
                        Thread.sleep(16);
                        lateness[lateCount[0]++] = System.nanoTime() - before - 16_000_000L;
                    }
                } catch (InterruptedException stopped) {
                    // run over
                }
            });
            CountDownLatch finished = new CountDownLatch(1);
            long[] wall = new long[2];
            Platform.runLater(() -> {
                vm.rubricProperty().set(vm.rubrics().stream().filter(r -> r.fileName().equals("whole-review.yaml"))
                        .findFirst().orElseThrow());
                vm.providerProperty().set("bedrock");
                vm.endpointProperty().set(server.endpoint().toString());
                vm.regionProperty().set("us-east-1");
                vm.concurrencyProperty().set(concurrency);
                vm.runningProperty().addListener((obs, old, now) -> {
                    if (!now) {
                        probe.stop();
                        wall[1] = System.nanoTime();
                        finished.countDown();
                    }
                });
                probe.start();
                control.start();
                wall[0] = System.nanoTime();
                vm.start();
            });
            if (!finished.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the run did not finish within 10 minutes");
            }
            Thread.sleep(300);
            Integer[] order = new Integer[count[0]];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(gaps[b], gaps[a]));
            for (int i = 0; i < Math.min(5, order.length); i++) {
                System.out.printf(Locale.ROOT, "  gap %.0f ms ending %.2f s into the run%n", ms(gaps[order[i]]),
                        ms(ends[order[i]] - wall[0]) / 1000);
            }
            control.interrupt();
            control.join();
            long[] late = Arrays.copyOf(lateness, lateCount[0]);
            Arrays.sort(late);
            long[] measured = Arrays.copyOf(gaps, count[0]);
            Arrays.sort(measured);
            StoredJudgeRun run = new JudgeRunRepository(bench.get().session().current()).list().get(0);
            System.out.printf(Locale.ROOT, "run %d %s: %d/%d results (%s), wall %.1f s, %d progress updates shown%n",
                    run.id(), run.status().code(), run.results(), run.expectedResults(), run.statusCounts(),
                    (wall[1] - wall[0]) / 1e9, vm.progressUpdatesProperty().get());
            System.out.printf(Locale.ROOT, "FX pulses: %d; gap max %.1f ms, p99 %.1f ms, p50 %.1f ms%n",
                    measured.length, ms(measured[measured.length - 1]), ms(percentile(measured, 0.99)),
                    ms(percentile(measured, 0.50)));
            System.out.printf(Locale.ROOT, "control thread (16 ms sleeps, same period): %d wake-ups; lateness max %.1f ms,"
                    + " p99 %.1f ms, p50 %.1f ms%n", late.length, ms(late[late.length - 1]), ms(percentile(late, 0.99)),
                    ms(percentile(late, 0.50)));
            Platform.runLater(() -> bench.get().close());
            tasks.close();
            Platform.exit();
        }
        System.exit(0);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T waitFor(java.util.function.Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out waiting for the workbench");
    }
}
