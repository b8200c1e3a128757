package dev.juror.app.judge;

import dev.juror.app.ui.HeaderWidths;
import dev.juror.app.workspace.RubricChoice;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * Code-behind of {@code JudgeRunsView.fxml}: the "New run" form, live progress, the runs list,
 * the results table and the detail pane, bound to {@link JudgeRunsViewModel}. Esc cancels a run.
 */
public final class JudgeRunsView {

    private static final String CSS = Objects.requireNonNull(JudgeRunsView.class.getResource("judge-runs.css"),
            "judge-runs.css").toExternalForm();

    @FXML private BorderPane root;
    @FXML private javafx.scene.layout.GridPane formGrid;
    @FXML private ComboBox<RubricChoice> rubricChoice;
    @FXML private ComboBox<String> providerChoice;
    @FXML private TextField modelField;
    @FXML private Label regionLabel;
    @FXML private TextField regionField;
    @FXML private Label profileLabel;
    @FXML private TextField profileField;
    @FXML private Label endpointLabel;
    @FXML private TextField endpointField;
    @FXML private Label baseUrlLabel;
    @FXML private TextField baseUrlField;
    @FXML private Spinner<Integer> repeatsSpinner;
    @FXML private Spinner<Integer> concurrencySpinner;
    @FXML private Label callModeLabel;
    @FXML private ComboBox<CallMode> callModeChoice;
    @FXML private Label callModeHint;
    @FXML private Label callModeError;
    @FXML private Label s3PrefixLabel;
    @FXML private TextField s3PrefixField;
    @FXML private Label s3PrefixError;
    @FXML private Label roleArnLabel;
    @FXML private TextField roleArnField;
    @FXML private Label roleArnError;
    @FXML private Label permissionsHint;
    @FXML private Label costPreview;
    @FXML private CheckBox allSamplesToggle;
    @FXML private ListView<String> sampleList;
    @FXML private Button startButton;
    @FXML private Button cancelButton;
    @FXML private Button resumeButton;
    @FXML private SplitPane judgeSplit;
    @FXML private ProgressBar runProgress;
    @FXML private Label countsLabel;
    @FXML private Label runMessage;
    @FXML private ListView<RunLine> runList;
    @FXML private TableView<ResultRow> resultTable;
    @FXML private Label detailTitle;
    @FXML private Label resultProblem;
    @FXML private TableView<ScoreRow> scoreTable;
    @FXML private StackPane rawHost;

    private final JudgeRunsViewModel viewModel;
    private final CodeArea rawOutput = new CodeArea();
    private boolean syncingRun;

