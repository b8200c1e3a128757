package dev.juror.app;

import dev.juror.workspace.evidence.ExportServices;
import dev.juror.app.align.AlignView;
import dev.juror.app.align.AlignViewModel;
import dev.juror.app.calibration.CalibrationDashboardView;
import dev.juror.app.calibration.CalibrationDashboardViewModel;
import dev.juror.app.calibration.ItemRef;
import dev.juror.app.calibration.ReportSaver;
import dev.juror.app.export.ExportView;
import dev.juror.app.export.ExportViewModel;
import dev.juror.app.judge.JudgeRunsView;
import dev.juror.app.judge.JudgeRunsViewModel;
import dev.juror.app.regression.RegressionView;
import dev.juror.app.regression.RegressionViewModel;
import dev.juror.app.review.ReviewData;
import dev.juror.app.review.ReviewDeskView;
import dev.juror.app.review.ReviewDeskViewModel;
import dev.juror.app.rubric.FxDebouncer;
import dev.juror.app.rubric.RubricEditorView;
import dev.juror.app.rubric.RubricEditorViewModel;
import dev.juror.app.rubric.RubricPreviewView;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsModel;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import dev.juror.app.shell.MainWindowView;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.shell.ShellViewModel;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.training.TrainingView;
import dev.juror.app.training.TrainingViewModel;
import dev.juror.app.ui.Dialogs;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.WorkspaceSession;
import dev.juror.store.Workspace;
import dev.juror.workspace.ExportService;
import dev.juror.workspace.watch.CheckpointForReview;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
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
 * view models and the screens, in dependency order. Nothing else in the workbench creates a
 * long-lived service, and nothing is static. Every screen is registered the same way, as a
 * {@link LazyScreen} in {@link #screens}: its view model is built (and wired to the workspace and
 * settings) when the screen is first opened, once; a screen never opened costs nothing at start.
 */
public final class Workbench implements AutoCloseable {

