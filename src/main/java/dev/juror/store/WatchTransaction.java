package dev.juror.store;

import dev.juror.watch.RecordKeys;
import dev.juror.watch.RewardRecord;
import dev.juror.watch.StepMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    /** Batched writes of reward records; a record already in the run (same key) is left as it is. */
    public RecordWriter records(long runId) {
        try {
            return new RecordWriter(runId);
        } catch (SQLException e) {
            throw failed("prepare the reward records", e);
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

    /**
     * Records of the run that carry no step of their own, in invocation order (time, then import order).
     * Sorted in Java: an index on the time made every insert dearer than this sort of a million keys.
     */
    public PlacementKeys placementKeys(long runId) {
        try (PreparedStatement s = c.prepareStatement("SELECT id, recorded_at, step FROM reward_records"
                + " WHERE run_id = ? AND step_from_record = FALSE")) {
            s.setLong(1, runId);
            PlacementKeys.Builder keys = new PlacementKeys.Builder();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    int step = rows.getInt(3);
                    keys.add(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.wasNull() ? -1 : step);
                }
            }
            return keys.build();
        } catch (SQLException e) {
            throw failed("read records to place", e);
        }
    }

    /** Writes the steps that changed; returns how many did. */
    public int updateSteps(PlacementKeys keys, int[] steps) {
        int changed = 0;
        try (PreparedStatement u = c.prepareStatement("UPDATE reward_records SET step = ? WHERE id = ?")) {
            int pending = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.step(i) == steps[i]) {
                    continue;
                }
                u.setInt(1, steps[i]);
                u.setLong(2, keys.id(i));
                u.addBatch();
                changed++;
                if (++pending == ROWS_PER_BATCH) {
                    u.executeBatch();
                    pending = 0;
                }
            }
            u.executeBatch();
            return changed;
        } catch (SQLException e) {
            throw failed("place records on steps", e);
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
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(step), MAX(step), COUNT(DISTINCT step),"
                + " (SELECT COUNT(DISTINCT step) FROM step_metrics WHERE run_id = ?),"
                + " (SELECT COUNT(DISTINCT step) FROM step_metrics WHERE run_id = ? AND logged_at IS NOT NULL)"
                + " FROM reward_records WHERE run_id = ?")) {
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

    /** Reward records, written in batches. */
    public final class RecordWriter {

        /*
         * A plain batched INSERT: records already in the run are passed over in Java (their keys are
         * read once, into a LongSet), which is several times faster in H2 than probing the table per row
         * (and MERGE ... USING scans the whole table per row).
         */
        private static final String INSERT = """
                INSERT INTO reward_records (run_id, record_key, sample_id, recorded_at, prediction_sha256, rubric_version,
                    reward, metrics, checks, fallback, judge_error, prediction_chars, comments, latency_ms, input_tokens,
                    output_tokens, prompt_sha256, step, step_from_record, prediction, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";


        private final long runId;
        private final PreparedStatement merge;
        private final LongSet known;
        private int pending;
        private long added;

        private RecordWriter(long runId) throws SQLException {
            this.runId = runId;
            this.merge = c.prepareStatement(INSERT);
            this.known = knownKeys(runId);
        }

        /** @param step the record's own step, or a first guess at its placed step (-1: none yet) */
        public void add(RewardRecord r, int step) {
            long key = RecordKeys.of(r);
            if (!known.add(key)) {
                return;
            }
            try {
                merge.setLong(1, runId);
                merge.setLong(2, key);
                merge.setString(3, r.sampleId());
                merge.setObject(4, Sql.timestamp(r.timestamp()));
                merge.setString(5, r.predictionSha256());
                merge.setString(6, r.rubricVersion());
                merge.setDouble(7, r.reward());
                merge.setString(8, r.metricsJson());
                merge.setString(9, String.join(",", r.checks()));
                merge.setBoolean(10, r.fallback());
                merge.setString(11, r.judgeError().orElse(null));
                merge.setInt(12, r.predictionChars());
                merge.setInt(13, r.comments());
                merge.setLong(14, r.latencyMs());
                merge.setInt(15, r.inputTokens());
                merge.setInt(16, r.outputTokens());
                merge.setString(17, r.promptSha256());
                if (step < 0) {
                    merge.setNull(18, Types.INTEGER);
                } else {
                    merge.setInt(18, step);
                }
                merge.setBoolean(19, r.step().isPresent());
                merge.setString(20, r.prediction().orElse(null));
                merge.setString(21, r.source());
                merge.addBatch();
                if (++pending == ROWS_PER_BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw failed("store reward record " + r.source(), e);
            }
        }

        /** Writes what is pending; returns the records added so far (records already in the run not counted). */
        public long flush() {
            try {
                added += merge.executeBatch().length;
                pending = 0;
                return added;
            } catch (SQLException e) {
                throw failed("store reward records", e);
            }
        }
    }

    private LongSet knownKeys(long runId) throws SQLException {
        LongSet keys = new LongSet();
        try (PreparedStatement s = c.prepareStatement("SELECT record_key FROM reward_records WHERE run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getLong(1));
                }
            }
        }
        return keys;
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
