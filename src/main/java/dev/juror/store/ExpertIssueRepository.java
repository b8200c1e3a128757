package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The experts' missed issues, append-only: one committed insert per issue recorded at the desk. */
public final class ExpertIssueRepository {

    private static final String COLUMNS = """
            SELECT id, issue_uid, sample_id, labeller, span_start, span_end, passage, comment, issue_type, severity,
                   created_at FROM expert_issues
            """;

    private final Workspace workspace;
    private final Clock clock;

    ExpertIssueRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Stores one issue; committed before this returns. */
    public ExpertIssue record(ExpertIssue issue) {
        Instant now = clock.instant();
        String uid = UUID.randomUUID().toString();
        try (Connection c = workspace.connection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO expert_issues (issue_uid, sample_id, labeller, span_start, span_end, passage, comment,
                                           issue_type, severity, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            insert.setString(1, uid);
            insert.setString(2, issue.sampleId());
            insert.setString(3, issue.labeller());
            insert.setInt(4, issue.start());
            insert.setInt(5, issue.end());
            insert.setString(6, issue.passage());
            insert.setString(7, issue.comment());
            insert.setString(8, issue.type().length() > 100 ? issue.type().substring(0, 100) : issue.type());
            insert.setString(9, issue.severity());
            insert.setTimestamp(10, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new ExpertIssue(keys.getLong(1), uid, issue.sampleId(), issue.labeller(), issue.start(),
                        issue.end(), issue.passage(), issue.comment(), issue.type(), issue.severity(), now);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot store the missed issue on sample " + issue.sampleId(), e);
        }
    }

    /** A sample's issues, in the order recorded. */
    public List<ExpertIssue> ofSample(String sampleId) {
        return read(COLUMNS + " WHERE sample_id = ? ORDER BY id", sampleId);
    }

    /** Every issue, by sample then order recorded. */
    public List<ExpertIssue> all() {
        return read(COLUMNS + " ORDER BY sample_id, id");
    }

    private List<ExpertIssue> read(String sql, Object... parameters) {
        return Sql.select(workspace, "the missed issues", sql, rows -> new ExpertIssue(rows.getLong(1),
                rows.getString(2), rows.getString(3), rows.getString(4), rows.getInt(5), rows.getInt(6),
                rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                rows.getTimestamp(11).toInstant()), parameters);
    }
}
