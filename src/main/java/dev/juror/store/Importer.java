package dev.juror.store;

import dev.juror.dataset.Comment;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import dev.juror.io.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final int ROWS_PER_BATCH = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final Workspace workspace;
    private final Clock clock;

    public Importer(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public Importer(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /**
     * @throws StoreException if the database fails (everything written so far is rolled back) or the
     *                        skipped-lines report cannot be written (nothing is imported then)
     */
    public ImportResult importBatch(ImportBatch batch, ImportOptions options) {
        Instant now = clock.instant();
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            AtomicFiles.Staged stagedReport = null;
            try {
                ImportPlan plan = new ImportPlanner().plan(c, batch);
                if (!plan.errors().isEmpty() && !options.skipInvalid()) {
                    c.rollback();
                    return result(ImportResult.Status.REFUSED, batch, plan, Optional.empty(), 0);
                }
                Optional<Path> report = Optional.empty();
                if (!plan.errors().isEmpty()) {
                    Path target = options.reportPath().orElseGet(() -> ImportReport.defaultPath(workspace, batch, now));
                    report = Optional.of(target.toAbsolutePath());
                    ImportResult preview = result(ImportResult.Status.IMPORTED_SKIPPING_INVALID, batch, plan,
                            report, 0);
                    stagedReport = ImportReport.stage(target, batch, plan.errors(), preview.summaryLines());
                }
                long importId = write(c, batch, plan, report, now);
                c.commit();
                if (stagedReport != null) {
                    report = Optional.of(publish(stagedReport));
                }
                ImportResult.Status status = plan.errors().isEmpty()
                        ? ImportResult.Status.IMPORTED : ImportResult.Status.IMPORTED_SKIPPING_INVALID;
                return result(status, batch, plan, report, importId);
            } catch (SQLException | IOException | RuntimeException e) {
                // Also before anything was written: setAutoCommit(true) below would commit what is pending.
                c.rollback();
                if (stagedReport != null) {
                    stagedReport.discard();
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Import of " + describe(batch) + " failed and was rolled back: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("Import of " + describe(batch) + " was not committed: the report of skipped lines"
                    + " could not be written (" + e + ")", e);
        }
    }

    private long write(Connection c, ImportBatch batch, ImportPlan plan, Optional<Path> report, Instant now)
            throws SQLException {
        OffsetDateTime time = Sql.timestamp(now);
        long importId = insertImport(c, batch, plan, report, time);
        insertDocuments(c, plan.newDocuments(), time);
        insertSamples(c, batch, plan, importId, time);
        List<ImportPlan.NewRollout> rollouts = plan.allRollouts();
        insertRollouts(c, rollouts, importId, time);
        insertComments(c, rollouts, rolloutIds(c, importId));
        return importId;
    }

    private static long insertImport(Connection c, ImportBatch batch, ImportPlan plan, Optional<Path> report,
                                     OffsetDateTime time) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO imports (source_file, format, lines_read, samples_added, samples_unchanged, rollouts_added,
                    rollouts_unchanged, comments_added, documents_added, lines_skipped, report_file, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, sourceFile(batch));
            insert.setString(2, String.valueOf(batch.format()));
            insert.setInt(3, batch.linesRead());
            insert.setInt(4, plan.samples().size());
            insert.setInt(5, plan.samplesUnchanged());
            insert.setInt(6, plan.rolloutsAdded());
            insert.setInt(7, plan.rolloutsUnchanged());
            insert.setInt(8, plan.commentsAdded());
            insert.setInt(9, plan.newDocuments().size());
            insert.setInt(10, plan.errors().size());
            insert.setString(11, report.map(Path::toString).orElse(null));
            insert.setObject(12, time);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertDocuments(Connection c, Map<String, String> documents, OffsetDateTime time)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO documents (hash, text, char_length, byte_length, created_at) VALUES (?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<String, String> document : documents.entrySet()) {
                String text = document.getValue();
                insert.setString(1, document.getKey());
                insert.setCharacterStream(2, new StringReader(text), text.length());
                insert.setInt(3, text.length());
                insert.setInt(4, text.getBytes(StandardCharsets.UTF_8).length);
                insert.setObject(5, time);
                insert.addBatch();
                pending = flushIfFull(insert, pending + 1);
            }
            insert.executeBatch();
        }
    }

    private static void insertSamples(Connection c, ImportBatch batch, ImportPlan plan, long importId,
                                      OffsetDateTime time) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO samples (id, system_prompt_hash, target_hash, reference_hash, reference_answer, metadata_json,
                    content_hash, import_id, source_file, source_line, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            int pending = 0;
            String source = sourceFile(batch);
            for (ImportPlan.NewSample sample : plan.samples()) {
                insert.setString(1, sample.id());
                insert.setString(2, sample.systemPromptHash());
                insert.setString(3, sample.targetHash());
                insert.setString(4, sample.referenceHash());
                insert.setString(5, sample.referenceAnswer());
                insert.setString(6, sample.metadataJson());
                insert.setString(7, sample.contentHash());
                insert.setLong(8, importId);
                insert.setString(9, source);
                insert.setInt(10, sample.line());
                insert.setObject(11, time);
                insert.addBatch();
                pending = flushIfFull(insert, pending + 1);
            }
            insert.executeBatch();
        }
    }

    private static void insertRollouts(Connection c, List<ImportPlan.NewRollout> rollouts, long importId,
                                       OffsetDateTime time) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO rollouts (sample_id, idx, prediction, prediction_hash, content_hash, parse_error,
                    comment_count, metadata_json, model, import_id, source_line, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            int pending = 0;
            for (ImportPlan.NewRollout rollout : rollouts) {
                insert.setString(1, rollout.sampleId());
                insert.setInt(2, rollout.index());
                insert.setString(3, rollout.prediction().raw());
                insert.setString(4, rollout.predictionHash());
                insert.setString(5, rollout.contentHash());
                insert.setString(6, rollout.prediction().parseError());
                insert.setInt(7, rollout.prediction().comments().size());
                insert.setString(8, rollout.metadataJson());
                insert.setString(9, rollout.model());
                insert.setLong(10, importId);
                insert.setInt(11, rollout.line());
                insert.setObject(12, time);
                insert.addBatch();
                pending = flushIfFull(insert, pending + 1);
            }
            insert.executeBatch();
        }
    }

    /** Surrogate ids of the rollouts this import inserted, keyed by "sample id" + NUL + index. */
    private static Map<String, Long> rolloutIds(Connection c, long importId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, sample_id, idx FROM rollouts WHERE import_id = ?")) {
            select.setLong(1, importId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rolloutKey(rows.getString(2), rows.getInt(3)), rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String rolloutKey(String sampleId, int index) {
        return sampleId + '\0' + index;
    }

    private static void insertComments(Connection c, List<ImportPlan.NewRollout> rollouts, Map<String, Long> ids)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO comments (rollout_id, position, comment_id, text_excerpt, comment, comment_type,
                    recommended_action)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)) {
            int pending = 0;
            for (ImportPlan.NewRollout rollout : rollouts) {
                long rolloutId = ids.get(rolloutKey(rollout.sampleId(), rollout.index()));
                List<Comment> comments = rollout.prediction().comments();
                for (int position = 0; position < comments.size(); position++) {
                    Comment comment = comments.get(position);
                    insert.setLong(1, rolloutId);
                    insert.setInt(2, position);
                    insert.setString(3, comment.commentId());
                    insert.setString(4, comment.textExcerpt());
                    insert.setString(5, comment.comment());
                    insert.setString(6, comment.commentType());
                    insert.setString(7, comment.recommendedAction());
                    insert.addBatch();
                    pending = flushIfFull(insert, pending + 1);
                }
            }
            insert.executeBatch();
        }
    }

    private static int flushIfFull(PreparedStatement insert, int pending) throws SQLException {
        if (pending < ROWS_PER_BATCH) {
            return pending;
        }
        insert.executeBatch();
        return 0;
    }

    private static ImportResult result(ImportResult.Status status, ImportBatch batch, ImportPlan plan,
                                       Optional<Path> report, long importId) {
        List<LineError> errors = plan.errors();
        List<LineError> listed = errors.subList(0, Math.min(errors.size(), ImportResult.MAX_LISTED_ERRORS));
        boolean refused = status == ImportResult.Status.REFUSED;
        return new ImportResult(status, Optional.ofNullable(batch.source()), batch.format(), batch.linesRead(),
                refused ? 0 : plan.samples().size(), plan.samplesUnchanged(),
                refused ? 0 : plan.rolloutsAdded(), plan.rolloutsUnchanged(),
                refused ? 0 : plan.commentsAdded(), refused ? 0 : plan.unparsedPredictions(),
                refused ? 0 : plan.newDocuments().size(), plan.documentsReused(),
                errors.size(), listed, report, importId);
    }

    private static String sourceFile(ImportBatch batch) {
        return batch.source() == null ? null : batch.source().toString();
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
