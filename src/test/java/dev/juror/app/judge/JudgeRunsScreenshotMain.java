package dev.juror.app.judge;

import dev.juror.app.AppOptions;
import dev.juror.app.ScriptedDialogs;
import dev.juror.app.Workbench;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Opens the workbench on a real display at the judge runs screen, runs the heuristic judge on the
 * workspace and selects an ok result, then stays open for {@code seconds} so the screen can be
 * captured ({@code import -window root}). Args: WORKSPACE SETTINGS_FILE [SECONDS].
 */
public final class JudgeRunsScreenshotMain {

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path settings = Path.of(args[1]);
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 30;
        FxBackgroundTasks tasks = new FxBackgroundTasks(3);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        AtomicReference<Workbench> bench = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        Platform.runLater(() -> {
            Workbench workbench = new Workbench(new AppOptions(Optional.of(workspace), settings), tasks,
                    new ScriptedDialogs());
            Stage s = new Stage();
            workbench.start(s);
            workbench.shell().show(ScreenId.JUDGE_RUNS);
            bench.set(workbench);
            stage.set(s);
        });
        while (bench.get() == null || bench.get().judgeRuns().rubrics().isEmpty()) {
            Thread.sleep(100);
        }
        JudgeRunsViewModel vm = bench.get().judgeRuns();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.runningProperty().addListener((obs, old, now) -> {
                if (!now) {
                    done.countDown();
                }
            });
            vm.start();
        });
        done.await();
        while (vm.results().isEmpty()) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the table is read again in rollout order once the run has ended
        Platform.runLater(() -> {
            @SuppressWarnings("unchecked")
            TableView<ResultRow> table = (TableView<ResultRow>) stage.get().getScene().lookup("#resultTable");
            int ok = vm.results().stream().map(ResultRow::status).toList().indexOf("ok");
            table.getSelectionModel().select(Math.max(ok, 0) + 2);
            table.requestFocus();
        });
        System.out.println("ready");
        Thread.sleep(seconds * 1000);
        Platform.runLater(() -> bench.get().close());
        tasks.close();
        Platform.exit();
        System.exit(0);
    }
}
