package dev.juror.store;

import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Training runs, their reward records and step metrics (V15). Reading is here; an import writes
 * through {@link #begin()}, one transaction per file.
 */
public final class TrainingRunRepository {

    static final String RUN_COLUMNS = "SELECT id, name, bundle, calls_per_step, placement FROM training_runs";

    private final Workspace workspace;
    private final Clock clock;

    TrainingRunRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Starts an import's transaction; closing it without {@link WatchTransaction#commit()} rolls back. */
    public WatchTransaction begin() {
        return new WatchTransaction(workspace, clock);
    }

    public Optional<TrainingRun> find(String name) {
        return Sql.select(workspace, "training run " + name, RUN_COLUMNS + " WHERE name = ?",
                TrainingRunRepository::run, name).stream().findFirst();
    }

    /** Every run, oldest first. */
    public List<TrainingRun> all() {
        return Sql.select(workspace, "training runs", RUN_COLUMNS + " ORDER BY id", TrainingRunRepository::run);
    }

    /** The run's records step by step and the trainer's metrics: what the detectors and the screen read. */
    public RunSeries series(TrainingRun run) {
        return RunSeriesReader.read(workspace, run, SeriesColumns.ALL);
    }

    /**
     * The run's series with only some columns read: {@link SeriesColumns#WITHOUT_TEXTS} leaves sample ids,
     * prediction hashes and predictions null (the arrays are there, of the right length), which halves
     * what a million-record read allocates; {@link #step} reads a step whole when its rollouts are shown.
     */
    public RunSeries series(TrainingRun run, SeriesColumns columns) {
        return RunSeriesReader.read(workspace, run, columns);
    }

    /** One step's records (the screen's drill-down); an empty {@link StepRecords} when the step has none. */
    public StepRecords step(TrainingRun run, int step) {
        return RunSeriesReader.step(workspace, run, step);
    }

    /** The run's stored step facts (V15 {@code step_facts}) by step: bytes the detectors' codec reads. */
    public NavigableMap<Integer, byte[]> stepFacts(long runId) {
        NavigableMap<Integer, byte[]> out = new TreeMap<>();
        Sql.select(workspace, "step facts of training run " + runId,
                "SELECT step, facts FROM step_facts WHERE run_id = ? ORDER BY step",
                rows -> out.put(rows.getInt(1), rows.getBytes(2)), runId);
        return out;
    }

    /** Steps with records and no stored facts, ascending: written since the facts were, or imported before V15 had them. */
    public List<Integer> stepsWithoutFacts(long runId) {
        return Sql.select(workspace, "steps of training run " + runId, "SELECT DISTINCT b.step FROM reward_blocks b"
                + " WHERE b.run_id = ? AND NOT EXISTS (SELECT 1 FROM step_facts f WHERE f.run_id = b.run_id"
                + " AND f.step = b.step) ORDER BY b.step", rows -> rows.getInt(1), runId);
    }

    /** Stores the facts of steps (replacing what a step had). */
    public void saveStepFacts(long runId, Map<Integer, byte[]> facts) {
        try (Connection c = workspace.connection();
             PreparedStatement m = c.prepareStatement("MERGE INTO step_facts (run_id, step, facts) KEY (run_id, step)"
                     + " VALUES (?, ?, ?)")) {
            for (var e : facts.entrySet()) {
                m.setLong(1, runId);
                m.setInt(2, e.getKey());
                m.setBytes(3, e.getValue());
                m.addBatch();
            }
            m.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("Cannot store the step facts of training run " + runId, e);
        }
    }

    /** Stores what the detectors compare the run with (JSON read from the bundle's evidence). */
    public void saveBaseline(long runId, String json) {
        try (Connection c = workspace.connection();
             PreparedStatement u = c.prepareStatement("UPDATE training_runs SET baseline = ? WHERE id = ?")) {
            u.setString(1, json);
            u.setLong(2, runId);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store the baseline of training run " + runId, e);
        }
    }

    /** The run's baseline JSON, when an import named its bundle. */
    public Optional<String> baseline(long runId) {
        return Sql.select(workspace, "training run " + runId, "SELECT baseline FROM training_runs WHERE id = ?",
                rows -> Optional.ofNullable(rows.getString(1)), runId).stream().findFirst().flatMap(b -> b);
    }

    public TrainingRunStats stats(long runId) {
        return WatchTransaction.stats(workspace, runId);
    }

    static TrainingRun run(ResultSet rows) throws SQLException {
        int calls = rows.getInt(4);
        OptionalInt callsPerStep = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(calls);
        return new TrainingRun(rows.getLong(1), rows.getString(2), Optional.ofNullable(rows.getString(3)),
                callsPerStep, rows.getString(5));
    }
}
