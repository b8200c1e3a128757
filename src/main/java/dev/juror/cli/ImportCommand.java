package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportLimits;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.io.InputFileException;
import dev.juror.store.StoreException;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code juror import FILE}: reads a JSONL file in any of the three shapes and stores it in one
 * transaction. A file with a bad line is refused whole (exit 2) unless {@code --skip-invalid}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import samples and rollouts from a JSONL file (Juror, Nova RFT or rollouts shape).",
                "A file with any bad line is refused whole and the workspace is unchanged,",
                "unless --skip-invalid is given: then the good lines are imported and the rest reported."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSONL file to import.")
    Path file;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--skip-invalid", description = "Import the good lines and write a report of the bad ones.")
    boolean skipInvalid;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where --skip-invalid writes its report (default: next to the workspace database).")
    Path report;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--documents-root", paramLabel = "DIR",
            description = {"A folder from which {\"path\": ...} documents may also be read (repeatable).",
                    "By default documents must lie in the JSONL file's folder or below it, symbolic links resolved."})
    List<Path> documentRoots = new ArrayList<>();

    @Option(names = "--max-document-mb", paramLabel = "MB",
            description = "Largest document file in MB (default: " + DEFAULT_MAX_DOCUMENT_MB + ").")
    int maxDocumentMb = DEFAULT_MAX_DOCUMENT_MB;

    static final int DEFAULT_MAX_DOCUMENT_MB = (int) (ImportLimits.DEFAULT_MAX_DOCUMENT_BYTES / (1024 * 1024));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(file)) {
            throw new UserInputException(file + ": no such file; give the path of a .jsonl file to import");
        }
        if (maxDocumentMb < 1) {
            throw new UserInputException("--max-document-mb must be at least 1, was " + maxDocumentMb);
        }
        for (Path root : documentRoots) {
            if (!Files.isDirectory(root)) {
                throw new UserInputException("--documents-root " + root + " is not a folder; name an existing folder");
            }
        }
        ImportLimits limits = ImportLimits.defaults().withMaxDocumentBytes(maxDocumentMb * 1024L * 1024L);
        ImportBatch batch;
        try {
            batch = JsonlImportReader.read(file, limits, documentRoots);
        } catch (InputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file", e);
        }
        ImportOptions options = !skipInvalid ? ImportOptions.refuseInvalid()
                : report == null ? ImportOptions.skipInvalidLines() : ImportOptions.skipInvalidLines(report);
        ImportResult result;
        try (Workspace opened = workspace.open()) {
            result = new Importer(opened).importBatch(batch, options);
        } catch (StoreException e) {
            if (e.getCause() instanceof IOException io) {
                // The report is written before the commit, so nothing was imported: say so in one sentence.
                String why = io instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? fs.getReason().toLowerCase(java.util.Locale.ROOT) : String.valueOf(io.getMessage());
                throw new UserInputException("nothing was imported: the report of skipped lines could not be written ("
                        + why + "); give --report a file in a folder you may write", e);
            }
            throw e;
        }
        PrintWriter out = result.refused() && !json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(result)));
        } else {
            result.summaryLines().forEach(out::println);
        }
        out.flush();
        return result.refused() ? CliRunner.BAD_INPUT : CliRunner.OK;
    }

    private static Map<String, Object> toJson(ImportResult r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        map.put("format", r.format().name().toLowerCase(java.util.Locale.ROOT));
        map.put("lines_read", r.linesRead());
        map.put("samples_added", r.samplesAdded());
        map.put("samples_unchanged", r.samplesUnchanged());
        map.put("rollouts_added", r.rolloutsAdded());
        map.put("rollouts_unchanged", r.rolloutsUnchanged());
        map.put("comments_added", r.commentsAdded());
        map.put("unparsed_predictions", r.unparsedPredictions());
        map.put("documents_added", r.documentsAdded());
        map.put("documents_reused", r.documentsReused());
        map.put("error_count", r.errorCount());
        map.put("errors", r.errors().stream().map(e -> Map.of("line", e.line(), "reason", e.reason())).toList());
        r.report().ifPresent(p -> map.put("report", p.toString()));
        return map;
    }
}
