package dev.juror.app.training;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.watch.Placement;
import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.DetectorNames;
import dev.juror.watch.detect.WatchReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: how long the Training screen takes to turn a 500-step report into its six charts and
 * to draw them, on the FX thread (run headless, see docs/benchmarks.md). Measures, 200 times each:
 * building the panels from the report (off the FX thread on the workbench), drawing the six charts
 * anew (a new run), and moving the chosen step (a click). Prints the median and the largest.
 */
public final class TrainingChartsResponsiveness {

    private TrainingChartsResponsiveness() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = 200;
        FakeTrainingData data = FakeTrainingData.withOneRun(steps);
        WatchReport plain = data.reports.get("rft-1");
        List<Alarm> alarms = new ArrayList<>();
        for (int i = 0; i < DetectorNames.ALL.size(); i++) {
            alarms.add(new Alarm(DetectorNames.ALL.get(i), 40 + i * steps / 12, "evidence " + i, Map.of(), List.of()));
        }
        List<CheckpointAgreement> checkpoints = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            checkpoints.add(new CheckpointAgreement("ckpt-" + c * steps / 5, c * steps / 5, 40,
                    Map.of("grounding", 0.7, "coverage", 0.6, "actionability", 0.65), Map.of("grounding", 0.6,
                    "coverage", 0.5, "actionability", 0.55), Map.of("grounding", 0.8, "coverage", 0.7,
                    "actionability", 0.75), 0.6, 0.55));
        }
        WatchReport report = new WatchReport("rft-1", Placement.RECORD, plain.steps(), checkpoints, alarms, List.of());
        data.reports.put("rft-1", report);

        long[] build = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            TrainingChartsBuilder.of(report);
            build[i] = System.nanoTime() - t;
        }

        long[] draw = new long[rounds];
        long[] click = new long[rounds];
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            TrainingViewModel model = new TrainingViewModel(new InlineBackgroundTasks(), () -> data, x -> { });
            Parent root = ViewLoader.load(new TrainingView(model), "TrainingView.fxml");
            Stage stage = new Stage();
            Scene scene = new Scene(root, 1110, 740);
            Themes.apply(scene, Settings.defaults());
            stage.setScene(scene);
            stage.show();
            model.reload();
            TrainingCharts charts = model.chartsProperty().get();
            List<StepChart> shown = root.lookupAll(".step-chart").stream().map(StepChart.class::cast).toList();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                for (int p = 0; p < shown.size(); p++) {
                    shown.get(p).show(charts.panels().get(p), charts.firstStep(), charts.lastStep());
                }
                draw[i] = System.nanoTime() - t;
                t = System.nanoTime();
                for (StepChart chart : shown) {
                    chart.setSelectedStep(1 + i * (steps - 1) / rounds);
                }
                click[i] = System.nanoTime() - t;
            }
            done.countDown();
        });
        done.await();
        System.out.printf(Locale.ROOT, "%d steps, %d alarms, %d checkpoints x 3 dimensions, %d rounds%n", steps,
                alarms.size(), checkpoints.size(), rounds);
        print("report -> six panels", build);
        print("draw the six charts", draw);
        print("move the chosen step", click);
        Platform.exit();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-24s median %.2f ms, max %.2f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
