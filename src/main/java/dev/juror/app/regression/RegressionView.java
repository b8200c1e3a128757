package dev.juror.app.regression;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.judge.run.JudgeFactory;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** Code-behind of {@code RegressionView.fxml}: binds the controls to the {@link RegressionViewModel}. */
public final class RegressionView {

    @FXML private BorderPane root;
    @FXML private ComboBox<SuiteChoice> suiteChoice;
    @FXML private ComboBox<RubricChoice> rubricChoice;
    @FXML private ComboBox<String> providerChoice;
    @FXML private Label modelLabel;
    @FXML private TextField modelField;
    @FXML private javafx.scene.layout.FlowPane connectionRow;
    @FXML private Label regionLabel;
    @FXML private TextField regionField;
    @FXML private Label profileLabel;
    @FXML private TextField profileField;
    @FXML private Label endpointLabel;
    @FXML private TextField endpointField;
    @FXML private Label baseUrlLabel;
    @FXML private TextField baseUrlField;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar runProgress;
    @FXML private TableView<CaseRow> caseTable;
    @FXML private TableColumn<CaseRow, String> idColumn;
    @FXML private TableColumn<CaseRow, String> rolloutColumn;
    @FXML private TableColumn<CaseRow, String> expectationColumn;
    @FXML private TableColumn<CaseRow, String> observedColumn;
    @FXML private TableColumn<CaseRow, String> resultColumn;
    @FXML private TableColumn<CaseRow, String> reasonColumn;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private Label caseDetail;

    private final RegressionViewModel viewModel;

    public RegressionView(RegressionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        root.setId("regressionScreen");
        root.getStylesheets().add(Objects.requireNonNull(RegressionView.class.getResource("/dev/juror/app/ui/screen-forms.css"))
                .toExternalForm());
        suiteChoice.setItems(viewModel.suites());
        suiteChoice.valueProperty().bindBidirectional(viewModel.suiteProperty());
        rubricChoice.setItems(viewModel.rubrics());
        rubricChoice.valueProperty().bindBidirectional(viewModel.rubricProperty());
        providerChoice.setItems(viewModel.providers());
        providerChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String provider) {
                return provider == null ? "" : label(provider);
            }

            @Override
            public String fromString(String label) {
                return viewModel.providers().stream().filter(p -> label(p).equals(label)).findFirst().orElse(null);
            }
        });
        providerChoice.valueProperty().bindBidirectional(viewModel.providerProperty());
        modelField.textProperty().bindBidirectional(viewModel.modelProperty());
        regionField.textProperty().bindBidirectional(viewModel.regionProperty());
        profileField.textProperty().bindBidirectional(viewModel.profileProperty());
        endpointField.textProperty().bindBidirectional(viewModel.endpointProperty());
        baseUrlField.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        var needsModel = viewModel.providerProperty().map(JudgeFactory::needsModel);
        modelField.disableProperty().bind(needsModel.map(b -> !b).orElse(true));
        modelLabel.disableProperty().bind(modelField.disableProperty());
        ObservableValue<Boolean> bedrock = viewModel.providerProperty().map("bedrock"::equals).orElse(false);
        ObservableValue<Boolean> openai = viewModel.providerProperty().map("openai"::equals).orElse(false);
        showWhen(bedrock, regionLabel, regionField, profileLabel, profileField, endpointLabel, endpointField);
        showWhen(openai, baseUrlLabel, baseUrlField);
        showWhen(viewModel.providerProperty().map(JudgeFactory::isLive).orElse(false), connectionRow);
        runButton.disableProperty().bind(viewModel.canRunBinding().not());
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        runProgress.progressProperty().bind(viewModel.progressProperty());
        runProgress.visibleProperty().bind(viewModel.runningProperty());

        caseTable.setItems(viewModel.cases());
        caseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(idColumn, CaseRow::id);
        text(rolloutColumn, CaseRow::rollout);
        text(expectationColumn, CaseRow::expectations);
        text(observedColumn, CaseRow::observed);
        text(resultColumn, CaseRow::result);
        text(reasonColumn, CaseRow::reason);
        resultColumn.setCellFactory(column -> new ResultCell());
        caseDetail.setId("caseDetail");
        caseDetail.textProperty().bind(caseTable.getSelectionModel().selectedItemProperty().map(CaseRow::detail)
                .orElse(""));

        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        summaryLabel.setId("suiteSummary");
        viewModel.passedProperty().addListener((obs, old, now) -> {
            summaryLabel.getStyleClass().removeAll("suite-passed", "suite-failed");
            if (now != null) {
                summaryLabel.getStyleClass().add(now ? "suite-passed" : "suite-failed");
            }
        });
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.setId("regressionMessage");
    }

    /** What the provider list shows: what each judge is, in words. */
    static String label(String provider) {
        return switch (provider) {
            case "heuristic" -> "Heuristic (offline)";
            case "replay" -> "Replay recorded answers";
            case "bedrock" -> "Amazon Bedrock";
            case "openai" -> "OpenAI-compatible server";
            default -> provider;
        };
    }

    private static void showWhen(ObservableValue<Boolean> shown, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(shown);
            node.managedProperty().bind(shown);
        }
    }

    private static void text(TableColumn<CaseRow, String> column, Function<CaseRow, String> value) {
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    /** PASS in green, FAIL in red: by style class, so both themes can colour it. */
    private static final class ResultCell extends TableCell<CaseRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("case-pass", "case-fail");
            setText(empty || item == null ? null : item);
            if (!empty && item != null) {
                getStyleClass().add("PASS".equals(item) ? "case-pass" : "case-fail");
            }
        }
    }
}
