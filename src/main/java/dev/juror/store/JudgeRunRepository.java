package dev.juror.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.RolloutPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judge runs: creating one, its status and owning process, its failure threshold, setting its failed
 * results aside for a retry, and reading runs back with their result counts. What a run stored (its
 * results and scores) is {@link JudgeResultRepository}; the answers runs recorded, for replay, are
 * {@link RecordingRepository}.
 */
public final class JudgeRunRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link FailureThreshold#SERVICE_FAILURES} as an SQL list (checked against it by JudgeRunFailuresStoreTest). */
    static final String SERVICE_FAILURE_CODES = "('api_error', 'timeout')";

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
}
