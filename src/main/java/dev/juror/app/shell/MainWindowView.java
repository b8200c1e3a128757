package dev.juror.app.shell;

import dev.juror.app.settings.SettingsDialog;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.tasks.RunningTask;
import dev.juror.app.ui.Dialogs;
import dev.juror.app.workspace.WorkspaceSession;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Code-behind of {@code MainWindow.fxml}: the navigation rail, the screen host, the status bar and
 * the File menu. Screens are built on first visit by the suppliers the composition root passes in.
 */
public final class MainWindowView {

    @FXML private BorderPane root;
    @FXML private VBox navigationRail;
    @FXML private StackPane screenHost;
    @FXML private Label workspaceLabel;
    @FXML private Label labellerLabel;
    @FXML private Label statusMessage;
    @FXML private HBox taskArea;
    @FXML private Menu recentMenu;

    private final ShellViewModel viewModel;
    private final Dialogs dialogs;
    private final BackgroundTasks tasks;
    private final Map<ScreenId, Supplier<Node>> screenFactories;
    private final Map<ScreenId, Node> screens = new EnumMap<>(ScreenId.class);
    private final ToggleGroup railGroup = new ToggleGroup();
    private javafx.scene.control.Dialog<?> shortcutSheet;

    public MainWindowView(ShellViewModel viewModel, Dialogs dialogs, BackgroundTasks tasks,
                          Map<ScreenId, Supplier<Node>> screenFactories) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.tasks = tasks;
        EnumSet<ScreenId> missing = EnumSet.allOf(ScreenId.class);
        missing.removeAll(screenFactories.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("every screen of the rail needs a view; missing: " + missing);
        }
        this.screenFactories = Map.copyOf(screenFactories);
    }

    @FXML
    private void initialize() {
        for (ScreenId id : ScreenId.values()) {
            ToggleButton button = new ToggleButton(id.title());
            button.setId("nav-" + id.key());
            button.setToggleGroup(railGroup);
            button.setUserData(id);
            button.setMaxWidth(Double.MAX_VALUE);
            // The rail never takes focus, so keys typed on a screen stay with that screen.
            button.setFocusTraversable(false);
            button.getStyleClass().add("rail-button");
            button.setOnAction(event -> viewModel.show(id));
            navigationRail.getChildren().add(button);
        }
        railGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // a rail always has one screen selected
            }
        });
        viewModel.screenProperty().addListener((obs, old, now) -> showScreen(now));
        showScreen(viewModel.screenProperty().get());

        workspaceLabel.textProperty().bind(viewModel.workspaceText());
        workspaceLabel.setId("workspaceLabel");
        labellerLabel.textProperty().bind(viewModel.labellerText());
        labellerLabel.setId("labellerLabel");
        statusMessage.textProperty().bind(viewModel.statusMessageProperty());
        statusMessage.setId("statusMessage");
        taskArea.setId("taskArea");
        tasks.running().addListener((ListChangeListener<RunningTask>) change -> refreshTasks());
        refreshTasks();
        viewModel.settings().settingsProperty().addListener((obs, old, now) -> refreshRecent());
        refreshRecent();
    }

    /** Installs the window-wide shortcuts (Ctrl+1..7, F1, Ctrl+O, Ctrl+I, Ctrl+Comma). */
    public void installShortcuts(Scene scene) {
        for (ScreenId id : ScreenId.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + id.shortcutDigit());
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> viewModel.show(id));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::onShortcuts);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::onOpenWorkspace);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), this::onImport);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                this::onSettings);
    }

    public BorderPane root() {
        return root;
    }

    private void showScreen(ScreenId id) {
        Node screen = screens.computeIfAbsent(id, key -> screenFactories.get(key).get());
        screenHost.getChildren().setAll(screen);
        railGroup.getToggles().stream().filter(t -> t.getUserData() == id).findFirst()
                .ifPresent(t -> t.setSelected(true));
        screen.requestFocus();
    }

    private void refreshTasks() {
        taskArea.getChildren().clear();
        for (RunningTask task : List.copyOf(tasks.running())) {
            Label title = new Label(task.title());
            title.getStyleClass().add("task-title");
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(task.progressProperty());
            bar.setPrefWidth(120);
            Label message = new Label();
            message.textProperty().bind(task.messageProperty());
            message.getStyleClass().add("task-message");
            Button cancel = new Button("Cancel");
            cancel.getStyleClass().add("task-cancel");
            cancel.setFocusTraversable(false);
            cancel.setOnAction(event -> {
                task.requestCancel();
                cancel.setDisable(true); // the line now says "Stopping…" until the work has returned
            });
            HBox row = new HBox(6, title, bar, message, cancel);
            row.getStyleClass().add("task");
            taskArea.getChildren().add(row);
        }
    }

    private void refreshRecent() {
        List<String> recent = viewModel.settings().get().recentWorkspaces();
        recentMenu.getItems().clear();
        for (String path : recent) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> open(Path.of(path), WorkspaceSession.Seeding.RUBRICS));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void open(Path dir, WorkspaceSession.Seeding seeding) {
        viewModel.openWorkspace(dir, seeding, problem -> dialogs.showError(window(), problem.title(),
                problem.message()));
    }

    @FXML
    void onOpenWorkspace() {
        dialogs.chooseWorkspaceFolder(window(), "Open a Juror workspace folder")
                .ifPresent(dir -> open(dir, WorkspaceSession.Seeding.RUBRICS));
    }

    @FXML
    void onNewWorkspace() {
        dialogs.chooseWorkspaceFolder(window(), "Choose an empty folder for the new workspace")
                .ifPresent(dir -> open(dir, WorkspaceSession.Seeding.RUBRICS));
    }

    @FXML
    void onImport() {
        Path start = viewModel.session().isOpen() ? viewModel.session().current().directory() : null;
        dialogs.chooseImportFile(window(), start).ifPresent(file -> viewModel.importFile(file,
                outcome -> dialogs.showImportOutcome(window(), outcome),
                problem -> dialogs.showError(window(), problem.title(), problem.message())));
    }

    @FXML
    void onSettings() {
        SettingsDialog.edit(window(), viewModel.settings().get())
                .ifPresent(changed -> viewModel.settings().update(s -> changed));
    }

    @FXML
    void onChangeLabeller() {
        dialogs.askLabellerName(window(), viewModel.settings().get().labeller()).ifPresent(viewModel::setLabeller);
    }

    @FXML
    void onShortcuts() {
        // F1 toggles: one sheet at a time.
        if (shortcutSheet != null && shortcutSheet.isShowing()) {
            shortcutSheet.close();
            return;
        }
        shortcutSheet = ShortcutSheet.show(window());
    }

    @FXML
    void onQuit() {
        Window window = window();
        if (window != null) {
            window.fireEvent(new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            if (window.isShowing()) {
                window.hide();
            }
        }
    }
}
