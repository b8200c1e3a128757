package dev.juror.store;

import dev.juror.watch.StepMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One watch import's transaction (a file, or one read of a log group): the run, its records and
 * metrics, and the placement of its records on steps, all committed together or not at all. What to
 * import and how to place it is the use case's decision ({@code workspace.watch}); the SQL is here.
 */
public final class WatchTransaction implements AutoCloseable {

    private static final int ROWS_PER_BATCH = 2_000;

    private final Connection c;
    private final Clock clock;
    private boolean committed;

    WatchTransaction(Workspace workspace, Clock clock) {
        this.clock = clock;
        try {
            this.c = workspace.connection();
        } catch (SQLException e) {
            throw failed("open a transaction", e);
        }
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly();
            throw failed("open a transaction", e);
        }
    }

    /** The run of that name, created if there is none yet. */
    public TrainingRun run(String name) {
        try {
            List<TrainingRun> found = select(TrainingRunRepository.RUN_COLUMNS + " WHERE name = ? FOR UPDATE", name);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO training_runs (name, created_at) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setObject(2, Sql.timestamp(clock.instant()));
                insert.executeUpdate();
            }
            return select(TrainingRunRepository.RUN_COLUMNS + " WHERE name = ?", name).getFirst();
        } catch (SQLException e) {
            throw failed("find or create training run " + name, e);
        }
    }

    public void bundle(long runId, String bundle) {
        update("UPDATE training_runs SET bundle = ? WHERE id = ?", bundle, runId);
    }

    public void callsPerStep(long runId, int calls) {
        update("UPDATE training_runs SET calls_per_step = ? WHERE id = ?", calls, runId);
    }

    public void placement(long runId, String placement) {
        update("UPDATE training_runs SET placement = ? WHERE id = ?", placement, runId);
    }

    /** The run's reward records as an import sees them: stored keys and steps, then what it adds. */
    public RunRecords records(long runId) {
        try {
            return new RunRecords(runId, RewardBlocks.identities(c, runId));
        } catch (SQLException e) {
            throw failed("read the reward records of training run " + runId, e);
        }
    }

    /** Writes the records' blocks that changed (new records, records placed on another step). */
    public void write(RunRecords records) {
        try {
            records.write(c);
        } catch (SQLException e) {
            throw failed("store reward records", e);
        }
    }

    /** Stores step metrics; a metric already stored for the step takes the new value. */
    public void metrics(long runId, List<StepMetrics> rows) {
        String sql = "MERGE INTO step_metrics (run_id, step, name, step_value, logged_at, source) KEY (run_id, step, name)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement merge = c.prepareStatement(sql)) {
            int pending = 0;
            for (StepMetrics row : rows) {
                for (var e : row.values().entrySet()) {
                    merge.setLong(1, runId);
                    merge.setInt(2, row.step());
                    merge.setString(3, e.getKey());
                    merge.setDouble(4, e.getValue());
                    merge.setObject(5, row.loggedAt().map(Sql::timestamp).orElse(null));
                    merge.setString(6, row.source());
                    merge.addBatch();
                    if (++pending == ROWS_PER_BATCH) {
                        merge.executeBatch();
                        pending = 0;
                    }
                }
            }
            merge.executeBatch();
        } catch (SQLException e) {
            throw failed("store step metrics", e);
        }
    }

    /** The end of each step with a time: the latest time any of its metrics was logged. */
    public NavigableMap<Integer, Instant> stepEnds(long runId) {
        NavigableMap<Integer, Instant> ends = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT step, MAX(logged_at) FROM step_metrics"
                + " WHERE run_id = ? AND logged_at IS NOT NULL GROUP BY step")) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ends.put(rows.getInt(1), rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return ends;
        } catch (SQLException e) {
            throw failed("read step times", e);
        }
    }

    public TrainingRunStats stats(long runId) {
        try {
            return stats(c, runId);
        } catch (SQLException e) {
            throw failed("read training run " + runId, e);
        }
    }

    static TrainingRunStats stats(Workspace workspace, long runId) {
        try (Connection connection = workspace.connection()) {
            return stats(connection, runId);
        } catch (SQLException e) {
            throw new StoreException("Cannot read training run " + runId, e);
        }
    }

    private static TrainingRunStats stats(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(records), 0), MIN(step), MAX(step),"
                + " COUNT(DISTINCT step), (SELECT COUNT(DISTINCT step) FROM step_metrics WHERE run_id = ?),"
                + " (SELECT COUNT(DISTINCT step) FROM step_metrics WHERE run_id = ? AND logged_at IS NOT NULL)"
                + " FROM reward_blocks WHERE run_id = ?")) {
            s.setLong(1, runId);
            s.setLong(2, runId);
            s.setLong(3, runId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                int min = rows.getInt(2);
                OptionalInt first = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(min);
                int max = rows.getInt(3);
                OptionalInt last = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(max);
                return new TrainingRunStats(rows.getLong(1), first, last, rows.getInt(4), rows.getInt(5),
                        rows.getInt(6));
            }
        }
    }

    public void commit() {
        try {
            c.commit();
            committed = true;
        } catch (SQLException e) {
            throw failed("commit the import", e);
        }
    }

    @Override
    public void close() {
        try {
            if (!committed) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the connection is closed below either way; nothing was committed
        } finally {
            closeQuietly();
        }
    }

    private List<TrainingRun> select(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<TrainingRun> out = new java.util.ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(TrainingRunRepository.run(rows));
                }
            }
            return out;
        }
    }

    private void update(String sql, Object... parameters) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("update a training run", e);
        }
    }

    private static StoreException failed(String what, SQLException e) {
        return new StoreException("Cannot " + what, e);
    }

    private void closeQuietly() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure; the first failure is the one reported
        }
    }
}
