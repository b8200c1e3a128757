package dev.juror.app.rubric;

import java.nio.file.Path;
import java.util.Objects;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Code-behind of {@code RubricEditorView.fxml}: the toolbar (file, version, undo, redo, save and
 * their keys), the rubric file list, the form ({@link RubricForm}) and the status line. The right
 * column (sample, preview, trial, diff) is {@code RubricPreviewPane.fxml} with its own
 * {@link RubricPreviewView}.
 */
public final class RubricEditorView {

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    @FXML private BorderPane root;
    @FXML private Label fileTitle;
    @FXML private Label versionLabel;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button saveButton;
    @FXML private Button alignButton;
    @FXML private Label generalProblems;
    @FXML private ListView<Path> fileList;
    @FXML private ScrollPane formScroll;
    @FXML private VBox form;
    @FXML private Label statusLabel;

    private final RubricEditorViewModel viewModel;
    private final Runnable openAlign;
    private RubricForm formBuilder;
    private boolean selectingFile;

    public RubricEditorView(RubricEditorViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param openAlign opens the Align panel beside the editor for the open rubric; null: no Align button */
    public RubricEditorView(RubricEditorViewModel viewModel, Runnable openAlign) {
        this.viewModel = viewModel;
        this.openAlign = openAlign;
    }

    @FXML
    void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource("rubric-editor.css")).toExternalForm());
        formBuilder = new RubricForm(viewModel, form, formScroll);

        fileList.setItems(viewModel.files());
        fileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        fileList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!selectingFile && now != null && !now.equals(viewModel.fileProperty().get())) {
                viewModel.open(now);
            }
        });
        viewModel.fileProperty().addListener((obs, old, now) -> showFile(now));

        viewModel.formRevisionProperty().addListener((obs, old, now) -> formBuilder.rebuild());
        viewModel.problems().addListener((MapChangeListener<String, String>) change -> formBuilder.showProblems());
        viewModel.generalProblemsProperty().addListener((obs, old, now) -> showGeneralProblems(now));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.savedVersionProperty().addListener((obs, old, now) -> showVersion());
        viewModel.dirtyProperty().addListener((obs, old, now) -> showVersion());
        viewModel.preview().draftVersionProperty().addListener((obs, old, now) -> showVersion());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        alignButton.setVisible(openAlign != null);
        alignButton.setManaged(openAlign != null);
        alignButton.disableProperty().bind(viewModel.fileProperty().isNull());

        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (UNDO.match(event)) {
                viewModel.undo();
            } else if (REDO.match(event) || REDO_SHIFT.match(event)) {
                viewModel.redo();
            } else if (SAVE.match(event)) {
                viewModel.save();
            } else {
                return;
            }
            event.consume();
        });
        // The view model may have loaded before this view existed: show what it holds now.
        showFile(viewModel.fileProperty().get());
        showGeneralProblems(viewModel.generalProblemsProperty().get());
        showVersion();
        if (viewModel.draftProperty().get() != null) {
            formBuilder.rebuild();
        }
    }

    private void showFile(Path now) {
        selectingFile = true;
        fileList.getSelectionModel().select(now);
        selectingFile = false;
        fileTitle.setText(now == null ? "" : now.getFileName().toString());
    }

    private void showGeneralProblems(String text) {
        boolean any = !text.isEmpty();
        generalProblems.setText(text);
        generalProblems.setVisible(any);
        generalProblems.setManaged(any);
    }

    private void showVersion() {
        String saved = viewModel.savedVersionProperty().get();
        String now = viewModel.preview().draftVersionProperty().get();
        String text = saved.isEmpty() ? "" : "version " + saved;
        if (viewModel.dirtyProperty().get()) {
            text += now.isEmpty() || now.equals(saved) ? "  (unsaved edits)" : "  (unsaved edits: would be " + now + ")";
        }
        versionLabel.setText(text);
    }

    @FXML
    void onUndo() {
        viewModel.undo();
    }

    @FXML
    void onRedo() {
        viewModel.redo();
    }

    @FXML
    void onSave() {
        viewModel.save();
    }

    @FXML
    void onAlign() {
        if (openAlign != null) {
            openAlign.run();
        }
    }

    /** For layout memory, like the review desk's split panes. */
    public Parent root() {
        return root;
    }

}
