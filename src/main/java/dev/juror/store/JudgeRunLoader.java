package dev.juror.store;

import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.JudgeScore;
import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.views.ModelComparison;
import dev.juror.rubric.Rubric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Reads stored judge runs (migration V3) into the calibration engine's in-memory records. Only
 * results with status {@code ok} contribute scores: a parse or schema error is the judge failing,
 * which the run's status counts report, not a score to compare with humans.
 */
public final class JudgeRunLoader {

    /** Prefix of run ids in reports: run 7 is {@code run-7}. */
    public static final String PREFIX = "run-";

    private final JudgeRunRepository runs;
    private final JudgeResultRepository results;
    private final RolloutRepository rollouts;
    private final Workspace workspace;
    private final Map<Long, StoredRollout> cache = new HashMap<>();

    public JudgeRunLoader(Workspace workspace) {
        this(Repositories.of(workspace));
    }

    public JudgeRunLoader(Repositories repositories) {
        this.workspace = repositories.workspace();
        this.runs = repositories.judgeRuns();
        this.results = repositories.judgeResults();
        this.rollouts = repositories.rollouts();
    }

    /** Parses {@code 7} or {@code run-7}; empty when it is neither. */
    public static java.util.OptionalLong parseId(String text) {
        String t = text.strip();
        if (t.startsWith(PREFIX)) {
            t = t.substring(PREFIX.length());
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    public java.util.Optional<StoredJudgeRun> find(long runId) {
        return runs.find(runId);
    }

    /**
     * The run's integer scores on {@code scale} (values off the scale are skipped and counted in
     * {@link Loaded#offScale()}).
     */
    public Loaded load(long runId, dev.juror.calibration.stats.ScoreRange scale) {
        StoredJudgeRun run = runs.find(runId).orElseThrow(() -> new StoreException("judge run " + runId
                + " is not in the workspace", null));
        List<JudgeScore> scores = new ArrayList<>();
        int off = 0;
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT r.rollout_id, r.repeat_index, s.comment_position, s.dimension, s.score, s.justification
                     FROM judge_scores s JOIN judge_results r ON r.id = s.result_id
                     WHERE r.run_id = ? AND r.status = 'ok'
                     ORDER BY r.rollout_id, r.repeat_index, s.comment_position, s.id
                     """)) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double v = rows.getDouble(5);
                    if (v != Math.rint(v) || !scale.contains((int) v)) {
                        off++;
                        continue;
                    }
                    StoredRollout r = rollout(rows.getLong(1));
                    scores.add(new JudgeScore(ItemKeys.comment(r.sampleId(), r.index(), rows.getInt(3)),
                            rows.getString(4), rows.getInt(2), (int) v, rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the scores of judge run " + runId, e);
        }
        return new Loaded(new JudgeRun(PREFIX + runId, run.rubricVersion(), run.model(), run.createdAt(), scores), run, off);
    }

    /**
     * @param offScale scores skipped because they are not integers on the rubric's scale
     */
    public record Loaded(JudgeRun run, StoredJudgeRun stored, int offScale) {
    }

    /**
     * One outcome per rollout of the run for the model comparison: schema validity of the policy's
     * prediction, the judge's sample score (mean over the repeats that succeeded) and the best comment
     * score of the first successful repeat.
     */
    public List<ModelComparison.RolloutOutcome> outcomes(long runId, Rubric rubric) {
        StoredJudgeRun run = runs.find(runId).orElseThrow();
        Map<Long, List<Double>> sample = new TreeMap<>();
        for (JudgeResultRow r : results.resultsOf(runId)) {
            if (r.sampleScore().isPresent()) {
                sample.computeIfAbsent(r.rolloutId(), k -> new ArrayList<>()).add(r.sampleScore().getAsDouble());
            }
        }
        // rollout -> repeat -> comment position -> dimension -> score
        Map<Long, Map<Integer, Map<Integer, Map<String, Double>>>> dims = new TreeMap<>();
        for (JudgeScoreRow s : results.scoresOf(runId)) {
            dims.computeIfAbsent(s.rolloutId(), k -> new TreeMap<>()).computeIfAbsent(s.repeat(), k -> new TreeMap<>())
                    .computeIfAbsent(s.commentPosition(), k -> new HashMap<>()).put(s.dimension(), s.score());
        }
        List<ModelComparison.RolloutOutcome> out = new ArrayList<>();
        for (long id : run.rolloutIds()) {
            StoredRollout r = rollout(id);
            List<Double> s = sample.getOrDefault(id, List.of());
            OptionalDouble mean = s.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(s.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            OptionalDouble best = OptionalDouble.empty();
            var repeats = dims.get(id);
            if (repeats != null && sample.containsKey(id)) {
                for (Map<String, Double> comment : repeats.values().iterator().next().values()) {
                    if (comment.keySet().containsAll(rubric.dimensionNames())) {
                        double score = rubric.commentScore(comment);
                        best = OptionalDouble.of(best.isPresent() ? Math.max(best.getAsDouble(), score) : score);
                    }
                }
            }
            out.add(new ModelComparison.RolloutOutcome(ItemKeys.rollout(r.sampleId(), r.index()), r.sampleId(), r.model(),
                    r.isParsed(), mean, best));
        }
        return out;
    }

    private StoredRollout rollout(long id) {
        return cache.computeIfAbsent(id, k -> rollouts.find(k).orElseThrow());
    }
}
