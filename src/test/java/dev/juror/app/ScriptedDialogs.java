package dev.juror.app;

import dev.juror.app.shell.FxDialogs;
import dev.juror.app.ui.Dialogs;
import dev.juror.app.workspace.ImportOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Dialogs for UI tests: native file choosers and the modal name prompt answer from a script; the
 * import result and error dialogs are the real ones, so tests see what the user sees.
 */
public final class ScriptedDialogs implements Dialogs {

    private final FxDialogs real = new FxDialogs();
    public Path nextImportFile;
    public Path nextFolder;
    public String nextName;
    public final List<ImportOutcome> outcomes = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseWorkspaceFolder(Window owner, String title) {
        return Optional.ofNullable(nextFolder);
    }

    @Override
    public Optional<Path> chooseImportFile(Window owner, Path initialFolder) {
        return Optional.ofNullable(nextImportFile);
    }

    @Override
    public Optional<String> askLabellerName(Window owner, String current) {
        return Optional.ofNullable(nextName);
    }

    @Override
    public void showImportOutcome(Window owner, ImportOutcome outcome) {
        outcomes.add(outcome);
        real.showImportOutcome(owner, outcome);
    }

    @Override
    public void showError(Window owner, String title, String message) {
        errors.add(title + ": " + message);
        real.showError(owner, title, message);
    }
}
