package dev.juror.app.shell;

import dev.juror.app.ui.Dialogs;
import dev.juror.app.workspace.ImportOutcome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with the platform's file choosers and JavaFX alerts. */
public final class FxDialogs implements Dialogs {

    @Override
    public Optional<Path> chooseWorkspaceFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseImportFile(Window owner, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import samples or rollouts");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<String> askLabellerName(Window owner, String current) {
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.initOwner(owner);
        dialog.setTitle("Your name");
        dialog.setHeaderText("Labels are stored under your name, so agreement between labellers can be measured.");
        dialog.setContentText("Name:");
        dialog.getEditor().setId("labellerNameField");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(dialog.getEditor().textProperty().map(String::isBlank));
        return dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty());
    }

    @Override
    public void showImportOutcome(Window owner, ImportOutcome outcome) {
        Alert alert = new Alert(outcome.refused() ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Import");
        alert.setHeaderText(outcome.headline());
        TextArea text = new TextArea(String.join("\n", outcome.lines()));
        text.setId("importOutcomeText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(14, Math.max(3, outcome.lines().size() + 1)));
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("importOutcomeDialog");
        alert.setResizable(true);
        alert.show();
    }

    @Override
    public void showError(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("errorDialog");
        alert.show();
    }
}
