package dev.juror.app.judge;

import dev.juror.app.AppOptions;
import dev.juror.app.ScriptedDialogs;
import dev.juror.app.SeededWorkspace;
import dev.juror.app.Workbench;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.judge.BatchProgress;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.run.RunProgress;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: opens the workbench on a real display at the judge runs screen with a Batch job chosen
 * (bedrock, the rubric's model, the S3 folder and role remembered in the settings), waits for the cost
 * preview, then stays open for {@code seconds} so the screen can be captured ({@code import -window root}).
 * No Bedrock job runs: the progress line is a batch stage this program shows, worded as the batch engine
 * words it. Args: WORKSPACE (seeded when missing) SETTINGS_FILE [SECONDS].
 */
public final class JudgeBatchScreenshotMain {

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path settings = Path.of(args[1]);
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 30;
        if (!Files.exists(workspace)) {
            try (Workspace seeded = SeededWorkspace.open(workspace)) {
                seeded.directory();
            }
        }
        new SettingsStore(settings).save(Settings.defaults().withLabeller("Ann")
                .withWindow(new WindowLayout(0, 0, 1280, 800, false))
                .withBatch("s3://team-judging/juror/batch", "arn:aws:iam::123456789012:role/juror-batch-inference"));
        FxBackgroundTasks tasks = new FxBackgroundTasks(3);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        AtomicReference<Workbench> bench = new AtomicReference<>();
        Platform.runLater(() -> {
            Workbench workbench = new Workbench(new AppOptions(Optional.of(workspace), settings), tasks,
                    new ScriptedDialogs());
            workbench.start(new Stage());
            workbench.shell().show(ScreenId.JUDGE_RUNS);
            bench.set(workbench);
        });
        while (bench.get() == null || bench.get().judgeRuns().rubrics().isEmpty()) {
            Thread.sleep(100);
        }
        JudgeRunsViewModel vm = bench.get().judgeRuns();
        Platform.runLater(() -> {
            vm.form().providerProperty().set("bedrock");
            vm.form().batch().modeProperty().set(CallMode.BATCH);
        });
        while (!vm.preview().textProperty().get().contains("calls")) {
            Thread.sleep(100);
        }
        Platform.runLater(() -> {
            // Scrolled to the batch part of the form: the choice, the S3 folder and the role.
            javafx.stage.Window.getWindows().stream().map(w -> w.getScene().lookup(".judge-form-scroll"))
                    .filter(javafx.scene.control.ScrollPane.class::isInstance).findFirst()
                    .ifPresent(scroll -> ((javafx.scene.control.ScrollPane) scroll).setVvalue(0.62));
            BatchProgress none = new BatchProgress(2000, 0, 0, 0, 0, 0, 0, 0, 0, TokenUsage.ZERO,
                    Duration.ofMinutes(14), Optional.empty(), 4);
            vm.run().show(RunProgressViewModel.Shown.of(new RunProgress(none, Map.of(), 2000, 0,
                    "batch job juror-run-3-1 InProgress: 1,200 of 2,000 records processed; next look in 60 s")));
        });
        System.out.println("ready");
        Thread.sleep(seconds * 1000);
        Platform.runLater(() -> bench.get().close());
        tasks.close();
        Platform.exit();
        System.exit(0);
    }
}