    public JudgeRunsView(JudgeRunsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        root.setId("judgeRuns");
        root.getStylesheets().add(CSS);
        bindForm();
        bindProgress();
        bindRuns();
        bindResults();
        bindDetail();
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && viewModel.runningProperty().get()) {
                viewModel.cancel();
                event.consume();
            }
        });
    }

    public JudgeRunsViewModel viewModel() {
        return viewModel;
    }

    public SplitPane splitPane() {
        return judgeSplit;
    }

    private void bindForm() {
        ids();
        // Field names are never cut: the fields take what is left. Notes across both columns wrap instead.
        formGrid.getChildren().stream().filter(Label.class::isInstance)
                .filter(label -> javafx.scene.layout.GridPane.getColumnSpan(label) == null)
                .forEach(label -> ((Label) label).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        cancelButton.setTooltip(new javafx.scene.control.Tooltip("Cancel the run (Esc); results so far are kept"));
        resumeButton.setTooltip(new javafx.scene.control.Tooltip("Continue the selected interrupted run"));
        rubricChoice.setItems(viewModel.rubrics());
        rubricChoice.valueProperty().bindBidirectional(viewModel.rubricProperty());
        providerChoice.setItems(viewModel.providers());
        providerChoice.valueProperty().bindBidirectional(viewModel.providerProperty());
        modelField.textProperty().bindBidirectional(viewModel.modelProperty());
        regionField.textProperty().bindBidirectional(viewModel.regionProperty());
        profileField.textProperty().bindBidirectional(viewModel.profileProperty());
        endpointField.textProperty().bindBidirectional(viewModel.endpointProperty());
        baseUrlField.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        // Only the provider's own settings are shown.
        var bedrock = viewModel.providerProperty().isEqualTo("bedrock");
        var openai = viewModel.providerProperty().isEqualTo("openai");
        showWhen(bedrock, regionLabel, regionField, profileLabel, profileField, endpointLabel, endpointField);
        showWhen(openai, baseUrlLabel, baseUrlField);
        modelField.disableProperty().bind(viewModel.providerProperty().isEqualTo("heuristic"));

        repeatsSpinner.setValueFactory(intFactory(1, 20, viewModel.repeatsProperty().get()));
        repeatsSpinner.valueProperty().addListener((obs, old, now) -> viewModel.repeatsProperty().set(now));
        concurrencySpinner.setValueFactory(intFactory(1, 1024, viewModel.concurrencyProperty().get()));
        concurrencySpinner.valueProperty().addListener((obs, old, now) -> viewModel.concurrencyProperty().set(now));
        viewModel.concurrencyProperty().addListener((obs, old, now) ->
                concurrencySpinner.getValueFactory().setValue(now.intValue()));

        bindBatch();

        allSamplesToggle.selectedProperty().bindBidirectional(viewModel.allSamplesProperty());
        sampleList.setItems(viewModel.samples());
        sampleList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        sampleList.disableProperty().bind(viewModel.allSamplesProperty());
        sampleList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) change ->
                viewModel.chosenSamples().setAll(sampleList.getSelectionModel().getSelectedItems()));

        var running = viewModel.runningProperty();
        startButton.disableProperty().bind(running.or(viewModel.rubricProperty().isNull()));
        cancelButton.disableProperty().bind(running.not().or(viewModel.cancellingProperty()));
        resumeButton.disableProperty().bind(viewModel.canResumeBinding().not());
        // Start disables itself: keep the focus on the screen so Esc reaches it.
        running.addListener((obs, old, now) -> {
            if (now) {
                resultTable.requestFocus();
            }
        });
    }

    /** How to call the judge, the batch job's folder and role, their error lines, and the cost preview. */
    private void bindBatch() {
        BatchFormViewModel batch = viewModel.form().batch();
        callModeChoice.setItems(batch.modes());
        callModeChoice.valueProperty().bindBidirectional(batch.modeProperty());
        callModeChoice.disableProperty().bind(batch.availableBinding().not());
        callModeHint.textProperty().bind(batch.hintBinding());
        s3PrefixField.textProperty().bindBidirectional(batch.s3PrefixProperty());
        roleArnField.textProperty().bindBidirectional(batch.roleArnProperty());
        var chosen = batch.batchChosenBinding();
        showWhen(chosen, s3PrefixLabel, s3PrefixField, roleArnLabel, roleArnField, permissionsHint);
        showError(callModeError, batch.modeErrorProperty(), new javafx.beans.property.SimpleBooleanProperty(true));
        showError(s3PrefixError, batch.s3PrefixErrorProperty(), chosen);
        showError(roleArnError, batch.roleArnErrorProperty(), chosen);
        permissionsHint.setTooltip(new Tooltip("juror export lambda writes iam/batch-inference-role.json, its trust"
                + " policy and iam/batch-caller.json into the Lambda bundle"));
        costPreview.textProperty().bind(viewModel.preview().textProperty());
        costPreview.visibleProperty().bind(viewModel.preview().textProperty().isNotEmpty());
        costPreview.managedProperty().bind(costPreview.visibleProperty());
        // Typing a model name asks for one estimate once the typing pauses, not one per key.
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        viewModel.preview().setDelay(refresh -> {
            pause.setOnFinished(event -> refresh.run());
            pause.playFromStart();
        });
    }

    private static void showError(Label label, javafx.beans.value.ObservableStringValue text,
                                  ObservableValue<Boolean> fieldShown) {
        label.textProperty().bind(text);
        var shown = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> fieldShown.getValue() && text.get() != null && !text.get().isEmpty(), text, fieldShown);
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
    }

    private void ids() {
        callModeChoice.setId("runCallMode");
        callModeHint.setId("runCallModeHint");
        callModeError.setId("runCallModeError");
        s3PrefixField.setId("runS3Prefix");
        s3PrefixError.setId("runS3PrefixError");
        roleArnField.setId("runRoleArn");
        roleArnError.setId("runRoleArnError");
        costPreview.setId("runCostPreview");
        rubricChoice.setId("runRubric");
        providerChoice.setId("runProvider");
        modelField.setId("runModel");
        regionField.setId("runRegion");
        profileField.setId("runProfile");
        endpointField.setId("runEndpoint");
        baseUrlField.setId("runBaseUrl");
        repeatsSpinner.setId("runRepeats");
        concurrencySpinner.setId("runConcurrency");
        allSamplesToggle.setId("runAllSamples");
        sampleList.setId("runSamples");
        startButton.setId("startRun");
        cancelButton.setId("cancelRun");
        resumeButton.setId("resumeRun");
        runProgress.setId("runProgress");
        countsLabel.setId("runCounts");
        runMessage.setId("runMessage");
        runList.setId("runList");
        resultTable.setId("resultTable");
        resultProblem.setId("resultProblem");
        scoreTable.setId("scoreTable");
        rawOutput.setId("rawOutput");
    }

    private static void showWhen(ObservableValue<Boolean> condition, javafx.scene.Node... nodes) {
        for (javafx.scene.Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private static SpinnerValueFactory<Integer> intFactory(int min, int max, int initial) {
        return new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.max(min, Math.min(max, initial)));
    }

    private void bindProgress() {
        runProgress.progressProperty().bind(viewModel.progressProperty());
        countsLabel.textProperty().bind(viewModel.countsTextProperty());
        runMessage.textProperty().bind(viewModel.messageProperty());
    }

    private void bindRuns() {
        runList.setItems(viewModel.runs());
        runList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncingRun && now != null && now != viewModel.selectedRunProperty().get()) {
                viewModel.selectedRunProperty().set(now);
            }
        });
        viewModel.selectedRunProperty().addListener((obs, old, now) -> {
            syncingRun = true;
            try {
                if (now == null) {
                    runList.getSelectionModel().clearSelection();
                } else {
                    runList.getSelectionModel().select(now);
                }
            } finally {
                syncingRun = false;
            }
        });
    }

    private void bindResults() {
        resultTable.setItems(viewModel.results());
        resultTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        resultTable.getColumns().setAll(java.util.List.of(
                column("Rollout", 88, ResultRow::rolloutText),
                column("Sample", 210, ResultRow::sampleId),
                column("Repeat", 62, r -> Integer.toString(r.result().repeat() + 1)),
                column("Status", 96, ResultRow::status),
                column("Score", 56, ResultRow::scoreText),
                column("Latency", 80, ResultRow::latencyText),
                column("Error", 130, ResultRow::errorText)));
        resultTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ResultRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("result-failed");
                if (!empty && item != null && !item.status().equals("ok")) {
                    getStyleClass().add("result-failed");
                }
            }
        });
        resultTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.selectedResultProperty().set(now));
        resultTable.setPlaceholder(placeholder("No results yet: start a run, or pick one from the list."));
        HeaderWidths.keepWhole(resultTable, runMessage);
    }

    private void bindDetail() {
        scoreTable.setItems(viewModel.scores());
        // Every column gives way in proportion (down to its header's width), so a narrow detail pane
        // still shows all four headers whole.
        scoreTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ScoreRow, String> justification = column("Justification", 260,
                s -> s.detail().justification());
        scoreTable.getColumns().setAll(java.util.List.of(
                column("Comment", 70, ScoreRow::commentText),
                column("Dimension", 170, s -> s.detail().dimension()),
                column("Score", 56, ScoreRow::scoreText),
                justification));
        scoreTable.setPlaceholder(placeholder("No scores yet: select a result. Failed results have none."));
        HeaderWidths.keepWhole(scoreTable, runMessage);
        resultProblem.textProperty().bind(viewModel.resultProblemProperty());
        resultProblem.visibleProperty().bind(viewModel.resultProblemProperty().isNotEmpty());
        resultProblem.managedProperty().bind(resultProblem.visibleProperty());
        detailTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            ResultRow r = viewModel.selectedResultProperty().get();
            return r == null ? "Result" : "Result: rollout " + r.rolloutText() + " of " + r.sampleId() + ", repeat "
                    + (r.result().repeat() + 1) + " · " + r.status() + " · " + r.result().attempts() + " attempt(s)";
        }, viewModel.selectedResultProperty()));
        rawOutput.setEditable(false);
        rawOutput.setWrapText(true);
        rawOutput.getStyleClass().add("raw-output");
        rawHost.getChildren().add(new VirtualizedScrollPane<>(rawOutput));
        viewModel.rawOutputProperty().addListener((obs, old, now) -> showRaw(now));
    }

    private void showRaw(String text) {
        rawOutput.replaceText(text == null ? "" : text);
        if (text != null && !text.isEmpty()) {
            rawOutput.setStyleSpans(0, JsonHighlighter.styles(text));
        }
        rawOutput.moveTo(0);
        rawOutput.requestFollowCaret();
    }

    /** An empty table's message, wrapped to the table's width rather than cut. */
    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setPadding(new javafx.geometry.Insets(8));
        return label;
    }

    @SuppressWarnings("unused")
    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // Short columns (ids, status, score) keep their width; the text columns give and take, and
        // show their whole text on hover when the column is too narrow for it.
        if (width < 120) {
            column.setMinWidth(width);
        } else {
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                }
            });
        }
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    @FXML
    void onStart() {
        viewModel.start();
    }

    @FXML
    void onCancel() {
        viewModel.cancel();
    }

    @FXML
    void onResume() {
        viewModel.resume();
    }
}
