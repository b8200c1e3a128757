package dev.juror.app;

import dev.juror.app.calibration.CalibrationDashboardView;
import dev.juror.app.calibration.CalibrationDashboardViewModel;
import dev.juror.app.calibration.ItemRef;
import dev.juror.app.calibration.ReportSaver;
import dev.juror.app.judge.JudgeRunsView;
import dev.juror.app.judge.JudgeRunsViewModel;
import dev.juror.app.review.JudgeScoreLookup;
import dev.juror.app.review.ReviewData;
import dev.juror.app.review.ReviewDeskView;
import dev.juror.app.review.ReviewDeskViewModel;
import dev.juror.app.rubric.FxDebouncer;
import dev.juror.app.rubric.RubricEditorView;
import dev.juror.app.rubric.RubricEditorViewModel;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsModel;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import dev.juror.app.shell.MainWindowView;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.shell.ShellViewModel;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.ui.Dialogs;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.WorkspaceSession;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The composition root: builds settings, the open workspace, the background tasks' consumers, the
 * view models and the screens, once, in dependency order. Nothing else in the workbench creates a
 * long-lived service, and nothing is static.
 */
public final class Workbench implements AutoCloseable {

    private final AppOptions options;
    private final BackgroundTasks tasks;
    private final Dialogs dialogs;
    private final SettingsModel settings;
    private final WorkspaceSession session;
    private final ShellViewModel shell;
    private final ReviewDeskViewModel review;
    private final CalibrationDashboardViewModel calibration;
    private final ReportSaver reportSaver;
    private final JudgeRunsViewModel judgeRuns;
    private ReviewDeskView reviewView;
    private MainWindowView mainWindow;
    private Stage stage;

    public Workbench(AppOptions options, BackgroundTasks tasks, Dialogs dialogs) {
        this(options, tasks, dialogs, ReportSaver.fileChooser());
    }

    /** @param reportSaver where the dashboard's HTML report goes (tests answer without a file chooser) */
    public Workbench(AppOptions options, BackgroundTasks tasks, Dialogs dialogs, ReportSaver reportSaver) {
        this.reportSaver = reportSaver;
        this.options = options;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = new SettingsModel(new SettingsStore(options.settingsFile()));
        this.session = new WorkspaceSession(tasks);
        this.shell = new ShellViewModel(session, settings, tasks);
        this.review = new ReviewDeskViewModel(tasks, () -> settings.get().labeller(), Clock.systemUTC(),
                JudgeScoreLookup.NONE);
        this.calibration = new CalibrationDashboardViewModel(tasks, session::current, this::openInReview,
                Clock.systemUTC());
        this.judgeRuns = new JudgeRunsViewModel(tasks, settings::get);
        session.revisionProperty().addListener((obs, old, now) -> reloadReview());
        session.revisionProperty().addListener((obs, old, now) -> calibration.reload());
        // Runs made since the dashboard was last shown appear when it is shown again.
        shell.screenProperty().addListener((obs, old, now) -> {
            if (now == ScreenId.CALIBRATION) {
                calibration.reload();
            }
        });
        // A new labeller sees their own queue: reload the desk when the name changes.
        settings.settingsProperty().addListener((obs, old, now) -> {
            if (!old.labeller().equals(now.labeller())) {
                reloadReview();
            }
        });
    }

    /** The dashboard's disagreement list opens an item here: switch to the review desk and open it. */
    private void openInReview(ItemRef item) {
        shell.show(ScreenId.REVIEW);
        review.openItem(item.sampleId(), item.rolloutIndex(), item.position());
    }

    private void reloadReview() {
        Workspace open = session.current();
        review.load(open == null ? null : new ReviewData(open));
    }

