package dev.juror.app.workspace;

import dev.juror.app.tasks.TaskProgress;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.io.InputFileException;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Imports one JSONL file the way {@code juror import FILE} does: a file with any bad line is refused whole. */
public final class WorkspaceImport {

    public ImportOutcome importFile(Workspace workspace, Path file, TaskProgress progress) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return new ImportOutcome(true, "Could not import " + name,
                    List.of(file + " is not a file; choose a .jsonl file to import."));
        }
        ImportBatch batch;
        try {
            progress.update(0, 2, "Reading " + name);
            batch = JsonlImportReader.read(file);
        } catch (InputFileException e) {
            // Already one sentence naming the file (a FIFO swapped in after the check above, say).
            return new ImportOutcome(true, "Could not import " + name, List.of(e.getMessage() + "."));
        } catch (IOException e) {
            return new ImportOutcome(true, "Could not import " + name,
                    List.of(file + " cannot be read (" + e.getMessage() + "); check the file and try again."));
        }
        progress.update(1, 2, "Storing " + name);
        ImportResult result = new Importer(workspace).importBatch(batch, ImportOptions.refuseInvalid());
        progress.update(2, 2, "Done");
        String headline = result.refused()
                ? "Import refused: " + name + " has " + result.errorCount() + " bad line"
                        + (result.errorCount() == 1 ? "" : "s") + "; nothing was imported"
                : "Imported " + name;
        return new ImportOutcome(result.refused(), headline, result.summaryLines());
    }
}
