package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads samples. Samples are written only by an {@link ImportTransaction}. */
public final class SampleRepository {

    private static final String SELECT = """
            SELECT s.id, s.system_prompt_hash, s.target_hash, s.reference_hash, s.reference_answer,
                   s.metadata_json, s.content_hash, s.import_id, s.source_file, s.source_line, s.imported_at,
                   (SELECT COUNT(*) FROM rollouts r WHERE r.sample_id = s.id) AS rollout_count
            FROM samples s
            """;

    private final Workspace workspace;

    public SampleRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public Optional<StoredSample> find(String id) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(SELECT + " WHERE s.id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read sample " + id, e);
        }
    }

    /**
     * One page of samples in import order (import, then line of the file).
     *
     * @param offset samples to skip, 0 or more
     * @param limit  page size, 1 or more
     */
    public List<StoredSample> list(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + ", " + limit);
        }
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(
                     SELECT + " ORDER BY s.import_id, s.source_line, s.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setInt(1, offset);
            select.setInt(2, limit);
            List<StoredSample> page = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(read(rows));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new StoreException("Cannot list samples " + offset + ".." + (offset + limit), e);
        }
    }

    public boolean exists(String id) {
        return find(id).isPresent();
    }

    public long count() {
        return WorkspaceStats.single(workspace, "SELECT COUNT(*) FROM samples");
    }

    private static StoredSample read(ResultSet rows) throws SQLException {
        return new StoredSample(rows.getString("id"),
                Sql.emptyIfNull(rows.getString("system_prompt_hash")),
                Sql.emptyIfNull(rows.getString("target_hash")),
                Sql.emptyIfNull(rows.getString("reference_hash")),
                Sql.emptyIfNull(rows.getString("reference_answer")),
                MetadataJson.read(rows.getString("metadata_json")),
                rows.getString("content_hash"),
                rows.getLong("import_id"),
                Sql.emptyIfNull(rows.getString("source_file")),
                rows.getInt("source_line"),
                Sql.instant(rows, "imported_at"),
                rows.getInt("rollout_count"));
    }
}
