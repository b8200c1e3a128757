package dev.juror.app.shell;

import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsModel;
import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.ImportOutcome;
import dev.juror.app.workspace.WorkspaceImport;
import dev.juror.app.workspace.WorkspaceSession;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State and commands of the main window: which screen is shown, what the status bar says, and the
 * File menu's work (open a workspace, import a file). Knows nothing of controls or windows; the
 * view asks the user (file choosers) and passes the answers in.
 */
public final class ShellViewModel {

    /** A failure to show the user: a title and a sentence. */
    public record Problem(String title, String message) {
    }

    private final WorkspaceSession session;
    private final SettingsModel settings;
    private final BackgroundTasks tasks;
    private final WorkspaceImport importer = new WorkspaceImport();

    private final ObjectProperty<ScreenId> screen = new SimpleObjectProperty<>(this, "screen", ScreenId.REVIEW);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final StringBinding workspaceText;
    private final StringBinding labellerText;

    public ShellViewModel(WorkspaceSession session, SettingsModel settings, BackgroundTasks tasks) {
        this.session = session;
        this.settings = settings;
        this.tasks = tasks;
        this.workspaceText = Bindings.createStringBinding(() -> {
            Workspace open = session.workspaceProperty().get();
            return open == null ? "No workspace open" : open.directory().toString();
        }, session.workspaceProperty());
        this.labellerText = Bindings.createStringBinding(() -> {
            Settings s = settings.settingsProperty().get();
            return s.hasLabeller() ? "Labeller: " + s.labeller() : "Labeller: not set";
        }, settings.settingsProperty());
    }

    public ObjectProperty<ScreenId> screenProperty() {
        return screen;
    }

    public void show(ScreenId id) {
        screen.set(id);
    }

    public StringBinding workspaceText() {
        return workspaceText;
    }

    public StringBinding labellerText() {
        return labellerText;
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public SettingsModel settings() {
        return settings;
    }

    public WorkspaceSession session() {
        return session;
    }

    public void setLabeller(String name) {
        settings.update(s -> s.withLabeller(name));
    }

    /** Opens a workspace folder; the shipped rubrics are copied into it when it has none. */
    public void openWorkspace(Path dir, WorkspaceSession.Seeding seeding, Consumer<Problem> onProblem) {
        statusMessage.set("Opening " + dir + " ...");
        session.open(dir, seeding, opened -> {
            settings.update(s -> s.withRecentWorkspace(opened.directory().toString()));
            statusMessage.set("Opened " + opened.directory());
        }, failure -> {
            statusMessage.set("");
            onProblem.accept(new Problem("Cannot open the workspace", describe(failure, dir)));
        });
    }

    /** Imports a JSONL file into the open workspace in the background; the outcome goes to {@code onOutcome}. */
    public void importFile(Path file, Consumer<ImportOutcome> onOutcome, Consumer<Problem> onProblem) {
        Workspace workspace = session.current();
        if (workspace == null) {
            onProblem.accept(new Problem("No workspace open", "Open a workspace (File > Open workspace) first."));
            return;
        }
        tasks.run("Importing " + file.getFileName(), progress -> importer.importFile(workspace, file, progress),
                outcome -> {
                    if (!outcome.refused()) {
                        session.dataChanged();
                    }
                    statusMessage.set(outcome.headline());
                    onOutcome.accept(outcome);
                },
                failure -> onProblem.accept(new Problem("Import failed", describe(failure, file))));
    }

    private static String describe(Throwable failure, Path subject) {
        if (failure instanceof CancellationException) {
            return "Cancelled; nothing was changed.";
        }
        if (failure instanceof WorkspaceException e) {
            return e.getMessage();
        }
        String message = failure.getMessage();
        return subject + ": " + (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message)
                + ". The log has the details.";
    }
}
