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
 * The append-only adjudication store: one committed transaction per {@link #record} (every
 * dimension of an item at once), nothing updated or deleted; the latest row per item and dimension
 * (by id, insert order) counts.
 */
public final class AdjudicationRepository {

    private static final String COLUMNS = """
            SELECT a.id, a.adjudication_uid, a.adjudicator, a.rollout_id, a.comment_position, a.comment_id,
                   a.dimension, a.score, a.reason, a.rubric_version, a.created_at
            FROM adjudications a
            """;

    private final Workspace workspace;
    private final Clock clock;

    AdjudicationRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Stores the adjudications of one item in one committed transaction; returns them as stored. */
    public List<Adjudication> record(List<Adjudication> adjudications) {
        if (adjudications.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            List<Adjudication> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO adjudications (adjudication_uid, adjudicator, rollout_id, comment_position, comment_id,
                                               dimension, score, reason, rubric_version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
                for (Adjudication a : adjudications) {
                    String uid = UUID.randomUUID().toString();
                    insert.setString(1, uid);
                    insert.setString(2, a.adjudicator());
                    insert.setLong(3, a.rolloutId());
                    insert.setInt(4, a.commentPosition());
                    insert.setString(5, a.commentId());
                    insert.setString(6, a.dimension());
                    insert.setString(7, a.score());
                    insert.setString(8, a.reason());
                    insert.setString(9, a.rubricVersion());
                    insert.setTimestamp(10, Timestamp.from(now));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        stored.add(new Adjudication(keys.getLong(1), uid, a.adjudicator(), a.rolloutId(),
                                a.commentPosition(), a.commentId(), a.dimension(), a.score(), a.reason(),
                                a.rubricVersion(), now));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return stored;
        } catch (SQLException e) {
            throw new StoreException("Cannot store " + adjudications.size() + " adjudications", e);
        }
    }

    /** The adjudication that counts for each item and dimension (the last stored), by rollout, comment, dimension. */
    public List<Adjudication> latest() {
        return read(COLUMNS + """
                WHERE NOT EXISTS (SELECT 1 FROM adjudications n WHERE n.rollout_id = a.rollout_id
                                    AND n.comment_position = a.comment_position AND n.dimension = a.dimension
                                    AND n.id > a.id)
                ORDER BY a.rollout_id, a.comment_position, a.dimension""");
    }

    /** Every adjudication ever stored, in the order stored. */
    public List<Adjudication> all() {
        return read(COLUMNS + " ORDER BY a.id");
    }

    private List<Adjudication> read(String sql) {
        return Sql.select(workspace, "the adjudications", sql, rows -> new Adjudication(rows.getLong(1),
                rows.getString(2), rows.getString(3), rows.getLong(4), rows.getInt(5), rows.getString(6),
                rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                rows.getTimestamp(11).toInstant()));
    }
}
