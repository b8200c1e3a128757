package dev.juror.store;

import dev.juror.dataset.Comment;
import dev.juror.dataset.ImportBatch;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One import's database transaction: {@link #plan()} checks the batch against the workspace and works
 * out what to write, {@link #write} writes it, {@link #commit()} makes it durable; closing without a
 * commit rolls everything back. What to do with the plan (refuse, skip bad lines, write a report) is
 * the import use case's decision ({@code workspace.imports.Importer}); the SQL is here.
 */
public final class ImportTransaction implements AutoCloseable {

    private static final int ROWS_PER_BATCH = 1_000;

    private final ImportBatch batch;
    private final Connection c;
    private boolean committed;

    ImportTransaction(Workspace workspace, ImportBatch batch) {
        this.batch = batch;
        try {
            this.c = workspace.connection();
        } catch (SQLException e) {
            throw failed(e);
        }
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly();
            throw failed(e);
        }
    }

    /** What the import will write, checked against the workspace inside this transaction. */
    public ImportPlan plan() {
        try {
            return new ImportPlanner().plan(c, batch);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Writes the plan's rows, recording {@code report} (the file listing skipped lines) with the import.
     *
     * @return the id of the new {@code imports} row
     */
    public long write(ImportPlan plan, Optional<Path> report, Instant now) {
        try {
            return write(c, batch, plan, report, now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public void commit() {
        try {
            c.commit();
            committed = true;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Rolls back what was not committed and returns the connection to the pool. */
    @Override
    public void close() {
        try {
            try {
                if (!committed) {
                    // Also before anything was written: setAutoCommit(true) below would commit what is pending.
                    c.rollback();
                }
            } finally {
                c.setAutoCommit(true);
                c.close();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void closeQuietly() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing: the first error is the one to report.
        }
    }

    private StoreException failed(SQLException e) {
        return new StoreException("Import of " + describe(batch) + " failed and was rolled back: " + e.getMessage(), e);
    }

    private static String describe(ImportBatch batch) {
        return batch.source() == null ? "the batch" : batch.source().toString();
    }

    private static String sourceFile(ImportBatch batch) {
        return batch.source() == null ? null : batch.source().toString();
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

}
