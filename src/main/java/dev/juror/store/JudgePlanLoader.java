package dev.juror.store;

import dev.juror.judge.JudgeItem;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.RunItem;
import dev.juror.rubric.Rubric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds judge plans from the workspace: selects rollouts and turns each into a {@link JudgeItem}
 * with its sample's documents. Documents are read once per sample and shared by its rollouts.
 */
public final class JudgePlanLoader {

    private final Workspace workspace;
    private final SampleRepository samples;
    private final RolloutRepository rollouts;
    private final DocumentRepository documents;

    public JudgePlanLoader(Workspace workspace) {
        this.workspace = workspace;
        this.samples = new SampleRepository(workspace);
        this.rollouts = new RolloutRepository(workspace);
        this.documents = new DocumentRepository(workspace);
    }

    /**
     * Rollout ids of the given samples (all samples when the list is empty), in file order then
     * rollout index.
     *
     * @throws IllegalArgumentException naming a sample id that is not in the workspace
     */
    public List<Long> selectRollouts(List<String> sampleIds) {
        for (String id : sampleIds) {
            if (!samples.exists(id)) {
                throw new IllegalArgumentException("sample \"" + id + "\" is not in the workspace");
            }
        }
        String sql = """
                SELECT r.id, r.sample_id FROM rollouts r JOIN samples s ON s.id = r.sample_id
                ORDER BY s.import_id, s.source_line, r.idx
                """;
        List<Long> ids = new ArrayList<>();
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (sampleIds.isEmpty() || sampleIds.contains(rows.getString(2))) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("Cannot select rollouts", e);
        }
    }

    /**
     * The plan for these rollouts. A rollout that no longer exists is an error (a workspace's
     * rollouts are never deleted, so this means a foreign or damaged run).
     */
    public JudgePlan plan(Rubric rubric, List<Long> rolloutIds, int repeats) {
        Map<String, SampleDocuments> bySample = new HashMap<>();
        List<RunItem> items = new ArrayList<>();
        for (long id : rolloutIds) {
            StoredRollout rollout = rollouts.find(id).orElseThrow(() ->
                    new IllegalArgumentException("rollout " + id + " is not in the workspace"));
            SampleDocuments docs = bySample.computeIfAbsent(rollout.sampleId(), sampleId ->
                    documents.documentsOf(samples.find(sampleId).orElseThrow()));
            JudgeItem item = JudgeItem.pointwise("rollout-" + id, rubric, docs.systemPrompt(), docs.target(),
                    docs.reference(), rollout.toPrediction());
            items.add(new RunItem(id, item));
        }
        return new JudgePlan(items, repeats);
    }
}
