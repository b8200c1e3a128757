package dev.juror.app.export;

import dev.juror.app.ui.Dialogs;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.export.GateVerdict;
import dev.juror.workspace.ExportKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Code-behind of {@code ExportView.fxml}: the three wizard pages bound to the {@link ExportViewModel}. */
public final class ExportView {

    @FXML private BorderPane root;
    @FXML private ToggleGroup kindGroup;
    @FXML private Label stepWhat;
    @FXML private Label stepGate;
    @FXML private Label stepWrite;
    @FXML private VBox whatPage;
    @FXML private RadioButton kindPrompt;
    @FXML private RadioButton kindTraining;
    @FXML private RadioButton kindLambda;
    @FXML private ComboBox<RubricChoice> rubricChoice;
    @FXML private Label modelLabel;
    @FXML private TextField modelField;
    @FXML private TextField outputField;
    @FXML private VBox gatePage;
    @FXML private Label gateStatus;
    @FXML private VBox gateReasonsBox;
    @FXML private VBox overrideBox;
    @FXML private CheckBox overrideCheck;
    @FXML private Node writePage;
    @FXML private Label writeSummary;
    @FXML private VBox budgetSection;
    @FXML private GridPane budgetForm;
    @FXML private GridPane budgetResults;
    @FXML private Label budgetError;
    @FXML private TextArea budgetMarkdown;
    @FXML private ListView<String> writtenList;
    @FXML private Label messageLabel;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button exportButton;

    private final ExportViewModel viewModel;
    private final Dialogs dialogs;

    public ExportView(ExportViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        root.setId("exportScreen");
        root.getStylesheets().add(Objects.requireNonNull(ExportView.class.getResource("/dev/juror/app/ui/screen-forms.css"))
                .toExternalForm());
        bindWhatPage();
        bindGatePage();
        bindWritePage();
        List<Node> pages = List.of(whatPage, gatePage, writePage);
        List<Label> pills = List.of(stepWhat, stepGate, stepWrite);
        for (int i = 0; i < pages.size(); i++) {
            int index = i;
            pages.get(i).visibleProperty().bind(viewModel.stepProperty().isEqualTo(index));
        }
        viewModel.stepProperty().addListener((obs, old, now) -> markStep(pills, now.intValue()));
        markStep(pills, viewModel.stepProperty().get());
        backButton.disableProperty().bind(viewModel.stepProperty().isEqualTo(ExportViewModel.WHAT)
                .or(viewModel.exportingProperty()));
        nextButton.disableProperty().bind(viewModel.canNextBinding().not());
        nextButton.visibleProperty().bind(viewModel.stepProperty().lessThan(ExportViewModel.WRITE));
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        exportButton.visibleProperty().bind(viewModel.stepProperty().isEqualTo(ExportViewModel.WRITE));
        exportButton.managedProperty().bind(exportButton.visibleProperty());
        exportButton.disableProperty().bind(viewModel.canExportBinding().not());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.setId("exportMessage");
        viewModel.messageIsProblemProperty().addListener((obs, old, now) -> {
            messageLabel.getStyleClass().removeAll("screen-message", "screen-success");
            messageLabel.getStyleClass().add(now ? "screen-message" : "screen-success");
        });
    }

    private static void markStep(List<Label> pills, int current) {
        for (int i = 0; i < pills.size(); i++) {
            pills.get(i).getStyleClass().remove("wizard-step-current");
            if (i == current) {
                pills.get(i).getStyleClass().add("wizard-step-current");
            }
        }
    }

