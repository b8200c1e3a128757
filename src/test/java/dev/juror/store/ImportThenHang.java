package dev.juror.store;

import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;

/**
 * Child process of {@link WorkspaceDurabilityTest}: imports a batch, says so on stdout, then hangs
 * holding the workspace open until it is killed.
 */
public final class ImportThenHang {

    private ImportThenHang() {
    }

    public static void main(String[] args) throws Exception {
        Workspace workspace = Workspace.open(Path.of(args[0]));
        ImportResult result = new Importer(workspace).importBatch(Batches.samples(Integer.parseInt(args[1]), 4),
                ImportOptions.refuseInvalid());
        System.out.println("COMMITTED " + result.samplesAdded());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
