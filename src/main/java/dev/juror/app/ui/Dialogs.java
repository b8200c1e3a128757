package dev.juror.app.ui;

import dev.juror.app.workspace.ImportOutcome;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Everything the shell asks of the user through a dialog. Native file choosers cannot be driven
 * headless, so UI tests pass an implementation that answers from a script.
 */
public interface Dialogs {

    Optional<Path> chooseWorkspaceFolder(Window owner, String title);

    Optional<Path> chooseImportFile(Window owner, Path initialFolder);

    /** Asks the labeller's name; empty when the user cancels. */
    Optional<String> askLabellerName(Window owner, String current);

    /** Shows an import result (success or refusal with its line errors) without blocking. */
    void showImportOutcome(Window owner, ImportOutcome outcome);

    /** A failure the user can act on: short title, one or two sentences, no stack trace. */
    void showError(Window owner, String title, String message);
}
