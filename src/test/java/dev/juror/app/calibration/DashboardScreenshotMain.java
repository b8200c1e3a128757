package dev.juror.app.calibration;

import dev.juror.app.AppOptions;
import dev.juror.app.Workbench;
import dev.juror.app.shell.FxDialogs;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

/**
 * Starts the real workbench on a display (Xvfb) and opens the calibration dashboard with every run
 * of the first rubric ticked and computed, for the screenshot in docs/ (taken with ImageMagick's
 * {@code import}). Not a test. Arguments: workspace folder, settings file, optionally the tab to show (0-based) and an anchor set
 * to measure drift against.
 */
public final class DashboardScreenshotMain {

    private DashboardScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        AppOptions options = new AppOptions(Optional.of(Path.of(args[0])), Path.of(args[1]));
        Platform.startup(() -> {
            Workbench workbench = new Workbench(options, new FxBackgroundTasks(2), new FxDialogs());
            workbench.start(new Stage());
            CalibrationDashboardViewModel dashboard = workbench.calibration();
            dashboard.messageProperty().addListener((obs, old, now) -> System.out.println("dashboard: " + now));
            AtomicBoolean computed = new AtomicBoolean();
            dashboard.runs().addListener((ListChangeListener<RunChoice>) change -> {
                if (!dashboard.runs().isEmpty() && computed.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        dashboard.runs().forEach(r -> r.selectedProperty().set(true));
                        if (args.length > 3) { // an anchor set to measure drift against, by name
                            dashboard.anchorSets().stream().filter(a -> args[3].equals(a.name())).findFirst()
                                    .ifPresent(dashboard.anchorSetProperty()::set);
                        }
                        dashboard.compute();
                    });
                }
            });
            workbench.shell().show(ScreenId.CALIBRATION);
            if (args.length > 2) { // the tab to show, by position
                int tab = Integer.parseInt(args[2]);
                dashboard.dashboardProperty().addListener((obs, old, now) -> Platform.runLater(() ->
                        javafx.stage.Window.getWindows().forEach(w -> {
                            if (w.getScene() != null && w.getScene().lookup("#calibrationDashboard .tab-pane")
                                    instanceof javafx.scene.control.TabPane tabs) {
                                tabs.getSelectionModel().select(tab);
                            }
                        })));
            }
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
