package dev.juror.store;

import dev.juror.rubric.Preference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The append-only store of human preferences (pairwise rubrics), beside {@link LabelRepository} and
 * with its rules: every {@link #submit} is committed before it returns (crash safety), nothing is
 * updated or deleted, and the last row stored per labeller, pair and dimension counts. A pair is the
 * same item in either stored order: (x, y) and (y, x) supersede each other.
 */
public final class PreferenceRepository {

    private static final String SELECT = """
            SELECT p.id, p.label_uid, p.labeller, p.rollout_a_id, p.rollout_b_id, p.shown_order, p.dimension,
                   p.preference, p.note, p.seconds_spent, p.rubric_version, p.judge_hidden, p.blind, p.seen,
                   p.created_at, p.origin, p.declared_at, p.import_id, i.pack_sha256, i.file_name, i.imported_by,
                   i.imported_at
            FROM preference_labels p
            LEFT JOIN label_imports i ON i.id = p.import_id
            """;
    private static final String LATEST = """
             NOT EXISTS (SELECT 1 FROM preference_labels n WHERE n.labeller = p.labeller AND n.dimension = p.dimension
                           AND LEAST(n.rollout_a_id, n.rollout_b_id) = LEAST(p.rollout_a_id, p.rollout_b_id)
                           AND GREATEST(n.rollout_a_id, n.rollout_b_id) = GREATEST(p.rollout_a_id, p.rollout_b_id)
                           AND n.id > p.id)
            """;

    private final Workspace workspace;
    private final Clock clock;

    public PreferenceRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Stores the preferences of one submit (every dimension of one pair) in one committed transaction. */
    public List<StoredPreference> submit(List<NewPreference> preferences) {
        Instant now = clock.instant();
        List<StoredPreference> rows = new ArrayList<>();
        for (NewPreference p : preferences) {
            rows.add(new StoredPreference(0, UUID.randomUUID().toString(), p.labeller(), p.rolloutAId(), p.rolloutBId(),
                    p.shown(), p.dimension(), p.preference(), p.note(), p.secondsSpent(), p.rubricVersion(),
                    p.judgeHidden(), p.blind(), p.seen(), now, LabelRepository.DESK_ORIGIN, null, null));
        }
        return insert(rows, null);
    }

    /** The preferences whose uid is not stored yet (as preference or as label), nor repeated earlier in the list. */
    public List<StoredPreference> fresh(List<StoredPreference> preferences) {
        List<StoredPreference> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StoredPreference p : preferences) {
            if (seen.add(p.uid()) && !exists(p.uid())) {
                fresh.add(p);
            }
        }
        return fresh;
    }

    /**
     * Stores preferences of a pack import in one transaction, in pack order. {@code batch} is the
     * import row: when its id is above 0 it is already stored (the pack's labels came with it),
     * otherwise it is written here.
     */
    public List<StoredPreference> merge(List<StoredPreference> preferences, LabelImport batch) {
        return insert(fresh(preferences), batch);
    }

    /** The preference that counts for each labeller, pair and dimension. */
    public List<StoredPreference> latest() {
        return read(SELECT + " WHERE " + LATEST + " ORDER BY LEAST(p.rollout_a_id, p.rollout_b_id),"
                + " GREATEST(p.rollout_a_id, p.rollout_b_id), p.dimension, p.labeller");
    }

    /** The preferences that count on one pair, in either stored order. */
    public List<StoredPreference> latestForPair(long first, long second) {
        return read(SELECT + " WHERE LEAST(p.rollout_a_id, p.rollout_b_id) = ? AND GREATEST(p.rollout_a_id, p.rollout_b_id) = ?"
                + " AND " + LATEST + " ORDER BY p.dimension, p.labeller", Math.min(first, second), Math.max(first, second));
    }

    /** Every preference a labeller ever gave, in the order stored (what a label pack exports). */
    public List<StoredPreference> byLabeller(String labeller) {
        return read(SELECT + " WHERE p.labeller = ? ORDER BY p.id", labeller);
    }

    /** Everyone with a preference here, by name. */
    public List<String> labellers() {
        List<String> names = new ArrayList<>();
        for (Object[] row : query("SELECT DISTINCT labeller FROM preference_labels ORDER BY labeller")) {
            names.add((String) row[0]);
        }
        return names;
    }

    /** Everyone with preferences here that did not come from a pack with this SHA-256. */
    public Set<String> labellersOutsidePack(String packSha256) {
        Set<String> names = new TreeSet<>();
        for (Object[] row : query("""
                SELECT DISTINCT p.labeller FROM preference_labels p LEFT JOIN label_imports i ON i.id = p.import_id
                WHERE i.pack_sha256 IS NULL OR i.pack_sha256 <> ?""", packSha256)) {
            names.add((String) row[0]);
        }
        return names;
    }

    public long count() {
        return ((Number) query("SELECT COUNT(*) FROM preference_labels").get(0)[0]).longValue();
    }

    private boolean exists(String uid) {
        return !query("SELECT 1 FROM preference_labels WHERE label_uid = ? UNION ALL SELECT 1 FROM labels WHERE label_uid = ?",
                uid, uid).isEmpty();
    }

    private List<StoredPreference> insert(List<StoredPreference> rows, LabelImport batch) {
        if (rows.isEmpty()) {
            return List.of();
        }
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            List<StoredPreference> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO preference_labels (label_uid, labeller, rollout_a_id, rollout_b_id, shown_order, dimension,
                                                   preference, note, seconds_spent, rubric_version, judge_hidden, blind,
                                                   seen, created_at, origin, declared_at, import_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"})) {
                LabelImport recorded = batch == null ? null : batch.id() > 0 ? batch : LabelRepository.insertImport(c, batch);
                for (StoredPreference p : rows) {
                    insert.setString(1, p.uid());
                    insert.setString(2, p.labeller());
                    insert.setLong(3, p.rolloutAId());
                    insert.setLong(4, p.rolloutBId());
                    insert.setString(5, p.shown().name());
                    insert.setString(6, p.dimension());
                    insert.setString(7, p.preference().json());
                    insert.setString(8, p.note());
                    insert.setDouble(9, p.secondsSpent());
                    insert.setString(10, p.rubricVersion());
                    insert.setBoolean(11, p.judgeHidden());
                    insert.setBoolean(12, p.blind());
                    insert.setString(13, LabelRepository.seenColumn(p.seen()));
                    insert.setObject(14, Sql.timestamp(p.createdAt()));
                    insert.setString(15, p.origin());
                    insert.setObject(16, p.declaredAt() == null ? null : Sql.timestamp(p.declaredAt()));
                    if (recorded == null) {
                        insert.setNull(17, Types.BIGINT);
                    } else {
                        insert.setLong(17, recorded.id());
                    }
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        stored.add(p.withId(keys.getLong(1), recorded));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return stored;
        } catch (SQLException e) {
            throw new StoreException("Cannot store " + rows.size() + " preferences", e);
        }
    }

    private List<StoredPreference> read(String sql, Object... parameters) {
        return Sql.select(workspace, "preferences", sql, PreferenceRepository::row, parameters);
    }

    private List<Object[]> query(String sql, Object... parameters) {
        return Sql.rows(workspace, "preferences", sql, parameters);
    }

    private static StoredPreference row(ResultSet rows) throws SQLException {
        LabelImport imported = LabelRepository.importOf(rows);
        java.time.OffsetDateTime declared = rows.getObject("declared_at", java.time.OffsetDateTime.class);
        return new StoredPreference(rows.getLong("id"), rows.getString("label_uid"), rows.getString("labeller"),
                rows.getLong("rollout_a_id"), rows.getLong("rollout_b_id"), ShownOrder.parse(rows.getString("shown_order")),
                rows.getString("dimension"), Preference.parse(rows.getString("preference")), rows.getString("note"),
                rows.getDouble("seconds_spent"), rows.getString("rubric_version"), rows.getBoolean("judge_hidden"),
                rows.getBoolean("blind"), rows.getString("seen"), Sql.instant(rows, "created_at"),
                rows.getString("origin"), declared == null ? null : declared.toInstant(), imported);
    }
}
