package dev.juror.app.align;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/**
 * Code-behind of {@code AlignView.fxml}: binds the form, the buttons, the progress lines, the result
 * tables and the past rounds to {@link AlignViewModel}; picks typed-edit files with a file chooser.
 */
public final class AlignView {

    @FXML private SplitPane root;
    @FXML private Label rubricTitle;
    @FXML private ComboBox<String> providerChoice;
    @FXML private TextField modelField;
    @FXML private TextField endpointField;
    @FXML private TextField baseUrlField;
    @FXML private Label connectionNote;
    @FXML private CheckBox fewShotBox;
    @FXML private CheckBox proposalsBox;
    @FXML private ListView<Path> editList;
    @FXML private Button removeEditButton;
    @FXML private TextField maxCallsField;
    @FXML private TextField maxCostField;
    @FXML private TextField seedField;
    @FXML private CheckBox reuseBox;
    @FXML private Label reuseWarning;
    @FXML private Button checkButton;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private Label estimateLabel;
    @FXML private Label errorLabel;
    @FXML private ListView<AlignRows.RoundLine> roundList;
    @FXML private ListView<String> progressList;
    @FXML private Label summaryLabel;
    @FXML private Button openButton;
    @FXML private TabPane resultTabs;
    @FXML private Tab testTab;
    @FXML private Tab diffTab;
    @FXML private TableView<AlignRows.CandidateRow> candidateTable;
    @FXML private TableView<AlignRows.DimensionRow> comparisonTable;
    @FXML private TextArea diffText;
    @FXML private Label candidateDetail;

    private final AlignViewModel model;

