package dev.juror.app.workspace;

import dev.juror.app.tasks.TaskProgress;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.io.SeedFiles;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a new workspace useful before any data or credentials exist: copies the shipped rubrics to
 * {@code rubrics/}, the regression suites to {@code suites/} and the contract-review samples to
 * {@code samples/}, then imports the samples through the normal {@link Importer}, so what a new user
 * sees is exactly what an import produces.
 */
public final class WorkspaceSeeder {

    public static final String RUBRICS_FOLDER = "rubrics";
    public static final String SAMPLES_FOLDER = "samples";
    public static final String SUITES_FOLDER = "suites";
    /** Imported in this order: the samples, then rollouts added to them. */
    static final List<String> SAMPLE_FILES = List.of("contract-review/contract-review.jsonl",
            "contract-review/extra-rollouts.jsonl");

    /** What seeding did; {@code imports} is empty when the workspace already had data. */
    public record SeedResult(int rubricFilesCopied, int sampleFilesCopied, List<ImportResult> imports) {

        public boolean seededSamples() {
            return !imports.isEmpty();
        }
    }

    /**
     * Copies the rubrics when {@code rubrics/} is absent; copies and imports the samples when the
     * workspace holds no sample and has no {@code samples/} folder (so a user who deleted them does
     * not get them back on every start).
     */
    public SeedResult seedIfEmpty(Workspace workspace, boolean withSamples, TaskProgress progress)
            throws IOException {
        Path dir = workspace.directory();
        int rubrics = 0;
        if (!Files.exists(dir.resolve(RUBRICS_FOLDER))) {
            progress.update(0, 3, "Copying the shipped rubrics");
            rubrics = SeedFiles.copyFolder(RUBRICS_FOLDER, dir.resolve(RUBRICS_FOLDER));
        }
        if (!Files.exists(dir.resolve(SUITES_FOLDER))) {
            // The regression suites name the shipped samples' rollouts; they travel with the rubrics.
            SeedFiles.copyFolder(SUITES_FOLDER, dir.resolve(SUITES_FOLDER));
        }
        if (!withSamples || workspace.stats().samples() > 0 || Files.exists(dir.resolve(SAMPLES_FOLDER))) {
            return new SeedResult(rubrics, 0, List.of());
        }
        progress.update(1, 3, "Copying the sample contracts");
        Path samples = dir.resolve(SAMPLES_FOLDER);
        int sampleFiles = SeedFiles.copyFolder(SAMPLES_FOLDER, samples);
        List<ImportResult> imports = new ArrayList<>();
        Importer importer = new Importer(workspace);
        for (String file : SAMPLE_FILES) {
            progress.update(2, 3, "Importing " + file);
            ImportResult result = importer.importBatch(JsonlImportReader.read(samples.resolve(file)),
                    ImportOptions.refuseInvalid());
            if (result.refused()) {
                throw new IOException("the shipped sample " + file + " was refused: "
                        + String.join("; ", result.summaryLines()));
            }
            imports.add(result);
        }
        progress.update(3, 3, "Workspace ready");
        return new SeedResult(rubrics, sampleFiles, imports);
    }
}
