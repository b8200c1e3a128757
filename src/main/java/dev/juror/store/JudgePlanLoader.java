package dev.juror.store;

import dev.juror.judge.JudgeItem;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.PlanItems;
import dev.juror.judge.run.RolloutPair;
import dev.juror.judge.run.RolloutPairs;
import dev.juror.judge.run.RunItem;
import dev.juror.rubric.Rubric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Builds judge plans from the workspace: selects rollouts (or, for a pairwise rubric, pairs of
 * rollouts of the same sample) and turns each into a {@link JudgeItem} with its sample's documents.
 * Documents are read once per sample and shared by its rollouts.
 */
public final class JudgePlanLoader {

    private static final int IDS_PER_QUERY = 500;

    private final Workspace workspace;
    private final SampleRepository samples;
    private final RolloutRepository rollouts;
    private final DocumentRepository documents;

    public JudgePlanLoader(Workspace workspace) {
        this(Repositories.of(workspace));
    }

    public JudgePlanLoader(Repositories repositories) {
        this.workspace = repositories.workspace();
        this.samples = repositories.samples();
        this.rollouts = repositories.rollouts();
        this.documents = repositories.documents();
    }

    /**
     * Rollout ids of the given samples (all samples when the list is empty), in file order then
     * rollout index.
     *
     * @throws IllegalArgumentException naming a sample id that is not in the workspace
     */
    public List<Long> selectRollouts(List<String> sampleIds) {
        return select(sampleIds, false).selected();
    }

    /**
     * The rollouts a rubric can grade, and how many were left out. A comment-level rubric has nothing
     * to grade in a prediction without comments (not parsed, or empty): calling a judge on it would cost
     * a call and give no comment scores, and the reward's format check is what scores such predictions.
     */
    public RolloutSelection selectGradeable(List<String> sampleIds, dev.juror.rubric.Unit unit) {
        return select(sampleIds, unit == dev.juror.rubric.Unit.COMMENT);
    }

    /** Rollouts chosen for a run, and the ones left out because they have no comments to grade. */
    public record RolloutSelection(List<Long> selected, List<Long> withoutComments) {
    }

    private RolloutSelection select(List<String> sampleIds, boolean needComments) {
        List<Long> ids = new ArrayList<>();
        List<Long> withoutComments = new ArrayList<>();
        for (Candidate r : candidates(sampleIds)) {
            (needComments && r.commentCount() == 0 ? withoutComments : ids).add(r.rolloutId());
        }
        return new RolloutSelection(ids, withoutComments);
    }

    /**
     * Pairs for a pairwise run: pairs of rollouts of the same sample only (a preference between the
     * reviews of two different contracts means nothing), at most {@code maxPairsPerSample} per
     * sample, chosen by {@link RolloutPairs#choose}. Rollouts without parsed comments stay in: a
     * pairwise rubric grades whole responses, and a broken one should lose.
     *
     * @throws IllegalArgumentException naming a sample id that is not in the workspace
     */
    public PairSelection selectPairs(List<String> sampleIds, int maxPairsPerSample) {
        Map<String, List<Long>> bySample = new LinkedHashMap<>();
        for (Candidate r : candidates(sampleIds)) {
            bySample.computeIfAbsent(r.sampleId(), k -> new ArrayList<>()).add(r.rolloutId());
        }
        List<RolloutPair> pairs = new ArrayList<>();
        List<String> single = new ArrayList<>();
        bySample.forEach((sample, rolloutIds) -> {
            if (rolloutIds.size() < 2) {
                single.add(sample);
            } else {
                pairs.addAll(RolloutPairs.choose(rolloutIds, maxPairsPerSample));
            }
        });
        return new PairSelection(pairs, single);
    }

    /**
     * Pairs chosen for a pairwise run, and the samples left out because they have fewer than two
     * rollouts (nothing to compare).
     */
    public record PairSelection(List<RolloutPair> pairs, List<String> samplesWithOneRollout) {

        /** Every rollout of the pairs, once, in the order the pairs name them. */
        public List<Long> rolloutIds() {
            LinkedHashSet<Long> ids = new LinkedHashSet<>();
            pairs.forEach(p -> {
                ids.add(p.first());
                ids.add(p.second());
            });
            return List.copyOf(ids);
        }
    }

    private record Candidate(long rolloutId, String sampleId, int commentCount) {
    }