    public AlignView(AlignViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource("align.css")).toExternalForm());
        rubricTitle.textProperty().bind(Bindings.createStringBinding(() -> model.rubricProperty().get() == null
                ? "Align: open a rubric in the editor first"
                : "Align " + model.rubricProperty().get().getFileName(), model.rubricProperty()));
        var judge = model.judge();
        providerChoice.setItems(judge.providers());
        providerChoice.valueProperty().bindBidirectional(judge.providerProperty());
        modelField.textProperty().bindBidirectional(judge.modelProperty());
        endpointField.textProperty().bindBidirectional(judge.endpointProperty());
        baseUrlField.textProperty().bindBidirectional(judge.baseUrlProperty());
        connectionNote.textProperty().bind(Bindings.createStringBinding(() -> "Region "
                + orNone(judge.regionProperty().get()) + ", profile " + orNone(judge.profileProperty().get())
                + " (Settings). The heuristic and replay judges make no model call.",
                judge.regionProperty(), judge.profileProperty()));
        fewShotBox.selectedProperty().bindBidirectional(model.fewShotProperty());
        proposalsBox.selectedProperty().bindBidirectional(model.proposalsProperty());
        editList.setItems(model.typedEdits());
        editList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        removeEditButton.disableProperty().bind(editList.getSelectionModel().selectedItemProperty().isNull());
        maxCallsField.textProperty().bindBidirectional(model.maxCallsProperty());
        maxCostField.textProperty().bindBidirectional(model.maxCostProperty());
        seedField.textProperty().bindBidirectional(model.splitSeedProperty());
        reuseBox.selectedProperty().bindBidirectional(model.reuseTestSplitProperty());
        reuseWarning.setText(model.reuseWarning());
        reuseWarning.visibleProperty().bind(model.reuseTestSplitProperty());
        reuseWarning.managedProperty().bind(model.reuseTestSplitProperty());
        checkButton.disableProperty().bind(model.busyProperty());
        runButton.disableProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        estimateLabel.textProperty().bind(model.estimateProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(model.errorProperty().isNotEmpty());
        roundList.setItems(model.rounds());
        roundList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.round() != model.shownProperty().get()) {
                model.show(now.round());
            }
        });
        progressList.setItems(model.progressLines());
        progressList.setPlaceholder(new Label("Progress of a round appears here."));
        summaryLabel.textProperty().bind(model.summaryProperty());
        openButton.disableProperty().bind(model.canOpenNewVersionProperty().not());
        setUpCandidates();
        setUpComparison();
        diffText.textProperty().bind(model.diffProperty());
        testTab.disableProperty().bind(Bindings.isEmpty(model.comparison()));
        diffTab.disableProperty().bind(model.diffProperty().isEmpty());
    }

    private void setUpCandidates() {
        candidateTable.setItems(model.candidates());
        candidateTable.setPlaceholder(new Label("No round shown: run one, or pick a past round."));
        candidateTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.dimensions().addListener((javafx.collections.ListChangeListener<String>) change -> candidateColumns());
        candidateColumns();
        // The table cuts long descriptions and reasons: the selected candidate's are shown whole below it.
        candidateTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                candidateDetail.setText(now == null ? "" : now.id() + " (" + now.origin() + "): " + now.description()
                        + ". Status: " + now.status() + "."));
        model.candidates().addListener((javafx.collections.ListChangeListener<AlignRows.CandidateRow>) change ->
                candidateDetail.setText(""));
    }

    /** Candidate, origin, what it changes, the kappa lower bound of each dimension, status (hover: full text). */
    private void candidateColumns() {
        java.util.List<TableColumn<AlignRows.CandidateRow, String>> columns = new java.util.ArrayList<>(java.util.List.of(
                column("Candidate", 100, AlignRows.CandidateRow::id),
                column("Origin", 72, AlignRows.CandidateRow::origin),
                column("What it changes", 150, AlignRows.CandidateRow::description)));
        TableColumn<AlignRows.CandidateRow, String> kappa = new TableColumn<>("Kappa, lower bound (validation)");
        for (String d : model.dimensions()) {
            // Long dimension names (TargetDocument_Grounding) break at the underscore instead of being cut.
            TableColumn<AlignRows.CandidateRow, String> c = column(d.replace("_", "_\n"), 118, row -> row.lower(d));
            c.setMinWidth(90);
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            kappa.getColumns().add(c);
        }
        if (!kappa.getColumns().isEmpty()) {
            columns.add(kappa);
        }
        columns.add(column("Status", 110, AlignRows.CandidateRow::status));
        candidateTable.getColumns().setAll(columns);
    }

    private void setUpComparison() {
        comparisonTable.setItems(model.comparison());
        comparisonTable.setPlaceholder(new Label("The chosen candidate's test result appears here."));
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        comparisonTable.getColumns().setAll(java.util.List.of(
                column("Dimension", 130, AlignRows.DimensionRow::dimension),
                column("Items", 55, AlignRows.DimensionRow::items),
                column("Baseline kappa", 110, AlignRows.DimensionRow::baseline),
                column("Chosen kappa [CI]", 170, AlignRows.DimensionRow::chosen),
                column("Difference [paired CI]", 180, AlignRows.DimensionRow::difference),
                column("Human ceiling [CI]", 170, AlignRows.DimensionRow::ceiling)));
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    private static String orNone(String v) {
        return v == null || v.isBlank() ? "(none)" : v;
    }

    @FXML
    void onAddEdit() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("An edited copy of the rubric");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rubric YAML", "*.yaml", "*.yml"));
        Path rubric = model.rubricProperty().get();
        if (rubric != null && rubric.getParent() != null) {
            chooser.setInitialDirectory(rubric.getParent().toFile());
        }
        var files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            files.stream().map(File::toPath).filter(p -> !model.typedEdits().contains(p)).forEach(model.typedEdits()::add);
        }
    }

    @FXML
    void onRemoveEdit() {
        Path chosen = editList.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            model.typedEdits().remove(chosen);
        }
    }

    @FXML
    void onCheck() {
        model.checkCost();
    }

    @FXML
    void onRun() {
        model.run();
    }

    @FXML
    void onCancel() {
        model.cancel();
    }

    @FXML
    void onOpen() {
        model.openNewVersion();
    }
}
