package dev.juror.app.review;

import dev.juror.workspace.queues.QueueRequest;
import dev.juror.workspace.queues.QueueStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The desk's "New queue..." dialog: name, strategy, judge run, rollouts per labeller, labellers and how
 * many of them label each rollout (the same choices as {@code juror queue create}). Checking what it
 * asks for is the service's: a queue that cannot be made is named in the desk's message line.
 */
final class NewQueueDialog {

    private NewQueueDialog() {
    }

    static Optional<QueueRequest> ask(Window owner, QueueChoicesViewModel queues, List<JudgePanelViewModel.RunOption> runs,
                                      JudgePanelViewModel.RunOption chosenRun) {
        Dialog<QueueRequest> dialog = dialog(queues, runs, chosenRun);
        dialog.initOwner(owner);
        return dialog.showAndWait();
    }

    /** The dialog, not shown yet (tests and the screenshot driver look into it). */
    static Dialog<QueueRequest> dialog(QueueChoicesViewModel queues, List<JudgePanelViewModel.RunOption> runs,
                                       JudgePanelViewModel.RunOption chosenRun) {
        Dialog<QueueRequest> dialog = new Dialog<>();
        dialog.setTitle("New review queue");
        dialog.setHeaderText("Choose rollouts for labellers to work through. The queue is kept as made:\n"
                + "the same rollouts stay with the same people.");
        TextField name = new TextField();
        name.setId("queueNameField");
        name.setPromptText("e.g. December check");
        ComboBox<QueueStrategy> strategy = new ComboBox<>();
        strategy.setId("queueStrategyChoice");
        strategy.getItems().setAll(QueueStrategy.values());
        strategy.setConverter(new StringConverter<>() {
            @Override
            public String toString(QueueStrategy s) {
                return s == null ? "" : s.description();
            }

            @Override
            public QueueStrategy fromString(String text) {
                return null;
            }
        });
        strategy.setValue(QueueStrategy.STRATIFIED);
        ComboBox<JudgePanelViewModel.RunOption> run = new ComboBox<>();
        run.setId("queueRunChoice");
        run.getItems().setAll(runs);
        run.setValue(chosenRun != null ? chosenRun : runs.isEmpty() ? null : runs.get(0));
        run.setPromptText(runs.isEmpty() ? "no judge run of this rubric" : "");
        run.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> strategy.getValue() == null || !strategy.getValue().readsRun(), strategy.valueProperty()));
        Spinner<Integer> count = new Spinner<>(1, 100_000, 20);
        count.setId("queueCountSpinner");
        count.setEditable(true);
        TextField labellers = new TextField(String.join(", ", queues.knownLabellers()));
        labellers.setId("queueLabellersField");
        Spinner<Integer> overlap = new Spinner<>(1, 50, 1);
        overlap.setId("queueOverlapSpinner");
        overlap.setEditable(true);
        TextField checkpoint = new TextField();
        checkpoint.setId("queueCheckpointField");
        checkpoint.setPromptText("every checkpoint");
        checkpoint.disableProperty().bind(strategy.valueProperty().isNotEqualTo(QueueStrategy.CHECKPOINT));
        for (TextField field : List.of(name, labellers, checkpoint)) {
            field.setPrefColumnCount(28);
        }
        run.setMaxWidth(Double.MAX_VALUE);
        strategy.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("Name"), name);
        grid.addRow(row++, new Label("How to choose"), strategy);
        grid.addRow(row++, new Label("Judge run"), run);
        grid.addRow(row++, new Label("Rollouts per labeller"), count);
        grid.addRow(row++, new Label("Labellers (comma-separated)"), labellers);
        grid.addRow(row++, new Label("Labellers per rollout"), overlap);
        grid.addRow(row++, new Label("Checkpoint (optional)"), checkpoint);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(button -> button != ButtonType.OK ? null : new QueueRequest(name.getText(),
                strategy.getValue(), run.getValue() == null || run.isDisabled() ? OptionalLong.empty()
                        : OptionalLong.of(run.getValue().id()), count.getValue(), overlap.getValue(),
                Arrays.asList(labellers.getText().split(",")), OptionalLong.empty(),
                checkpoint.isDisabled() ? "" : checkpoint.getText(), "", queues.labeller()));
        return dialog;
    }
}
