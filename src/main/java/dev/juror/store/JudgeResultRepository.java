package dev.juror.store;

import dev.juror.judge.JudgeResult;
import dev.juror.judge.output.CommentJudgement;
import dev.juror.judge.output.DimensionScore;
import dev.juror.judge.output.OutputError;
import dev.juror.judge.output.ParsedJudgement;
import dev.juror.judge.run.ResultSink;
import dev.juror.judge.run.RunResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * What judge runs stored: results arrive through {@link #sink(long)}, each stored in its own committed
 * transaction, and the unique key (run, rollout, rollout B, repeat) turns a second save of the same
 * result into a no-op, so an interrupted run can be resumed any number of times without duplicates.
 * Pairwise results name both rollouts in the order shown (rollout B is NULL for pointwise ones).
 * Read back as rows, with their scores.
 */
public final class JudgeResultRepository {

    /** Column limit of raw_output; a judge answer is bounded by max_tokens, far below it. */
    static final int MAX_RAW_OUTPUT = 1_000_000;

    private final Workspace workspace;
    private final Clock clock;

    public JudgeResultRepository(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    /** @param clock stamps each stored result */
    public JudgeResultRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Where a run's results go; see the class comment. */
    public ResultSink sink(long runId) {
        return new ResultSink() {
            @Override
            public Set<String> finishedKeys() {
                return JudgeResultRepository.this.finishedKeys(runId);
            }

            @Override
            public void save(RunResult result) {
                JudgeResultRepository.this.save(runId, result);
            }

            @Override
            public void saveAll(List<RunResult> results) {
                JudgeResultRepository.this.saveAll(runId, results);
            }
        };
    }

    /** Keys ({@link RunResult#key}: {@code rolloutId#repeat}, pairwise {@code a>b#repeat}) of the results stored for a run. */
    public Set<String> finishedKeys(long runId) {
        Set<String> keys = new HashSet<>();
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT rollout_id, rollout_b_id, repeat_index FROM judge_results WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(RunResult.key(rows.getLong(1), Sql.optionalLong(rows, "rollout_b_id"), rows.getInt(3)));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the finished results of judge run " + runId, e);
        }
    }

    /**
     * Stores one result with its scores in one committed transaction.
     *
     * @return false when a result for this (run, rollout, rollout B, repeat) was already stored (nothing changed)
     */
    public boolean save(long runId, RunResult runResult) {
        return saveAll(runId, List.of(runResult)) == 1;
    }

    /**
     * Stores several results with their scores in one committed transaction: all or none. A result
     * already stored is skipped (a savepoint undoes its insert), as {@link #save} skips it.
     *
     * @return how many were new
     */
    public int saveAll(long runId, List<RunResult> runResults) {
        RunResult current = null;
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try {
                int saved = 0;
                for (RunResult runResult : runResults) {
                    current = runResult;
                    Savepoint before = c.setSavepoint();
                    try {
                        insert(c, runId, runResult);
                        saved++;
                    } catch (SQLException e) {
                        if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                            throw e;
                        }
                        c.rollback(before);
                    }
                }
                c.commit();
                return saved;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw cannotStore(runId, current != null ? current : runResults.getFirst(), e);
        }
    }

    private static StoreException cannotStore(long runId, RunResult runResult, SQLException e) {
        String rollouts = runResult.pair().map(p -> "s " + runResult.rolloutId() + ">" + p.rolloutBId())
                .orElse(" " + runResult.rolloutId());
        return new StoreException("Cannot store the judge result of rollout" + rollouts + " repeat "
                + runResult.repeat() + " of run " + runId, e);
    }

    private void insert(Connection c, long runId, RunResult runResult) throws SQLException {
        JudgeResult result = runResult.result();
        long resultId;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO judge_results (run_id, rollout_id, repeat_index, status, model, raw_output, error,
                                           error_kinds, latency_ms, attempts, input_tokens, output_tokens,
                                           cache_read_tokens, cache_write_tokens, sample_score,
                                           arithmetic_mismatch, created_at, rollout_b_id, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new String[] {"id"})) {
            insert.setLong(1, runId);
            insert.setLong(2, runResult.rolloutId());
            insert.setInt(3, runResult.repeat());
            insert.setString(4, result.status().code());
            insert.setString(5, result.model());
            insert.setString(6, truncate(result.rawOutput(), MAX_RAW_OUTPUT));
            insert.setString(7, Sql.nullIfEmpty(result.error()));
            insert.setString(8, errorKinds(result));
            insert.setLong(9, result.latency().toMillis());
            insert.setInt(10, result.attempts());
            insert.setLong(11, result.usage().inputTokens());
            insert.setLong(12, result.usage().outputTokens());
            insert.setLong(13, result.usage().cacheReadInputTokens());
            insert.setLong(14, result.usage().cacheWriteInputTokens());
            OptionalDouble score = result.sampleScore();
            if (score.isPresent()) {
                insert.setDouble(15, score.getAsDouble());
            } else {
                insert.setNull(15, Types.DOUBLE);
            }
            insert.setBoolean(16, result.arithmeticMismatch());
            insert.setObject(17, Sql.timestamp(clock.instant()));
            if (runResult.pair().isPresent()) {
                insert.setLong(18, runResult.pair().get().rolloutBId());
                insert.setString(19, runResult.pair().get().contentHash());
            } else {
                insert.setNull(18, Types.BIGINT);
                insert.setNull(19, Types.VARCHAR);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                resultId = keys.getLong(1);
            }
        }
        if (result.judgement().isPresent()) {
            insertScores(c, resultId, result.judgement().get());
        }
    }

    private static String errorKinds(JudgeResult result) {
        return String.join(",", result.judgement().map(ParsedJudgement::errors).orElse(List.of()).stream()
                .map(OutputError::kind).map(k -> k.code()).distinct().toList());
    }

    private static void insertScores(Connection c, long resultId, ParsedJudgement judgement) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO judge_scores (result_id, comment_position, comment_id, dimension, score, label, justification)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)) {
            int rows = 0;
            for (CommentJudgement comment : judgement.comments()) {
                for (DimensionScore score : comment.scores()) {
                    insert.setLong(1, resultId);
                    insert.setInt(2, comment.position());
                    insert.setString(3, comment.commentId());
                    insert.setString(4, score.dimension());
                    insert.setDouble(5, score.score());
                    insert.setString(6, truncate(score.label(), 64));
                    insert.setString(7, score.justification());
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }


    /** Every stored score of a run, by rollout, repeat, comment position and dimension. */
    public List<JudgeScoreRow> scoresOf(long runId) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT r.rollout_id, s.comment_position, s.comment_id, s.dimension, r.repeat_index, s.score
                     FROM judge_scores s JOIN judge_results r ON r.id = s.result_id
                     WHERE r.run_id = ?
                     ORDER BY r.rollout_id, r.repeat_index, s.comment_position, s.id
                     """)) {
            select.setLong(1, runId);
            List<JudgeScoreRow> scores = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    scores.add(new JudgeScoreRow(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                            rows.getInt(5), rows.getDouble(6)));
                }
            }
            return scores;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the scores of judge run " + runId, e);
        }
    }

    /** The scores of one stored result with labels and justifications, by comment position then dimension order. */
    public List<JudgeScoreDetail> scoreDetailsOf(long resultId) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT comment_position, comment_id, dimension, score, label, justification
                     FROM judge_scores WHERE result_id = ? ORDER BY comment_position, id
                     """)) {
            select.setLong(1, resultId);
            List<JudgeScoreDetail> details = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    details.add(new JudgeScoreDetail(rows.getInt(1), Sql.emptyIfNull(rows.getString(2)),
                            rows.getString(3), rows.getDouble(4), Sql.emptyIfNull(rows.getString(5)),
                            Sql.emptyIfNull(rows.getString(6))));
                }
            }
            return details;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the scores of judge result " + resultId, e);
        }
    }

    /** The sample id of every rollout a run covers, by rollout id. */
    public Map<Long, String> sampleIdsOf(long runId) {
        Map<Long, String> samples = new java.util.HashMap<>();
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT DISTINCT o.id, o.sample_id FROM judge_results r JOIN rollouts o ON o.id = r.rollout_id
                     WHERE r.run_id = ?
                     """)) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    samples.put(rows.getLong(1), rows.getString(2));
                }
            }
            return samples;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the samples of judge run " + runId, e);
        }
    }

    /**
     * Every stored result of a run, by rollout and repeat; pairwise, by pair (the two orders of a pair
     * side by side), repeat, then order. For a pointwise row LEAST and GREATEST are both its rollout.
     */
    public List<JudgeResultRow> resultsOf(long runId) {
        return results("""
                 FROM judge_results WHERE run_id = ?
                ORDER BY LEAST(rollout_id, COALESCE(rollout_b_id, rollout_id)),
                         GREATEST(rollout_id, COALESCE(rollout_b_id, rollout_id)), repeat_index, rollout_id
                """, "the results of judge run " + runId, runId);
    }

    /** The results of one rollout in a pointwise run, by repeat (what the review desk's judge panel shows). */
    public List<JudgeResultRow> resultsOfRollout(long runId, long rolloutId) {
        return results("""
                 FROM judge_results WHERE run_id = ? AND rollout_id = ? AND rollout_b_id IS NULL
                ORDER BY repeat_index, id
                """, "the results of rollout " + rolloutId + " in judge run " + runId, runId, rolloutId);
    }

    /** Result rows of {@code SELECT <result columns> + from}, the query's parameters all ids. */
    private List<JudgeResultRow> results(String from, String what, long... ids) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT " + resultColumns("") + from)) {
            for (int i = 0; i < ids.length; i++) {
                select.setLong(i + 1, ids[i]);
            }
            List<JudgeResultRow> results = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(resultRow(rows));
                }
            }
            return results;
        } catch (SQLException e) {
            throw new StoreException("Cannot read " + what, e);
        }
    }

    /** A result with the id of the sample its rollout belongs to. */
    public record ResultOfSample(JudgeResultRow result, String sampleId) {
    }

    /**
     * The results of a run stored after the one with id {@code afterId}, in the order they were
     * stored (a screen follows a run in progress with this).
     */
    public List<ResultOfSample> resultsAfter(long runId, long afterId) {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT " + resultColumns("r.") + ", o.sample_id "
                     + "FROM judge_results r JOIN rollouts o ON o.id = r.rollout_id "
                     + "WHERE r.run_id = ? AND r.id > ? ORDER BY r.id")) {
            select.setLong(1, runId);
            select.setLong(2, afterId);
            List<ResultOfSample> results = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(new ResultOfSample(resultRow(rows), rows.getString("sample_id")));
                }
            }
            return results;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the new results of judge run " + runId, e);
        }
    }

    /** Mean output tokens of {@code results} judge results. */
    public record OutputTokenMean(long results, double mean) {
    }

    /**
     * The mean output tokens of the ok results with output tokens of every run of this rubric version and model,
     * runs of {@code leftOutProviders} left out (judges that make no model call); 0 results when there are none.
     */
    public OutputTokenMean outputTokenMean(String rubricVersion, String model, Set<String> leftOutProviders) {
        Object[] row = Sql.rows(workspace, "the output tokens of earlier judge results", """
                SELECT COUNT(*), AVG(CAST(r.output_tokens AS DOUBLE PRECISION)) FROM judge_results r
                JOIN judge_runs u ON u.id = r.run_id WHERE u.rubric_version = ? AND u.model = ? AND r.status = 'ok'
                AND r.output_tokens > 0 AND NOT (u.provider = ANY(?))
                """, rubricVersion, model, leftOutProviders.toArray(String[]::new)).get(0);
        long n = ((Number) row[0]).longValue();
        return new OutputTokenMean(n, n == 0 ? 0 : ((Number) row[1]).doubleValue());
    }

    private static final List<String> RESULT_COLUMNS = List.of("id", "run_id", "rollout_id", "rollout_b_id",
            "repeat_index", "status", "model", "raw_output", "error", "error_kinds", "latency_ms", "attempts",
            "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "sample_score",
            "arithmetic_mismatch", "created_at");

    /** The columns {@link #resultRow} reads, each prefixed with the table alias (or nothing). */
    private static String resultColumns(String alias) {
        return String.join(", ", RESULT_COLUMNS.stream().map(column -> alias + column).toList());
    }

    private static JudgeResultRow resultRow(ResultSet rows) throws SQLException {
        double score = rows.getDouble("sample_score");
        OptionalDouble sample = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
        return new JudgeResultRow(rows.getLong("id"), rows.getLong("run_id"), rows.getLong("rollout_id"),
                Sql.optionalLong(rows, "rollout_b_id"), rows.getInt("repeat_index"), rows.getString("status"),
                rows.getString("model"), rows.getString("raw_output"), Sql.emptyIfNull(rows.getString("error")),
                rows.getString("error_kinds"), rows.getLong("latency_ms"), rows.getInt("attempts"),
                rows.getLong("input_tokens"), rows.getLong("output_tokens"),
                rows.getLong("cache_read_tokens"), rows.getLong("cache_write_tokens"), sample,
                rows.getBoolean("arithmetic_mismatch"), Sql.instant(rows, "created_at"));
    }
}
