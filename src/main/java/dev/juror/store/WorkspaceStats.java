package dev.juror.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a workspace holds: row counts, the UTF-8 size of its unique documents, and the size of the
 * database file on disk.
 */
public record WorkspaceStats(Path workspace, long samples, long rollouts, long comments, long documents,
                             long documentBytes, long databaseBytes) {

    public static WorkspaceStats of(Workspace workspace) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT (SELECT COUNT(*) FROM samples), (SELECT COUNT(*) FROM rollouts),
                            (SELECT COUNT(*) FROM comments), (SELECT COUNT(*) FROM documents),
                            (SELECT COALESCE(SUM(CAST(byte_length AS BIGINT)), 0) FROM documents)
                     """);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return new WorkspaceStats(workspace.directory(), rows.getLong(1), rows.getLong(2), rows.getLong(3),
                    rows.getLong(4), rows.getLong(5), workspace.databaseBytes());
        } catch (SQLException e) {
            throw new StoreException("Cannot count the contents of " + workspace.directory(), e);
        }
    }

    /** Runs a constant single-value query (no parameters) and returns its number. */
    static long single(Workspace workspace, String constantQuery) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(constantQuery);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Query failed on " + workspace.directory() + ": " + constantQuery, e);
        }
    }
}