    private void bindWhatPage() {
        Map<Toggle, ExportKind> kinds = Map.of(kindPrompt, ExportKind.PROMPT_BUNDLE, kindTraining,
                ExportKind.TRAINING_DATA, kindLambda, ExportKind.LAMBDA_PACKAGE);
        kinds.forEach((toggle, kind) -> {
            if (viewModel.kindProperty().get() == kind) {
                kindGroup.selectToggle(toggle);
            }
        });
        kindGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.kindProperty().set(kinds.get(now));
            }
        });
        rubricChoice.setItems(viewModel.rubrics());
        rubricChoice.valueProperty().bindBidirectional(viewModel.rubricProperty());
        modelField.textProperty().bindBidirectional(viewModel.modelProperty());
        var notGated = viewModel.kindProperty().map(k -> !k.gated());
        modelField.disableProperty().bind(notGated);
        modelLabel.disableProperty().bind(notGated);
        outputField.textProperty().bindBidirectional(viewModel.outputFolderProperty());
    }

    private void bindGatePage() {
        viewModel.gateProperty().addListener((obs, old, now) -> showGate(now));
        viewModel.kindProperty().addListener((obs, old, now) -> showGate(viewModel.gateProperty().get()));
        overrideCheck.selectedProperty().bindBidirectional(viewModel.overrideUnvalidatedProperty());
        showGate(viewModel.gateProperty().get());
    }

    private void showGate(GateVerdict verdict) {
        gateStatus.getStyleClass().removeAll("gate-validated", "gate-refused");
        gateReasonsBox.getChildren().clear();
        boolean refused = verdict != null && !verdict.validated() && viewModel.kindProperty().get().gated();
        overrideBox.setVisible(refused);
        overrideBox.setManaged(refused);
        if (!viewModel.kindProperty().get().gated()) {
            gateStatus.setText("Training data holds no judge: no verdict needed. Press Next.");
        } else if (verdict == null) {
            gateStatus.setText("Looking up the verdict...");
        } else if (verdict.validated()) {
            gateStatus.setText("VALIDATED: this rubric version with this judge model passed calibration.");
            gateStatus.getStyleClass().add("gate-validated");
        } else {
            gateStatus.setText("NOT VALIDATED: the export is blocked because");
            gateStatus.getStyleClass().add("gate-refused");
            for (String reason : verdict.failedConditions()) {
                Label line = new Label("\u2022 " + reason);
                line.setWrapText(true);
                line.getStyleClass().add("gate-reason");
                gateReasonsBox.getChildren().add(line);
            }
        }
    }

    private void bindWritePage() {
        BudgetViewModel budget = viewModel.budget();
        int row = 0;
        for (BudgetField field : BudgetField.values()) {
            TextField input = new TextField();
            input.setId(field.id());
            input.setPrefColumnCount(8);
            input.textProperty().bindBidirectional(budget.input(field));
            budgetForm.addRow(row++, new Label(field.label()), input);
        }
        Label tokens = new Label();
        tokens.textProperty().bind(budget.inputTokensProperty().asString(
                "Prompt tokens per call, measured on a workspace sample: %,d"));
        budgetForm.add(tokens, 0, row, 2, 1);
        budget.lines().addListener((ListChangeListener<BudgetLine>) change -> showResults());
        showResults();
        budgetError.textProperty().bind(budget.errorProperty());
        budgetMarkdown.textProperty().bind(budget.markdownProperty());
        var lambda = viewModel.kindProperty().isEqualTo(ExportKind.LAMBDA_PACKAGE);
        budgetSection.visibleProperty().bind(lambda);
        budgetSection.managedProperty().bind(lambda);
        writeSummary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Writes the " + viewModel.kindProperty().get().what() + " to " + viewModel.outputFolderProperty().get()
                        + (viewModel.overrideUnvalidatedProperty().get() ? ", marked UNVALIDATED" : ""),
                viewModel.kindProperty(), viewModel.outputFolderProperty(), viewModel.overrideUnvalidatedProperty()));
        writtenList.setItems(viewModel.written());
    }

    private void showResults() {
        budgetResults.getChildren().clear();
        int row = 0;
        for (BudgetLine line : viewModel.budget().lines()) {
            Label name = new Label(line.name());
            name.getStyleClass().add("budget-result-name");
            name.setWrapText(true);
            Label value = new Label(line.value());
            value.getStyleClass().add("budget-result-value");
            value.setWrapText(true); // "65,142 (5,015,934 per invocation of ...)" must not be cut off
            value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            value.setId("budget-result-" + row);
            if (line.key()) {
                value.getStyleClass().add("budget-key");
                value.setId("budget-concurrency-limit");
            }
            budgetResults.addRow(row++, name, value);
        }
    }

    @FXML
    private void browse() {
        dialogs.chooseWorkspaceFolder(root.getScene().getWindow(), "Export to folder")
                .map(Path::toString).ifPresent(viewModel.outputFolderProperty()::set);
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void export() {
        viewModel.export();
    }
}