    /** The rollouts of the given samples (all when empty), in file order then rollout index. */
    private List<Candidate> candidates(List<String> sampleIds) {
        for (String id : sampleIds) {
            if (!samples.exists(id)) {
                throw new IllegalArgumentException("sample \"" + id + "\" is not in the workspace");
            }
        }
        String sql = """
                SELECT r.id, r.sample_id, r.comment_count FROM rollouts r JOIN samples s ON s.id = r.sample_id
                ORDER BY s.import_id, s.source_line, r.idx
                """;
        List<Candidate> found = new ArrayList<>();
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (sampleIds.isEmpty() || sampleIds.contains(rows.getString(2))) {
                    found.add(new Candidate(rows.getLong(1), rows.getString(2), rows.getInt(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("Cannot select rollouts", e);
        }
    }

    /**
     * The plan for these rollouts. A rollout that no longer exists is an error (a workspace's
     * rollouts are never deleted, so this means a foreign or damaged run). Only the rollouts' samples
     * are read now; each rollout and its sample's documents are read when its first call needs them
     * ({@link PlanItems}), so the first call of a large run leaves at once.
     *
     * @throws IllegalArgumentException a rollout is gone
     */
    public JudgePlan plan(Rubric rubric, List<Long> rolloutIds, int repeats) {
        Map<Long, String> sampleOf = sampleIdsOf(rolloutIds);
        DeferredPlanItems deferred = new DeferredPlanItems(rolloutIds.size(), rolloutIds::get, i -> OptionalLong.empty(),
                i -> sampleOf.get(rolloutIds.get(i)), (i, docs, found) -> {
                    StoredRollout rollout = found.apply(rolloutIds.get(i));
                    return new RunItem(rollout.id(), JudgeItem.pointwise("rollout-" + rollout.id(), rubric,
                            docs.systemPrompt(), docs.target(), docs.reference(), rollout.toPrediction()));
                }, rollouts, this::documentsOf);
        return new JudgePlan(deferred, repeats);
    }

    /**
     * The plan of a pairwise run: each pair in both orders, (first, second) then (second, first), side
     * by side, so an interrupted run has both orders of the pairs it covered and position consistency
     * can be measured on them. Loaded as {@link #plan} is.
     *
     * @throws IllegalArgumentException a rollout is gone, or the two rollouts of a pair belong to different samples
     */
    public JudgePlan planPairs(Rubric rubric, List<RolloutPair> pairs, int repeats) {
        List<Long> ids = new ArrayList<>();
        pairs.forEach(p -> {
            ids.add(p.first());
            ids.add(p.second());
        });
        Map<Long, String> sampleOf = sampleIdsOf(ids);
        for (RolloutPair pair : pairs) {
            if (!sampleOf.get(pair.first()).equals(sampleOf.get(pair.second()))) {
                throw new IllegalArgumentException("pair " + pair + " joins rollouts of samples "
                        + sampleOf.get(pair.first()) + " and " + sampleOf.get(pair.second())
                        + "; a pair must be two rollouts of one sample");
            }
        }
        // Item 2k is pair k as stored, item 2k+1 the same pair swapped.
        IntFunction<Long> candidateA = i -> i % 2 == 0 ? pairs.get(i / 2).first() : pairs.get(i / 2).second();
        IntFunction<Long> candidateB = i -> i % 2 == 0 ? pairs.get(i / 2).second() : pairs.get(i / 2).first();
        DeferredPlanItems deferred = new DeferredPlanItems(pairs.size() * 2, candidateA,
                i -> OptionalLong.of(candidateB.apply(i)), i -> sampleOf.get(candidateA.apply(i)),
                (i, docs, found) -> pairItem(rubric, docs, found.apply(candidateA.apply(i)),
                        found.apply(candidateB.apply(i))), rollouts, this::documentsOf);
        return new JudgePlan(deferred, repeats);
    }

    private static RunItem pairItem(Rubric rubric, SampleDocuments docs, StoredRollout a, StoredRollout b) {
        JudgeItem item = JudgeItem.pairwise("pair-" + a.id() + "-" + b.id(), rubric, docs.systemPrompt(), docs.target(),
                docs.reference(), a.prediction(), b.prediction());
        return RunItem.pair(a.id(), b.id(), item);
    }

    private SampleDocuments documentsOf(String sampleId) {
        return documents.documentsOf(samples.find(sampleId).orElseThrow());
    }

    /**
     * The sample of each rollout, a query per {@link #IDS_PER_QUERY} ids (H2 checks each row it finds
     * against the whole array again, so one array of 20,000 ids costs seconds); a rollout that is not in
     * the workspace is an error.
     */
    private Map<Long, String> sampleIdsOf(List<Long> rolloutIds) {
        Map<Long, String> sampleOf = new HashMap<>();
        List<Long> distinct = List.copyOf(new HashSet<>(rolloutIds));
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT id, sample_id FROM rollouts WHERE id = ANY(?)")) {
            for (int from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
                select.setArray(1, c.createArrayOf("BIGINT",
                        distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_QUERY)).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sampleOf.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the rollouts of a judge run", e);
        }
        for (long id : rolloutIds) {
            if (!sampleOf.containsKey(id)) {
                throw new IllegalArgumentException("rollout " + id + " is not in the workspace");
            }
        }
        return sampleOf;
    }
}