    private final AppOptions options;
    private final BackgroundTasks tasks;
    private final Dialogs dialogs;
    private final SettingsModel settings;
    private final WorkspaceSession session;
    private final ShellViewModel shell;
    private final ReportSaver reportSaver;
    private final LazyScreen<ReviewDeskViewModel> review;
    private final LazyScreen<CalibrationDashboardViewModel> calibration;
    private final LazyScreen<JudgeRunsViewModel> judgeRuns;
    private final LazyScreen<TrainingViewModel> training;
    private final LazyScreen<RubricEditorViewModel> rubrics;
    private final LazyScreen<AlignViewModel> align;
    private Stage alignStage;
    private final Map<ScreenId, LazyScreen<?>> screens;
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
        this.review = new LazyScreen<>(this::reviewModel, this::reviewView);
        this.calibration = new LazyScreen<>(this::calibrationModel,
                model -> ViewLoader.load(new CalibrationDashboardView(model, reportSaver), "CalibrationDashboardView.fxml"));
        this.judgeRuns = new LazyScreen<>(this::judgeRunsModel,
                model -> ViewLoader.load(new JudgeRunsView(model), "JudgeRunsView.fxml"));
        Map<ScreenId, LazyScreen<?>> all = new EnumMap<>(ScreenId.class);
        this.rubrics = new LazyScreen<>(this::rubricModel, model -> ViewLoader.load(
                new RubricEditorView(model, this::openAlign), "RubricEditorView.fxml", new RubricPreviewView(model)));
        this.align = new LazyScreen<>(this::alignModel, model -> ViewLoader.load(new AlignView(model), "AlignView.fxml"));
        all.put(ScreenId.RUBRICS, rubrics);
        all.put(ScreenId.REVIEW, review);
        all.put(ScreenId.JUDGE_RUNS, judgeRuns);
        all.put(ScreenId.CALIBRATION, calibration);
        all.put(ScreenId.REGRESSION, new LazyScreen<>(this::regressionModel,
                model -> ViewLoader.load(new RegressionView(model), "RegressionView.fxml")));
        all.put(ScreenId.EXPORT, new LazyScreen<>(this::exportModel,
                model -> ViewLoader.load(new ExportView(model, dialogs), "ExportView.fxml")));
        this.training = new LazyScreen<>(this::trainingModel,
                model -> ViewLoader.load(new TrainingView(model), "TrainingView.fxml"));
        all.put(ScreenId.TRAINING, training);
        this.screens = Collections.unmodifiableMap(all);
    }

    // Each screen's view model: built on first open, loaded with the open workspace, and from then on
    // following the workspace (a new revision) and the settings it depends on.

    private ReviewDeskViewModel reviewModel() {
        ReviewDeskViewModel model = new ReviewDeskViewModel(tasks, () -> settings.get().labeller(),
                Clock.systemUTC());
        Runnable reload = () -> {
            Workspace open = session.current();
            model.load(open == null ? null : new ReviewData(open));
        };
        reload.run();
        session.revisionProperty().addListener((obs, old, now) -> reload.run());
        // A new labeller sees their own queue: reload the desk when the name changes.
        settings.settingsProperty().addListener((obs, old, now) -> {
            if (!old.labeller().equals(now.labeller())) {
                reload.run();
            }
        });
        return model;
    }

    private Node reviewView(ReviewDeskViewModel model) {
        reviewView = new ReviewDeskView(model, tasks);
        return ViewLoader.load(reviewView, "ReviewDeskView.fxml");
    }

    private CalibrationDashboardViewModel calibrationModel() {
        CalibrationDashboardViewModel model = new CalibrationDashboardViewModel(tasks, session::current,
                this::openInReview, Clock.systemUTC());
        model.reload();
        session.revisionProperty().addListener((obs, old, now) -> model.reload());
        // Runs made since the dashboard was last shown appear when it is shown again.
        shell.screenProperty().addListener((obs, old, now) -> {
            if (now == ScreenId.CALIBRATION) {
                model.reload();
            }
        });
        return model;
    }

    private JudgeRunsViewModel judgeRunsModel() {
        JudgeRunsViewModel model = new JudgeRunsViewModel(tasks, settings::get, settings::update);
        model.load(session.current());
        session.revisionProperty().addListener((obs, old, now) -> model.load(session.current()));
        settings.settingsProperty().addListener((obs, old, now) -> model.applySettings());
        return model;
    }

    private RubricEditorViewModel rubricModel() {
        RubricEditorViewModel model = new RubricEditorViewModel(tasks, new FxDebouncer(Duration.millis(250)),
                System::currentTimeMillis);
        model.setJudgeSettings(() -> trialJudgeSettings(settings.get()));
        model.load(session.current());
        session.revisionProperty().addListener((obs, old, now) -> model.load(session.current()));
        return model;
    }

    /** The Align panel works on the rubric open in the editor and opens its new version there. */
    private AlignViewModel alignModel() {
        AlignViewModel model = new AlignViewModel(tasks, new WorkspaceAlign(session::current, Clock.systemUTC()),
                settings::get, file -> {
                    shell.show(ScreenId.RUBRICS);
                    rubrics.model().open(file);
                    if (stage != null) {
                        stage.toFront();
                    }
                });
        model.rubricProperty().bind(rubrics.model().fileProperty());
        model.reload();
        session.revisionProperty().addListener((obs, old, now) -> model.reload());
        settings.settingsProperty().addListener((obs, old, now) -> model.applySettings());
        return model;
    }

    /** The editor's Align button: the panel in its own window beside the main one, built on first use. */
    private void openAlign() {
        if (alignStage == null) {
            alignStage = new Stage();
            alignStage.initOwner(stage);
            alignStage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Juror: Align "
                    + (align.model().rubricProperty().get() == null ? ""
                    : align.model().rubricProperty().get().getFileName()), align.model().rubricProperty()));
            Scene scene = new Scene((Parent) align.view(), 1280, 800);
            Themes.apply(scene, settings.get());
            settings.settingsProperty().addListener((obs, old, now) -> Themes.apply(scene, now));
            alignStage.setScene(scene);
        }
        alignStage.show();
        alignStage.toFront();
    }

    private RegressionViewModel regressionModel() {
        RegressionViewModel model = new RegressionViewModel(tasks, session::current, settings::get, Clock.systemUTC());
        model.load();
        session.revisionProperty().addListener((obs, old, now) -> model.load());
        settings.settingsProperty().addListener((obs, old, now) -> model.applySettings());
        return model;
    }

    private ExportViewModel exportModel() {
        ExportViewModel model = new ExportViewModel(tasks, session::current, ExportServices.withEvidence(Clock.systemUTC()));
        model.load();
        session.revisionProperty().addListener((obs, old, now) -> model.load());
        return model;
    }

    private TrainingViewModel trainingModel() {
        TrainingViewModel model = new TrainingViewModel(tasks, WorkspaceTrainingData.following(session::current),
                this::openCheckpointInReview);
        model.reload();
        session.revisionProperty().addListener((obs, old, now) -> model.reload());
        // Runs imported from the command line since the screen was last shown appear when it is shown again.
        shell.screenProperty().addListener((obs, old, now) -> {
            if (now == ScreenId.TRAINING) {
                model.reload();
            }
        });
        return model;
    }

    /** The Training screen opens a checkpoint's rollouts here: its newest review queue, else its first rollout. */
    private void openCheckpointInReview(CheckpointForReview checkpoint) {
        shell.show(ScreenId.REVIEW);
        if (checkpoint.queues().isEmpty()) {
            review.model().openItem(checkpoint.firstSampleId(), checkpoint.firstRolloutIndex(), 0);
        } else {
            review.model().showQueue(checkpoint.queues().get(checkpoint.queues().size() - 1));
        }
    }

    /** The dashboard's disagreement list opens an item here: switch to the review desk and open it. */
    private void openInReview(ItemRef item) {
        shell.show(ScreenId.REVIEW);
        if (item.runId() > 0) {
            review.model().openItem(item.sampleId(), item.rolloutIndex(), item.position(), item.runId());
        } else {
            review.model().openItem(item.sampleId(), item.rolloutIndex(), item.position());
        }
    }

    /** Shows the main window, opens the workspace (seeding it when new) and asks the labeller's name once. */
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Map<ScreenId, Supplier<Node>> views = new EnumMap<>(ScreenId.class);
        screens.forEach((id, screen) -> views.put(id, screen::view));
        mainWindow = new MainWindowView(shell, dialogs, tasks, views);
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
            judgeRuns.ifBuilt(JudgeRunsViewModel::cancel); // a judge run stops cleanly (interrupted, resumable) before the workspace closes
        });
        stage.show();
        restoreDividers(); // the review desk is the first screen shown, so its view exists by now
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

    /** The Settings dialog's judge provider settings, as the judge engine takes them (no credentials). */
    private static dev.juror.judge.run.JudgeSettings trialJudgeSettings(Settings s) {
        return new dev.juror.judge.run.JudgeSettings(nonBlank(s.bedrockRegion()), nonBlank(s.bedrockProfile()),
                java.util.Optional.empty(), nonBlank(s.openAiBaseUrl()), java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    private static java.util.Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    /** The judge runs screen's view model (built now if the screen was never opened). */
    public JudgeRunsViewModel judgeRuns() {
        return judgeRuns.model();
    }

    /** Whether a screen's view model has been built, that is, whether the screen was opened (or asked for). */
    public boolean isBuilt(ScreenId id) {
        return screens.get(id).isBuilt();
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

    /** The review desk's view model (built now if the desk was never opened). */
    public ReviewDeskViewModel review() {
        return review.model();
    }

    /** The calibration dashboard's view model (built now if the dashboard was never opened). */
    public CalibrationDashboardViewModel calibration() {
        return calibration.model();
    }

    /** The Training screen's view model (built now if the screen was never opened). */
    public TrainingViewModel training() {
        return training.model();
    }

    /** The Align panel's view model (built now if the panel was never opened). */
    public AlignViewModel align() {
        return align.model();
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
