package dev.juror.workspace.imports;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import dev.juror.io.AtomicFiles;
import dev.juror.store.ImportPlan;
import dev.juror.store.ImportRepository;
import dev.juror.store.ImportTransaction;
import dev.juror.store.Repositories;
import dev.juror.store.StoreException;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a batch into a workspace in one transaction. A batch with any bad line is refused whole
 * and the database is left as it was, unless {@link ImportOptions#skipInvalid()} asks to import the
 * good lines and report the rest. Samples already stored with identical content are skipped, so
 * importing a file twice changes nothing; any SQL failure rolls everything back.
 *
 * <pre>{@code
 * try (Workspace workspace = Workspace.open(dir)) {
 *     ImportResult result = new Importer(workspace).importBatch(batch, ImportOptions.refuseInvalid());
 *     result.summaryLines().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class Importer {

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final ImportRepository imports;
    /** The workspace folder: reports of skipped lines go to its {@code import-reports/}. */
    private final Path directory;
    private final Clock clock;

    public Importer(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public Importer(Workspace workspace, Clock clock) {
        this(Repositories.of(workspace, clock).imports(), workspace.directory(), clock);
    }

    public Importer(ImportRepository imports, Path directory, Clock clock) {
        this.imports = imports;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @throws StoreException if the database fails (everything written so far is rolled back) or the
     *                        skipped-lines report cannot be written (nothing is imported then)
     */
    public ImportResult importBatch(ImportBatch batch, ImportOptions options) {
        Instant now = clock.instant();
        AtomicFiles.Staged stagedReport = null;
        try (ImportTransaction transaction = imports.begin(batch)) {
            try {
                ImportPlan plan = transaction.plan();
                if (!plan.errors().isEmpty() && !options.skipInvalid()) {
                    return result(ImportResult.Status.REFUSED, batch, plan, Optional.empty(), 0);
                }
                Optional<Path> report = Optional.empty();
                if (!plan.errors().isEmpty()) {
                    Path target = options.reportPath().orElseGet(() -> ImportReport.defaultPath(directory, batch, now));
                    report = Optional.of(target.toAbsolutePath());
                    ImportResult preview = result(ImportResult.Status.IMPORTED_SKIPPING_INVALID, batch, plan,
                            report, 0);
                    stagedReport = ImportReport.stage(target, batch, plan.errors(), preview.summaryLines());
                }
                long importId = transaction.write(plan, report, now);
                transaction.commit();
                if (stagedReport != null) {
                    report = Optional.of(publish(stagedReport));
                    stagedReport = null;
                }
                ImportResult.Status status = plan.errors().isEmpty()
                        ? ImportResult.Status.IMPORTED : ImportResult.Status.IMPORTED_SKIPPING_INVALID;
                return result(status, batch, plan, report, importId);
            } catch (IOException | RuntimeException e) {
                // The transaction rolls back as it closes; a report of an import that did not happen goes too.
                if (stagedReport != null) {
                    stagedReport.discard();
                }
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException("Import of " + describe(batch) + " was not committed: the report of skipped lines"
                    + " could not be written (" + e + ")", e);
        }
    }

    private static ImportResult result(ImportResult.Status status, ImportBatch batch, ImportPlan plan,
                                       Optional<Path> report, long importId) {
        List<LineError> errors = plan.errors();
        List<LineError> listed = errors.subList(0, Math.min(errors.size(), ImportResult.MAX_LISTED_ERRORS));
        boolean refused = status == ImportResult.Status.REFUSED;
        return new ImportResult(status, Optional.ofNullable(batch.source()), batch.format(), batch.linesRead(),
                refused ? 0 : plan.samplesAdded(), plan.samplesUnchanged(),
                refused ? 0 : plan.rolloutsAdded(), plan.rolloutsUnchanged(),
                refused ? 0 : plan.commentsAdded(), refused ? 0 : plan.unparsedPredictions(),
                refused ? 0 : plan.documentsAdded(), plan.documentsReused(),
                errors.size(), listed, report, importId);
    }

    private static String describe(ImportBatch batch) {
        return batch.source() == null ? "the batch" : batch.source().toString();
    }

    /** Moves the report into place; the import is committed, so on failure the temporary file is the report. */
    private static Path publish(AtomicFiles.Staged report) {
        try {
            report.publish();
            return report.target();
        } catch (IOException e) {
            LOG.warn("Report of skipped lines left at {}: cannot move it to {}", report.temporary(), report.target(), e);
            return report.temporary();
        }
    }
}
