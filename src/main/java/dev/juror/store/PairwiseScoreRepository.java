package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the per-dimension verdicts of pairwise judge runs, with the order the judge saw each pair. */
public final class PairwiseScoreRepository {

    private final Workspace workspace;

    public PairwiseScoreRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Every per-dimension verdict of a pairwise run as shown to the judge: the rollout shown as
     * candidate A, the one shown as B, the repeat, the dimension and A's share of the win (1, 0.5, 0).
     * Only results judged ok count.
     */
    public List<PairwiseScoreRow> of(long runId) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT r.rollout_id, r.rollout_b_id, r.repeat_index, s.dimension, s.score
                     FROM judge_scores s JOIN judge_results r ON r.id = s.result_id
                     WHERE r.run_id = ? AND r.rollout_b_id IS NOT NULL AND r.status = 'ok'
                     ORDER BY r.rollout_id, r.rollout_b_id, r.repeat_index, s.id
                     """)) {
            select.setLong(1, runId);
            List<PairwiseScoreRow> scores = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    scores.add(new PairwiseScoreRow(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4),
                            rows.getDouble(5)));
                }
            }
            return scores;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the pairwise verdicts of judge run " + runId, e);
        }
    }
}
