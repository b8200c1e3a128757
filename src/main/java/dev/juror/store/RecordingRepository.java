package dev.juror.store;

import dev.juror.judge.ReplayKey;
import dev.juror.judge.ReplaySource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@link ReplaySource} of the replay judge: earlier raw outputs of live judges, by (rubric version,
 * model, content hash, repeat), read from the stored results of judge runs.
 */
public final class RecordingRepository implements ReplaySource {

    /** Statuses whose raw output is a complete model answer worth replaying. */
    private static final String REPLAYABLE = "('ok', 'parse_error', 'schema_error')";

    private final Workspace workspace;

    public RecordingRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Where a recording comes from: live judges only, complete answers only, newest first. */
    private static final String RECORDING_FILTER = """
              AND r.repeat_index = ? AND j.provider NOT IN ('replay', 'heuristic') AND r.status IN\s""" + REPLAYABLE + """

            ORDER BY r.created_at DESC, r.id DESC
            FETCH FIRST 1 ROW ONLY
            """;

    /** A pointwise answer: keyed by its rollout's prediction hash. */
    private static final String RECORDED_FOR_PREDICTION = """
            SELECT r.raw_output, r.run_id
            FROM judge_results r
            JOIN judge_runs j ON j.id = r.run_id
            JOIN rollouts o ON o.id = r.rollout_id
            WHERE j.rubric_version = ? AND r.model = ? AND o.prediction_hash = ? AND r.rollout_b_id IS NULL
            """ + RECORDING_FILTER;

    /** A pairwise answer: keyed by the content hash stored with it (both candidates as shown). */
    private static final String RECORDED_FOR_PAIR = """
            SELECT r.raw_output, r.run_id
            FROM judge_results r
            JOIN judge_runs j ON j.id = r.run_id
            WHERE j.rubric_version = ? AND r.model = ? AND r.content_hash = ?
            """ + RECORDING_FILTER;

    /**
     * The newest complete answer recorded under this key by a live judge (replay runs and the
     * heuristic are not sources). A key does not say whether it is a prediction's or a pair's; the
     * two hashes are computed differently and never coincide, so the pair lookup runs when the
     * prediction lookup finds nothing.
     */
    @Override
    public Optional<Recording> find(ReplayKey key, int repeat) {
        try (Connection c = workspace.connection()) {
            Optional<Recording> found = recording(c, RECORDED_FOR_PREDICTION, key, repeat);
            return found.isPresent() ? found : recording(c, RECORDED_FOR_PAIR, key, repeat);
        } catch (SQLException e) {
            throw new StoreException("Cannot look up a recorded judge answer for " + key, e);
        }
    }

    private static Optional<Recording> recording(Connection c, String sql, ReplayKey key, int repeat)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, key.rubricVersion());
            select.setString(2, key.model());
            select.setString(3, key.contentHash());
            select.setInt(4, repeat);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Recording(rows.getString(1), Long.toString(rows.getLong(2))));
            }
        }
    }
}
