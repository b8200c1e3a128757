package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads rollouts with their parsed comments. Rollouts are written only by an {@link ImportTransaction}. */
public final class RolloutRepository {

    private static final String SELECT_ROLLOUT = """
            SELECT id, sample_id, idx, prediction, prediction_hash, parse_error, model, metadata_json, created_at
            FROM rollouts
            """;
    private static final String SELECT_COMMENT = """
            SELECT c.id, c.rollout_id, c.position, c.comment_id, c.text_excerpt, c.comment, c.comment_type,
                   c.recommended_action
            FROM comments c
            """;

    private final Workspace workspace;

    public RolloutRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The rollouts of a sample in index order, each with its comments; empty if the sample is unknown. */
    public List<StoredRollout> ofSample(String sampleId) {
        try (Connection c = workspace.connection()) {
            Map<Long, List<StoredComment>> comments = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SELECT_COMMENT
                    + " JOIN rollouts r ON r.id = c.rollout_id WHERE r.sample_id = ? ORDER BY c.rollout_id, c.position")) {
                select.setString(1, sampleId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredComment comment = readComment(rows);
                        comments.computeIfAbsent(comment.rolloutId(), id -> new ArrayList<>()).add(comment);
                    }
                }
            }
            List<StoredRollout> rollouts = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SELECT_ROLLOUT + " WHERE sample_id = ? ORDER BY idx")) {
                select.setString(1, sampleId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rollouts.add(readRollout(rows, comments.getOrDefault(rows.getLong("id"), List.of())));
                    }
                }
            }
            return rollouts;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the rollouts of sample " + sampleId, e);
        }
    }

    /**
     * Several rollouts with their comments, in two queries whatever their number (a batch run reads
     * thousands); ids that are not in the workspace are absent from the map.
     */
    public Map<Long, StoredRollout> findAll(java.util.Collection<Long> ids) {
        Map<Long, StoredRollout> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Object[] distinct = new java.util.HashSet<>(ids).toArray();
        try (Connection c = workspace.connection()) {
            Map<Long, List<StoredComment>> comments = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SELECT_COMMENT
                    + " WHERE c.rollout_id = ANY(?) ORDER BY c.rollout_id, c.position")) {
                select.setArray(1, c.createArrayOf("BIGINT", distinct));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredComment comment = readComment(rows);
                        comments.computeIfAbsent(comment.rolloutId(), id -> new ArrayList<>()).add(comment);
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement(SELECT_ROLLOUT + " WHERE id = ANY(?)")) {
                select.setArray(1, c.createArrayOf("BIGINT", distinct));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong("id");
                        found.put(id, readRollout(rows, comments.getOrDefault(id, List.of())));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("Cannot read " + distinct.length + " rollouts", e);
        }
    }

    /** One rollout with its comments. */
    public Optional<StoredRollout> find(long rolloutId) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(SELECT_ROLLOUT + " WHERE id = ?")) {
            select.setLong(1, rolloutId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(readRollout(rows, commentsOf(c, rolloutId)));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read rollout " + rolloutId, e);
        }
    }

    /** The rollout at {@code index} of a sample. */
    public Optional<StoredRollout> find(String sampleId, int index) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT id FROM rollouts WHERE sample_id = ? AND idx = ?")) {
            select.setString(1, sampleId);
            select.setInt(2, index);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? find(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read rollout " + index + " of sample " + sampleId, e);
        }
    }

    public List<StoredComment> commentsOf(long rolloutId) {
        try (Connection c = workspace.connection()) {
            return commentsOf(c, rolloutId);
        } catch (SQLException e) {
            throw new StoreException("Cannot read the comments of rollout " + rolloutId, e);
        }
    }

    public long count() {
        return WorkspaceStats.single(workspace, "SELECT COUNT(*) FROM rollouts");
    }

    public long countComments() {
        return WorkspaceStats.single(workspace, "SELECT COUNT(*) FROM comments");
    }

    private static List<StoredComment> commentsOf(Connection c, long rolloutId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_COMMENT + " WHERE c.rollout_id = ? ORDER BY c.position")) {
            select.setLong(1, rolloutId);
            List<StoredComment> comments = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    comments.add(readComment(rows));
                }
            }
            return comments;
        }
    }

    private static StoredRollout readRollout(ResultSet rows, List<StoredComment> comments) throws SQLException {
        return new StoredRollout(rows.getLong("id"), rows.getString("sample_id"), rows.getInt("idx"),
                rows.getString("prediction"), rows.getString("prediction_hash"), rows.getString("parse_error"),
                Sql.emptyIfNull(rows.getString("model")), MetadataJson.read(rows.getString("metadata_json")),
                Sql.instant(rows, "created_at"), comments);
    }

    private static StoredComment readComment(ResultSet rows) throws SQLException {
        return new StoredComment(rows.getLong("id"), rows.getLong("rollout_id"), rows.getInt("position"),
                rows.getString("comment_id"), rows.getString("text_excerpt"), rows.getString("comment"),
                rows.getString("comment_type"), rows.getString("recommended_action"));
    }

    /** A rollout without its text: what a queue of rollouts shows. */
    public record Summary(String sampleId, long rolloutId, int index, String model, int commentCount, boolean parsed) {
    }

    /**
     * Every rollout of the workspace as a {@link Summary}, in file order of the samples, then by
     * index: one query that reads no prediction or comment text (a 20,000-rollout workspace's queue
     * is about a megabyte, not the workspace).
     */
    public List<Summary> summaries() {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT r.sample_id, r.id, r.idx, r.model, r.comment_count, r.parse_error IS NULL
                     FROM rollouts r JOIN samples s ON s.id = r.sample_id
                     ORDER BY s.import_id, s.source_line, s.id, r.idx
                     """)) {
            List<Summary> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new Summary(rows.getString(1), rows.getLong(2), rows.getInt(3),
                            Sql.emptyIfNull(rows.getString(4)), rows.getInt(5), rows.getBoolean(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot list the rollouts", e);
        }
    }

    /**
     * One metadata field of every rollout that has it, as text, by rollout id ({@code checkpoint}:
     * which training checkpoint made the rollout). Reads the metadata column only.
     */
    public Map<Long, String> metadataValues(String field) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT id, metadata_json FROM rollouts ORDER BY id")) {
            Map<Long, String> out = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Object value = MetadataJson.read(rows.getString(2)).get(field);
                    if (value != null && !value.toString().isBlank()) {
                        out.put(rows.getLong(1), value.toString().strip());
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the rollouts' " + field, e);
        }
    }
}
