package dev.juror.app.training;

import dev.juror.app.ui.HeaderWidths;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Training screen's controls, bound to {@link TrainingViewModel}; no logic of its own. */
public final class TrainingView {

    private final TrainingViewModel model;

    @FXML private BorderPane root;
    @FXML private ComboBox<TrainingRunChoice> runChoice;
    @FXML private Button refreshButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private TitledPane notesPane;
    @FXML private Label notesText;
    @FXML private VBox emptyState;
    @FXML private Label emptyText;
    @FXML private Label emptyCommand;
    @FXML private Label emptyAfter;
    @FXML private SplitPane content;
    @FXML private StepChart rewardChart;
    @FXML private StepChart lengthChart;
    @FXML private StepChart commentsChart;
    @FXML private StepChart fallbackChart;
    @FXML private StepChart shiftChart;
    @FXML private StepChart agreementChart;
    @FXML private Label stepTitle;
    @FXML private Button openButton;
    @FXML private Label checkpointText;
    @FXML private TableView<StepRecordRow> recordTable;
    @FXML private TextArea predictionText;
    @FXML private ListView<TrainingCharts.AlarmRow> alarmList;

    public TrainingView(TrainingViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        runChoice.setItems(model.runs());
        runChoice.valueProperty().bindBidirectional(model.runProperty());
        refreshButton.setOnAction(e -> model.reload());
        cancelButton.setOnAction(e -> model.cancel());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        // What the report could not compute: folded under one line, so the charts keep their room.
        model.notes().addListener((javafx.collections.ListChangeListener<String>) change -> showNotes());
        showNotes();
        emptyText.setText(TrainingViewModel.EMPTY_TEXT);
        emptyCommand.setText(TrainingViewModel.EMPTY_COMMAND);
        emptyAfter.setText(TrainingViewModel.EMPTY_AFTER);
        emptyState.visibleProperty().bind(model.emptyProperty());
        emptyState.managedProperty().bind(model.emptyProperty());
        content.visibleProperty().bind(model.emptyProperty().not());
        content.managedProperty().bind(model.emptyProperty().not());

        List<StepChart> charts = charts();
        charts.forEach(c -> {
            c.setOnStep(model::selectStep);
            c.setOnMove(model::moveStep);
        });
        model.chartsProperty().addListener((obs, old, now) -> showCharts(now));
        model.selectedStepProperty().addListener((obs, old, now) ->
                charts.forEach(c -> c.setSelectedStep(now.intValue())));
        showCharts(model.chartsProperty().get());

        stepTitle.textProperty().bind(model.stepTitleProperty());
        checkpointText.textProperty().bind(model.checkpointTextProperty());
        openButton.disableProperty().bind(model.checkpointProperty().isNull());
        openButton.setOnAction(e -> model.openInReview());
        buildRecordTable();

        alarmList.setItems(model.alarms());
        alarmList.setPlaceholder(new Label("No alarm."));
        alarmList.setCellFactory(list -> {
            ListCell<TrainingCharts.AlarmRow> cell = new ListCell<>() {
                @Override
                protected void updateItem(TrainingCharts.AlarmRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.toString());
                }
            };
            cell.setWrapText(true);
            cell.setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            return cell;
        });
        alarmList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectStep(now.step());
            }
        });
    }

    private void showNotes() {
        List<String> notes = model.notes();
        notesPane.setVisible(!notes.isEmpty());
        notesPane.setManaged(!notes.isEmpty());
        notesPane.setText("What this report could not compute (" + notes.size() + ")");
        notesText.setText(notes.stream().map(n -> "• " + n).collect(java.util.stream.Collectors.joining("\n")));
    }

    private List<StepChart> charts() {
        return List.of(rewardChart, lengthChart, commentsChart, fallbackChart, shiftChart, agreementChart);
    }

    private void showCharts(TrainingCharts shown) {
        List<StepChart> charts = charts();
        for (int i = 0; i < charts.size(); i++) {
            if (shown == null) {
                charts.get(i).show(null, 0, 1);
            } else {
                charts.get(i).show(shown.panels().get(i), shown.firstStep(), shown.lastStep());
            }
            charts.get(i).setSelectedStep(model.selectedStepProperty().get());
        }
    }

    private void buildRecordTable() {
        recordTable.getStyleClass().add("record-table");
        recordTable.setItems(model.stepRecords());
        recordTable.setPlaceholder(new Label("No step chosen."));
        recordTable.getColumns().setAll(List.of(
                column("Rank", 76, StepRecordRow::rank),
                column("Sample", 270, StepRecordRow::sampleId),
                column("Reward", 70, r -> String.format(Locale.ROOT, "%.3f", r.reward())),
                column("Length", 70, r -> String.format(Locale.ROOT, "%,d", r.predictionChars())),
                column("Comments", 90, r -> Integer.toString(r.comments())),
                column("Checks", 110, StepRecordRow::checks),
                column("Fallback", 80, r -> r.fallback() ? "yes" : "")));
        recordTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        HeaderWidths.keepWhole(recordTable, checkpointText);
        recordTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(StepRecordRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("fallback-row");
                if (!empty && item != null && item.fallback()) {
                    getStyleClass().add("fallback-row");
                }
            }
        });
        predictionText.setPromptText("Select a record to read its prediction.");
        recordTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                predictionText.setText(now == null ? "" : now.prediction() == null
                        ? "The prediction text was not logged for this record (the reward Lambda logs it only"
                        + " when its template parameter asks for it)." : now.prediction()));
    }

    private static TableColumn<StepRecordRow, String> column(String title, double width,
                                                              Function<StepRecordRow, String> value) {
        TableColumn<StepRecordRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // text cut in a narrow column shows whole on hover
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 270)); // rank and sample ids stay whole; HeaderWidths keeps the titles whole
        return c;
    }
}
