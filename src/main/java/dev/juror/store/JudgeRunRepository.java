package dev.juror.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.ReplayKey;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.output.CommentJudgement;
import dev.juror.judge.output.DimensionScore;
import dev.juror.judge.output.OutputError;
import dev.juror.judge.output.ParsedJudgement;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.ResultSink;
import dev.juror.judge.run.RolloutPair;
import dev.juror.judge.run.RunResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Judge runs and their results. Results arrive through {@link #sink(long)}: each is stored in its own
 * committed transaction, and the unique key (run, rollout, rollout B, repeat) turns a second save of
 * the same result into a no-op, so an interrupted run can be resumed any number of times without
 * duplicates. Pairwise results name both rollouts in the order shown (rollout B is NULL for
 * pointwise ones). Also the {@link ReplaySource} of the replay judge: earlier raw outputs by (rubric
 * version, model, content hash, repeat).
 */
public final class JudgeRunRepository implements ReplaySource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Statuses whose raw output is a complete model answer worth replaying. */
    private static final String REPLAYABLE = "('ok', 'parse_error', 'schema_error')";

    /** {@link FailureThreshold#SERVICE_FAILURES} as an SQL list (checked against it by JudgeRunFailuresStoreTest). */
    static final String SERVICE_FAILURE_CODES = "('api_error', 'timeout')";

    /** Column limit of raw_output; a judge answer is bounded by max_tokens, far below it. */
    static final int MAX_RAW_OUTPUT = 1_000_000;

    private final Workspace workspace;
    private final Clock clock;

    public JudgeRunRepository(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public JudgeRunRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Creates a run in status {@code running}, owned by this process, and returns its id. */
    public long create(NewJudgeRun run) {
        ObjectNode selection = JSON.createObjectNode();
        selection.put("selection", run.selection());
        run.rolloutIds().forEach(selection.putArray("rollout_ids")::add);
        if (!run.pairs().isEmpty()) {
            var pairs = selection.putArray("pairs");
            run.pairs().forEach(p -> pairs.addArray().add(p.first()).add(p.second()));
        }
        try (Connection c = workspace.connection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO judge_runs (rubric_name, rubric_version, rubric_yaml, provider, model, settings_json,
                                             repeats, selection_json, created_at, status)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     """, new String[] {"id"})) {
            insert.setString(1, run.rubricName());
            insert.setString(2, run.rubricVersion());
            insert.setString(3, run.rubricYaml());
            insert.setString(4, run.provider());
            insert.setString(5, run.model());
            insert.setString(6, run.settingsJson());
            insert.setInt(7, run.repeats());
            insert.setString(8, JSON.writeValueAsString(selection));
            insert.setObject(9, Sql.timestamp(clock.instant()));
            insert.setString(10, JudgeRunStatus.RUNNING.code());
            insert.executeUpdate();
            long id;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            // Owned from the start: another process opening the workspace before this one starts the run
            // must not take it for abandoned.
            markRunning(id, RunOwner.current());
            return id;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("Cannot create a judge run for rubric " + run.rubricName(), e);
        }
    }

    /**
     * Sets the run's status; {@code finished}, {@code interrupted} and {@code failed} also set
     * {@code finished_at} and clear the run's owner. A run is marked running with {@link #markRunning}.
     */
    public void markStatus(long runId, JudgeRunStatus status) {
        if (status == JudgeRunStatus.RUNNING) {
            markRunning(runId, RunOwner.current());
            return;
        }
        try (Connection c = workspace.connection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE judge_runs SET status = ?, finished_at = ?, owner_pid = NULL, owner_host = NULL,
                                           owner_started_at = NULL
                     WHERE id = ?""")) {
            update.setString(1, status.code());
            update.setObject(2, Sql.timestamp(clock.instant()));
            update.setLong(3, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot set the status of judge run " + runId, e);
        }
    }

    /** Marks the run {@code running}, owned by {@code owner} (see {@link #markAbandonedRunsInterrupted()}). */
    public void markRunning(long runId, RunOwner owner) {
        try (Connection c = workspace.connection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE judge_runs SET status = ?, finished_at = NULL, owner_pid = ?, owner_host = ?,
                                           owner_started_at = ?
                     WHERE id = ?""")) {
            update.setString(1, JudgeRunStatus.RUNNING.code());
            update.setLong(2, owner.pid());
            update.setString(3, owner.host());
            if (owner.startedAt().isPresent()) {
                update.setObject(4, Sql.timestamp(owner.startedAt().get()));
            } else {
                update.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            update.setLong(5, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot mark judge run " + runId + " running", e);
        }
    }

    /** Sets the run's tolerance for service failures (see {@link FailureThreshold}). */
    public void setMaxFailures(long runId, FailureThreshold threshold) {
        try (Connection c = workspace.connection();
             PreparedStatement update = c.prepareStatement("UPDATE judge_runs SET max_failures = ? WHERE id = ?")) {
            update.setString(1, threshold.code());
            update.setLong(2, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot set the failure threshold of judge run " + runId, e);
        }
    }

    /**
     * Marks every {@code running} run whose owning process is gone (killed, crashed, or a run stored
     * before owners were recorded) as {@code interrupted}, so it does not show as running forever. A
     * run owned by a live process, this one or another sharing the workspace, is left alone; the
     * update re-checks the owner, so a run another process took over meanwhile is left alone too.
     *
     * @return the ids of the runs marked interrupted
     */
    public List<Long> markAbandonedRunsInterrupted() {
        List<Long> marked = new ArrayList<>();
        try (Connection c = workspace.connection()) {
            List<Object[]> running = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, owner_pid, owner_host, owner_started_at FROM judge_runs WHERE status = ?""")) {
                select.setString(1, JudgeRunStatus.RUNNING.code());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        running.add(new Object[] {rows.getLong(1), owner(rows).orElse(null)});
                    }
                }
            }
            for (Object[] run : running) {
                RunOwner owner = (RunOwner) run[1];
                if (owner != null && owner.isAlive()) {
                    continue;
                }
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE judge_runs SET status = ?, finished_at = ?, owner_pid = NULL, owner_host = NULL,
                                              owner_started_at = NULL
                        WHERE id = ? AND status = ? AND owner_pid IS NOT DISTINCT FROM ?""")) {
                    update.setString(1, JudgeRunStatus.INTERRUPTED.code());
                    update.setObject(2, Sql.timestamp(clock.instant()));
                    update.setLong(3, (Long) run[0]);
                    update.setString(4, JudgeRunStatus.RUNNING.code());
                    if (owner == null) {
                        update.setNull(5, Types.BIGINT);
                    } else {
                        update.setLong(5, owner.pid());
                    }
                    if (update.executeUpdate() > 0) {
                        marked.add((Long) run[0]);
                    }
                }
            }
            return marked;
        } catch (SQLException e) {
            throw new StoreException("Cannot check the running judge runs of " + workspace.directory(), e);
        }
    }

    private static Optional<RunOwner> owner(ResultSet rows) throws SQLException {
        long pid = rows.getLong("owner_pid");
        if (rows.wasNull()) {
            return Optional.empty();
        }
        Instant started = rows.getObject("owner_started_at") == null ? null : Sql.instant(rows, "owner_started_at");
        return Optional.of(new RunOwner(pid, Sql.emptyIfNull(rows.getString("owner_host")),
                Optional.ofNullable(started)));
    }

    /**
     * Moves the run's service-failure results ({@link FailureThreshold#SERVICE_FAILURES}) to
     * {@code judge_results_retried}, in one transaction, so a resume calls the judge for them again;
     * the history keeps what failed and when.
     *
     * @return how many results were moved
     */
    public int retryFailed(long runId) {
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement copy = c.prepareStatement("""
                         INSERT INTO judge_results_retried (run_id, rollout_id, rollout_b_id, repeat_index, status, model,
                                                            error, latency_ms, attempts, created_at, retried_at)
                         SELECT run_id, rollout_id, rollout_b_id, repeat_index, status, model, error, latency_ms,
                                attempts, created_at, ?
                         FROM judge_results WHERE run_id = ? AND status IN\s""" + SERVICE_FAILURE_CODES);
                 PreparedStatement scores = c.prepareStatement("""
                         DELETE FROM judge_scores WHERE result_id IN
                             (SELECT id FROM judge_results WHERE run_id = ? AND status IN\s""" + SERVICE_FAILURE_CODES
                         + ")");
                 PreparedStatement delete = c.prepareStatement(
                         "DELETE FROM judge_results WHERE run_id = ? AND status IN " + SERVICE_FAILURE_CODES)) {
                copy.setObject(1, Sql.timestamp(clock.instant()));
                copy.setLong(2, runId);
                int copied = copy.executeUpdate();
                scores.setLong(1, runId);
                scores.executeUpdate();
                delete.setLong(1, runId);
                int deleted = delete.executeUpdate();
                if (copied != deleted) {
                    throw new SQLException("copied " + copied + " failed results but deleted " + deleted);
                }
                c.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot set the failed results of judge run " + runId + " aside for a retry", e);
        }
    }

    /** Earlier failed attempts set aside by {@link #retryFailed(long)}, per status code. */
    public Map<String, Integer> retriedCounts(long runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT status, COUNT(*) FROM judge_results_retried WHERE run_id = ? GROUP BY status ORDER BY status")) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the retried results of judge run " + runId, e);
        }
    }

    /** Where a run's results go; see the class comment. */
    public ResultSink sink(long runId) {
        return new ResultSink() {
            @Override
            public Set<String> finishedKeys() {
                return JudgeRunRepository.this.finishedKeys(runId);
            }

            @Override
            public void save(RunResult result) {
                JudgeRunRepository.this.save(runId, result);
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
        JudgeResult result = runResult.result();
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try {
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
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            String rollouts = runResult.pair().map(p -> "s " + runResult.rolloutId() + ">" + p.rolloutBId())
                    .orElse(" " + runResult.rolloutId());
            throw new StoreException("Cannot store the judge result of rollout" + rollouts + " repeat "
                    + runResult.repeat() + " of run " + runId, e);
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

    public Optional<StoredJudgeRun> find(long runId) {
        List<StoredJudgeRun> runs = select(" WHERE j.id = ?", runId);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** All runs, newest first. */
    public List<StoredJudgeRun> list() {
        return select(" ORDER BY j.id DESC", null);
    }

    private List<StoredJudgeRun> select(String where, Long runId) {
        String sql = """
                SELECT j.id, j.rubric_name, j.rubric_version, j.rubric_yaml, j.provider, j.model, j.settings_json,
                       j.repeats, j.selection_json, j.created_at, j.status, j.finished_at, j.max_failures,
                       j.owner_pid, j.owner_host, j.owner_started_at
                FROM judge_runs j
                """ + where;
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(sql)) {
            if (runId != null) {
                select.setLong(1, runId);
            }
            List<StoredJudgeRun> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(readRun(c, rows));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StoreException("Cannot read judge runs", e);
        }
    }

    private StoredJudgeRun readRun(Connection c, ResultSet rows) throws SQLException {
        long id = rows.getLong("id");
        JsonNode selection;
        try {
            selection = JSON.readTree(rows.getString("selection_json"));
        } catch (JsonProcessingException e) {
            throw new StoreException("Judge run " + id + " has an unreadable selection", e);
        }
        List<Long> rolloutIds = new ArrayList<>();
        selection.path("rollout_ids").forEach(n -> rolloutIds.add(n.asLong()));
        List<RolloutPair> pairs = new ArrayList<>();
        selection.path("pairs").forEach(n -> pairs.add(new RolloutPair(n.path(0).asLong(), n.path(1).asLong())));
        Map<String, Integer> counts = new LinkedHashMap<>();
        long[] tokens = new long[4];
        long latency = 0;
        int mismatches = 0;
        try (PreparedStatement select = c.prepareStatement("""
                SELECT status, COUNT(*), SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens),
                       SUM(cache_write_tokens), SUM(latency_ms), SUM(CASE WHEN arithmetic_mismatch THEN 1 ELSE 0 END)
                FROM judge_results WHERE run_id = ? GROUP BY status ORDER BY status
                """)) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                    for (int i = 0; i < 4; i++) {
                        tokens[i] += r.getLong(3 + i);
                    }
                    latency += r.getLong(7);
                    mismatches += r.getInt(8);
                }
            }
        }
        Instant finished = Sql.instant(rows, "finished_at");
        return new StoredJudgeRun(id, rows.getString("rubric_name"), rows.getString("rubric_version"),
                rows.getString("rubric_yaml"), rows.getString("provider"), rows.getString("model"),
                rows.getString("settings_json"), rows.getInt("repeats"), selection.path("selection").asText(""),
                rolloutIds, Sql.instant(rows, "created_at"), JudgeRunStatus.fromCode(rows.getString("status")),
                rows.getObject("finished_at") == null ? Optional.empty() : Optional.of(finished), counts, tokens,
                latency, mismatches, pairs, threshold(id, rows.getString("max_failures")), owner(rows));
    }

    private static FailureThreshold threshold(long runId, String code) {
        try {
            return FailureThreshold.parse(code);
        } catch (IllegalArgumentException e) {
            throw new StoreException("Judge run " + runId + " has an unreadable failure threshold '" + code + "'", e);
        }
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
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT " + resultColumns("") + """
                      FROM judge_results WHERE run_id = ?
                     ORDER BY LEAST(rollout_id, COALESCE(rollout_b_id, rollout_id)),
                              GREATEST(rollout_id, COALESCE(rollout_b_id, rollout_id)), repeat_index, rollout_id
                     """)) {
            select.setLong(1, runId);
            List<JudgeResultRow> results = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(resultRow(rows));
                }
            }
            return results;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the results of judge run " + runId, e);
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