    /** Shows the main window, opens the workspace (seeding it when new) and asks the labeller's name once. */
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Map<ScreenId, Supplier<Node>> screens = Map.of(ScreenId.REVIEW, this::reviewScreen,
                ScreenId.REGRESSION, this::regressionScreen,
                ScreenId.EXPORT, this::exportScreen,
                ScreenId.RUBRICS, this::rubricScreen,
                ScreenId.CALIBRATION, () -> ViewLoader.load(new CalibrationDashboardView(calibration, reportSaver),
                        "CalibrationDashboardView.fxml"),
                ScreenId.JUDGE_RUNS, this::judgeRunsScreen);
        mainWindow = new MainWindowView(shell, dialogs, tasks, screens);
        Parent root = ViewLoader.load(mainWindow, "MainWindow.fxml");
        Settings current = settings.get();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowLayout layout = current.window().fittedTo(screen.getMinX(), screen.getMinY(), screen.getWidth(),
                screen.getHeight());
        Scene scene = new Scene(root, layout.width(), layout.height());
        Themes.apply(scene, current);
        settings.settingsProperty().addListener((obs, old, now) -> Themes.apply(scene, now));
        mainWindow.installShortcuts(scene);
        stage.setTitle("Juror");
        stage.setScene(scene);
        if (layout.hasPosition()) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        stage.setOnCloseRequest(event -> {
            rememberLayout();
            judgeRuns.cancel(); // a judge run stops cleanly (interrupted, resumable) before the workspace closes
        });
        stage.show();
        restoreDividers();
        shell.openWorkspace(startWorkspace(), WorkspaceSession.Seeding.RUBRICS_AND_SAMPLES,
                problem -> dialogs.showError(stage, problem.title(), problem.message()));
        if (!settings.get().hasLabeller()) {
            Platform.runLater(() -> dialogs.askLabellerName(stage, "").ifPresent(shell::setLabeller));
        }
    }

    private Path startWorkspace() {
        return options.workspace()
                .or(() -> settings.get().recentWorkspaces().stream().findFirst().map(Path::of))
                .orElse(Workspace.defaultDirectory());
    }

    private Node reviewScreen() {
        reviewView = new ReviewDeskView(review, tasks);
        return ViewLoader.load(reviewView, "ReviewDeskView.fxml");
    }

    private Node regressionScreen() {
        var viewModel = new dev.juror.app.regression.RegressionViewModel(tasks, session::current, settings::get,
                Clock.systemUTC());
        session.revisionProperty().addListener((obs, old, now) -> viewModel.load());
        settings.settingsProperty().addListener((obs, old, now) -> viewModel.applySettings());
        viewModel.load();
        return ViewLoader.load(new dev.juror.app.regression.RegressionView(viewModel), "RegressionView.fxml");
    }

    private Node exportScreen() {
        var viewModel = new dev.juror.app.export.ExportViewModel(tasks, session::current,
                new dev.juror.workspace.ExportService(Clock.systemUTC()));
        session.revisionProperty().addListener((obs, old, now) -> viewModel.load());
        viewModel.load();
        return ViewLoader.load(new dev.juror.app.export.ExportView(viewModel, dialogs), "ExportView.fxml");
    }

    /** The rubric editor, built on first visit; it follows the open workspace from then on. */
    private Node rubricScreen() {
        RubricEditorViewModel editor = new RubricEditorViewModel(tasks, new FxDebouncer(Duration.millis(250)),
                System::currentTimeMillis);
        editor.setJudgeSettings(() -> trialJudgeSettings(settings.get()));
        session.revisionProperty().addListener((obs, old, now) -> editor.load(session.current()));
        editor.load(session.current());
        return ViewLoader.load(new RubricEditorView(editor), "RubricEditorView.fxml",
                new dev.juror.app.rubric.RubricPreviewView(editor));
    }

    /** The Settings dialog's judge provider settings, as the judge engine takes them (no credentials). */
    private static dev.juror.judge.run.JudgeSettings trialJudgeSettings(Settings s) {
        return new dev.juror.judge.run.JudgeSettings(nonBlank(s.bedrockRegion()), nonBlank(s.bedrockProfile()),
                java.util.Optional.empty(), nonBlank(s.openAiBaseUrl()), java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    private static java.util.Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    private Node judgeRunsScreen() {
        judgeRuns.load(session.current());
        session.revisionProperty().addListener((obs, old, now) -> judgeRuns.load(session.current()));
        settings.settingsProperty().addListener((obs, old, now) -> judgeRuns.applySettings());
        return ViewLoader.load(new JudgeRunsView(judgeRuns), "JudgeRunsView.fxml");
    }

    public JudgeRunsViewModel judgeRuns() {
        return judgeRuns;
    }

    private void restoreDividers() {
        if (reviewView == null) {
            return;
        }
        Map<String, List<Double>> saved = settings.get().dividers();
        reviewView.splitPanes().forEach((name, pane) -> {
            List<Double> positions = saved.get(name);
            if (positions != null && positions.size() == pane.getDividers().size()) {
                pane.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
    }

    /** Saves window size, position and divider positions (called when the window closes). */
    public void rememberLayout() {
        if (stage == null) {
            return;
        }
        WindowLayout layout = new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
        settings.update(s -> s.withWindow(stage.isMaximized() ? new WindowLayout(s.window().x(), s.window().y(),
                s.window().width(), s.window().height(), true) : layout));
        if (reviewView != null) {
            for (Map.Entry<String, SplitPane> pane : reviewView.splitPanes().entrySet()) {
                List<Double> positions = java.util.Arrays.stream(pane.getValue().getDividerPositions()).boxed().toList();
                settings.update(s -> s.withDividers(pane.getKey(), positions));
            }
        }
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ReviewDeskViewModel review() {
        return review;
    }

    public CalibrationDashboardViewModel calibration() {
        return calibration;
    }

    public WorkspaceSession session() {
        return session;
    }

    /** Closes the workspace and flushes the settings. Call on the way out (Application.stop). */
    @Override
    public void close() {
        session.close();
        settings.close();
    }
}
