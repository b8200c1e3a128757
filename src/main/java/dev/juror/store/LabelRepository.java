package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The append-only label store. Every {@link #submit} is committed before it returns, so a label
 * survives a crash or kill right after the labeller submits it. Nothing is ever updated or deleted:
 * a correction is a new row and {@link #latest} picks the last row stored per labeller and item.
 * "Last" is insert order (the identity {@code id}), never a time: a label pack declares its own
 * times, and a declared time must not let an old or forged label out-vote a later correction.
 */
public final class LabelRepository {

    static final String DESK_ORIGIN = "desk";
    /** The length of the {@code seen} column. */
    static final int MAX_SEEN = 500;

    private static final String SELECT = """
            SELECT l.id, l.label_uid, l.labeller, l.rollout_id, l.comment_position, l.comment_id, l.dimension,
                   l.score, l.note, l.seconds_spent, l.rubric_version, l.judge_hidden, l.flagged, l.created_at,
                   l.origin, l.declared_at, l.blind, l.seen, l.import_id, i.pack_sha256, i.file_name, i.imported_by, i.imported_at
            FROM labels l
            LEFT JOIN label_imports i ON i.id = l.import_id
            """;
    /** The last row stored of each (labeller, item): no row with a higher id exists for the same labeller and item. */
    private static final String LATEST = """
             NOT EXISTS (SELECT 1 FROM labels n WHERE n.labeller = l.labeller AND n.rollout_id = l.rollout_id
                           AND n.comment_position = l.comment_position AND n.dimension = l.dimension
                           AND n.id > l.id)
            """;

    private final Workspace workspace;
    private final Clock clock;

    public LabelRepository(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public LabelRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Stores the labels of one submit (typically every dimension of one comment) in one committed transaction. */
    public List<StoredLabel> submit(List<NewLabel> labels) {
        Instant now = clock.instant();
        List<StoredLabel> stored = new ArrayList<>();
        for (NewLabel label : labels) {
            stored.add(new StoredLabel(0, UUID.randomUUID().toString(), label.labeller(), label.rolloutId(),
                    label.commentPosition(), label.commentId(), label.dimension(), label.score(), label.note(),
                    label.secondsSpent(), label.rubricVersion(), label.judgeHidden(), label.flagged(), now,
                    DESK_ORIGIN, null, null, label.blind(), label.seen()));
        }
        return insert(stored, null);
    }

    /**
     * Stores labels that were made elsewhere, keeping their uid. Labels whose uid is already here are
     * skipped, which makes merging the same labels twice a no-op. They count after every label
     * already stored (insert order), whatever time they carry.
     *
     * @return the labels that were new to this workspace
     */
    public List<StoredLabel> merge(List<StoredLabel> labels) {
        return insert(fresh(labels), null);
    }

    /**
     * Stores the labels of one pack import, in pack order, with the import's row in
     * {@code label_imports}, in one transaction: all of them and the import row, or nothing. Labels
     * whose uid is already here are skipped. No import row is written when nothing is new.
     *
     * @param batch the import (its id is ignored: the row gets a new one)
     * @return the labels that were new to this workspace, with their import
     */
    public List<StoredLabel> merge(List<StoredLabel> labels, LabelImport batch) {
        return insert(fresh(labels), batch);
    }

    /** The labels whose uid is not stored yet (and not repeated earlier in the list). */
    public List<StoredLabel> fresh(List<StoredLabel> labels) {
        List<StoredLabel> fresh = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StoredLabel label : labels) {
            if (seen.add(label.uid()) && !exists(label.uid())) {
                fresh.add(label);
            }
        }
        return fresh;
    }

    /**
     * Everyone who has labels here that did not come from a pack with this SHA-256: desk labels and
     * labels of other packs. A pack that adds labels under one of these names speaks for a labeller
     * who already labels here.
     */
    public java.util.Set<String> labellersOutsidePack(String packSha256) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Object[] row : query("""
                SELECT DISTINCT l.labeller FROM labels l LEFT JOIN label_imports i ON i.id = l.import_id
                WHERE i.pack_sha256 IS NULL OR i.pack_sha256 <> ?""", packSha256)) {
            names.add((String) row[0]);
        }
        return names;
    }

    private List<StoredLabel> insert(List<StoredLabel> labels, LabelImport batch) {
        if (labels.isEmpty()) {
            return List.of();
        }
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            List<StoredLabel> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO labels (label_uid, labeller, rollout_id, comment_position, comment_id, dimension,
                                        score, note, seconds_spent, rubric_version, judge_hidden, flagged,
                                        created_at, origin, declared_at, import_id, blind, seen)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"})) {
                LabelImport recorded = batch == null ? null : insertImport(c, batch);
                for (StoredLabel label : labels) {
                    insert.setString(1, label.uid());
                    insert.setString(2, label.labeller());
                    insert.setLong(3, label.rolloutId());
                    insert.setInt(4, label.commentPosition());
                    insert.setString(5, label.commentId());
                    insert.setString(6, label.dimension());
                    insert.setString(7, label.score());
                    insert.setString(8, label.note());
                    insert.setDouble(9, label.secondsSpent());
                    insert.setString(10, label.rubricVersion());
                    insert.setBoolean(11, label.judgeHidden());
                    insert.setBoolean(12, label.flagged());
                    insert.setTimestamp(13, Timestamp.from(label.createdAt()));
                    insert.setString(14, label.origin());
                    insert.setObject(15, label.declaredAt() == null ? null : Sql.timestamp(label.declaredAt()));
                    if (recorded == null) {
                        insert.setNull(16, java.sql.Types.BIGINT);
                    } else {
                        insert.setLong(16, recorded.id());
                    }
                    insert.setBoolean(17, label.blind());
                    insert.setString(18, seenColumn(label.seen()));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        StoredLabel row = label.withId(keys.getLong(1));
                        stored.add(recorded == null ? row : row.withImport(recorded));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return stored;
        } catch (SQLException e) {
            throw new StoreException("Cannot store " + labels.size() + " labels", e);
        }
    }

    /** Writes a pack import's row (labels and preferences of one pack share it); returns it with its id. */
    static LabelImport insertImport(Connection c, LabelImport batch) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO label_imports (pack_sha256, file_name, imported_by, imported_at) VALUES (?, ?, ?, ?)
                """, new String[] {"id"})) {
            insert.setString(1, batch.packSha256());
            insert.setString(2, batch.fileName());
            insert.setString(3, batch.importedBy());
            insert.setObject(4, Sql.timestamp(batch.importedAt()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new LabelImport(keys.getLong(1), batch.packSha256(), batch.fileName(), batch.importedBy(),
                        batch.importedAt());
            }
        }
    }

    /** What the {@code seen} column keeps of a description: its first {@link #MAX_SEEN} characters. */
    static String seenColumn(String seen) {
        return seen.length() > MAX_SEEN ? seen.substring(0, MAX_SEEN) : seen;
    }

    private boolean exists(String uid) {
        return !query("SELECT 1 FROM labels WHERE label_uid = ?", uid).isEmpty();
    }

    /** The label that counts for each (labeller, item): the last one stored. Ordered by rollout, comment, dimension, labeller. */
    public List<StoredLabel> latest() {
        return labels(SELECT + " WHERE " + LATEST + " ORDER BY l.rollout_id, l.comment_position, l.dimension, l.labeller");
    }

    /** The labels that count on one rollout. */
    public List<StoredLabel> latestForRollout(long rolloutId) {
        return labels(SELECT + " WHERE l.rollout_id = ? AND " + LATEST
                        + " ORDER BY l.comment_position, l.dimension, l.labeller",
                rolloutId);
    }

    /** The label rows recorded in an anchor set, in the order of {@link #latest}. */
    public List<StoredLabel> inAnchorSet(long setId) {
        return labels(SELECT + " JOIN anchor_labels a ON a.label_id = l.id WHERE a.set_id = ?"
                + " ORDER BY l.rollout_id, l.comment_position, l.dimension, l.labeller", setId);
    }

    /** Every label a labeller ever gave, in the order stored (what a label pack exports). */
    public List<StoredLabel> byLabeller(String labeller) {
        return labels(SELECT + " WHERE l.labeller = ? ORDER BY l.id", labeller);
    }

    /** Every row ever written for one labeller and item, in the order stored. */
    public List<StoredLabel> history(String labeller, LabelItem item) {
        return labels(SELECT + " WHERE l.labeller = ? AND l.rollout_id = ? AND l.comment_position = ? AND l.dimension = ?"
                + " ORDER BY l.id", labeller, item.rolloutId(), item.commentPosition(), item.dimension());
    }

    /** Everyone who has labelled in this workspace, by name. */
    public List<String> labellers() {
        List<String> names = new ArrayList<>();
        for (Object[] row : query("SELECT DISTINCT labeller FROM labels ORDER BY labeller")) {
            names.add((String) row[0]);
        }
        return names;
    }

    public long count() {
        return ((Number) query("SELECT COUNT(*) FROM labels").get(0)[0]).longValue();
    }

    private List<StoredLabel> labels(String sql, Object... parameters) {
        return Sql.select(workspace, "labels", sql, LabelRepository::read, parameters);
    }

    private List<Object[]> query(String sql, Object... parameters) {
        return Sql.rows(workspace, "labels", sql, parameters);
    }

    /** The pack import a row joined from {@code label_imports} came with; null for a desk row. */
    static LabelImport importOf(ResultSet rows) throws SQLException {
        java.util.OptionalLong importId = Sql.optionalLong(rows, "import_id");
        return importId.isEmpty() ? null : new LabelImport(importId.getAsLong(), rows.getString("pack_sha256"),
                rows.getString("file_name"), rows.getString("imported_by"), Sql.instant(rows, "imported_at"));
    }

    private static StoredLabel read(ResultSet rows) throws SQLException {
        LabelImport imported = LabelRepository.importOf(rows);
        java.time.OffsetDateTime declared = rows.getObject("declared_at", java.time.OffsetDateTime.class);
        return new StoredLabel(rows.getLong("id"), rows.getString("label_uid"), rows.getString("labeller"),
                rows.getLong("rollout_id"), rows.getInt("comment_position"), rows.getString("comment_id"),
                rows.getString("dimension"), rows.getString("score"), rows.getString("note"),
                rows.getDouble("seconds_spent"), rows.getString("rubric_version"), rows.getBoolean("judge_hidden"),
                rows.getBoolean("flagged"), rows.getTimestamp("created_at").toInstant(), rows.getString("origin"),
                declared == null ? null : declared.toInstant(), imported, rows.getBoolean("blind"),
                rows.getString("seen"));
    }
}
