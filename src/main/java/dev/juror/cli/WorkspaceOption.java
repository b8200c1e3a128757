package dev.juror.cli;

import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The shared {@code --workspace DIR} option; add it to a command with
 * {@code @Mixin WorkspaceOption workspace;} and call {@link #open()}.
 */
public final class WorkspaceOption {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder (created if needed). Default: the Juror folder in your home directory.")
    Path directory;

    /** The folder given, or the default workspace folder. */
    public Path directory() {
        return directory == null ? Workspace.defaultDirectory() : directory;
    }

    /** Opens the workspace; a folder that cannot be used becomes a one-line user error (exit 2). */
    public Workspace open() {
        try {
            return Workspace.open(directory());
        } catch (WorkspaceException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
