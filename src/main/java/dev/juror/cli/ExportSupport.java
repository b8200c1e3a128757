package dev.juror.cli;

import dev.juror.export.ExportRefusedException;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceException;
import dev.juror.workspace.ExportInputException;
import dev.juror.workspace.ExportWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** What the export and budget commands share: the workspace folder and the CLI wording of export problems. */
final class ExportSupport {

    private ExportSupport() {
    }

    /** {@code --workspace DIR}, else the Juror folder in the home directory; opened only when the export needs it. */
    static ExportWorkspace workspace(Path option) {
        return ExportWorkspace.folder(option == null ? Workspace.defaultDirectory() : option);
    }

    /** The problem as exit 2 and one line naming the option it came from. */
    static UserInputException userInput(RuntimeException e) {
        return switch (e) {
            case ExportInputException input -> new UserInputException(switch (input.problem()) {
                case SAMPLES_FILE -> "--samples: " + input.getMessage();
                case PRICES_FILE -> "--prices " + input.getMessage();
                case NO_SAMPLES -> "no samples to export: import some (juror import) or pass --samples FILE.jsonl";
                case SETTINGS -> input.getMessage();
            }, input);
            case ExportRefusedException refused -> new UserInputException(refused.getMessage(), refused);
            case WorkspaceException workspace -> new UserInputException(workspace.getMessage(), workspace);
            default -> throw e;
        };
    }

    /** Says on stderr that the budget's price table was just written from the shipped example prices. */
    static void reportPricesCreated(Optional<String> source, PrintWriter err) {
        source.ifPresent(s -> {
            err.println("juror: wrote " + s + " from the shipped EXAMPLE prices; check them against current Amazon "
                    + "Bedrock pricing");
            err.flush();
        });
    }
}
