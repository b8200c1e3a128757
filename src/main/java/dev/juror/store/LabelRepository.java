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
 * a correction is a new row and {@link #latest} picks the newest row per labeller and item.
 */
public final class LabelRepository {

    static final String DESK_ORIGIN = "desk";

    private static final String SELECT = """
            SELECT id, label_uid, labeller, rollout_id, comment_position, comment_id, dimension, score, note,
                   seconds_spent, rubric_version, judge_hidden, flagged, created_at, origin
            FROM labels l
            """;
    /** The newest row of each (labeller, item): no later row exists for the same labeller and item. */
    private static final String LATEST = """
             NOT EXISTS (SELECT 1 FROM labels n WHERE n.labeller = l.labeller AND n.rollout_id = l.rollout_id
                           AND n.comment_position = l.comment_position AND n.dimension = l.dimension
                           AND (n.created_at > l.created_at OR (n.created_at = l.created_at AND n.id > l.id)))
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
                    DESK_ORIGIN));
        }
        return insert(stored);
    }

    /**
     * Stores labels that were made elsewhere (a label pack), keeping their uid and time. Labels whose
     * uid is already here are skipped, which makes merging the same pack twice a no-op.
     *
     * @return the labels that were new to this workspace
     */
    public List<StoredLabel> merge(List<StoredLabel> labels) {
        List<StoredLabel> fresh = new ArrayList<>();
        for (StoredLabel label : labels) {
            if (!exists(label.uid())) {
                fresh.add(label);
            }
        }
        return insert(fresh);
    }

    private List<StoredLabel> insert(List<StoredLabel> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            List<StoredLabel> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO labels (label_uid, labeller, rollout_id, comment_position, comment_id, dimension,
                                        score, note, seconds_spent, rubric_version, judge_hidden, flagged,
                                        created_at, origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"})) {
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
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        stored.add(withId(label, keys.getLong(1)));
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

    private boolean exists(String uid) {
        return !query("SELECT 1 FROM labels WHERE label_uid = ?", uid).isEmpty();
    }

    /** The label that counts for each (labeller, item): the newest one. Ordered by rollout, comment, dimension, labeller. */
    public List<StoredLabel> latest() {
        return labels(SELECT + " WHERE " + LATEST + " ORDER BY rollout_id, comment_position, dimension, labeller");
    }

    /** The labels that count on one rollout. */
    public List<StoredLabel> latestForRollout(long rolloutId) {
        return labels(SELECT + " WHERE rollout_id = ? AND " + LATEST + " ORDER BY comment_position, dimension, labeller",
                rolloutId);
    }

    /** The label rows recorded in an anchor set, in the order of {@link #latest}. */
    List<StoredLabel> inAnchorSet(long setId) {
        return labels(SELECT + " JOIN anchor_labels a ON a.label_id = l.id WHERE a.set_id = ?"
                + " ORDER BY rollout_id, comment_position, dimension, labeller", setId);
    }

    /** Every label a labeller ever gave, oldest first (what a label pack exports). */
    public List<StoredLabel> byLabeller(String labeller) {
        return labels(SELECT + " WHERE labeller = ? ORDER BY created_at, id", labeller);
    }

    /** Every row ever written for one labeller and item, oldest first. */
    public List<StoredLabel> history(String labeller, LabelItem item) {
        return labels(SELECT + " WHERE labeller = ? AND rollout_id = ? AND comment_position = ? AND dimension = ?"
                + " ORDER BY created_at, id", labeller, item.rolloutId(), item.commentPosition(), item.dimension());
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
        try (Connection c = workspace.connection(); PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, parameters);
            List<StoredLabel> labels = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    labels.add(read(rows));
                }
            }
            return labels;
        } catch (SQLException e) {
            throw new StoreException("Cannot read labels", e);
        }
    }

    private List<Object[]> query(String sql, Object... parameters) {
        try (Connection c = workspace.connection(); PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, parameters);
            List<Object[]> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getObject(i + 1);
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("Cannot read labels", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static StoredLabel read(ResultSet rows) throws SQLException {
        return new StoredLabel(rows.getLong("id"), rows.getString("label_uid"), rows.getString("labeller"),
                rows.getLong("rollout_id"), rows.getInt("comment_position"), rows.getString("comment_id"),
                rows.getString("dimension"), rows.getString("score"), rows.getString("note"),
                rows.getDouble("seconds_spent"), rows.getString("rubric_version"), rows.getBoolean("judge_hidden"),
                rows.getBoolean("flagged"), rows.getTimestamp("created_at").toInstant(), rows.getString("origin"));
    }

    private static StoredLabel withId(StoredLabel l, long id) {
        return new StoredLabel(id, l.uid(), l.labeller(), l.rolloutId(), l.commentPosition(), l.commentId(),
                l.dimension(), l.score(), l.note(), l.secondsSpent(), l.rubricVersion(), l.judgeHidden(), l.flagged(),
                l.createdAt(), l.origin());
    }
}
