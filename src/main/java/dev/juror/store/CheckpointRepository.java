package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoints of training runs (V16): a checkpoint's name bound to its run and step. What a
 * binding may be (a checkpoint already bound elsewhere is refused) is the use case's decision
 * ({@code workspace.watch.CheckpointRollouts}); the SQL is here.
 */
public final class CheckpointRepository {

    private static final String COLUMNS = """
            SELECT c.id, c.run_id, r.name, c.checkpoint, c.step, c.model, c.created_at
            FROM training_checkpoints c JOIN training_runs r ON r.id = c.run_id""";

    private final Workspace workspace;
    private final Clock clock;

    CheckpointRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** The checkpoint of that name, in whichever run it belongs to. */
    public Optional<TrainingCheckpoint> find(String checkpoint) {
        return Sql.select(workspace, "checkpoint " + checkpoint, COLUMNS + " WHERE c.checkpoint = ?",
                CheckpointRepository::read, checkpoint).stream().findFirst();
    }

    /** The run's checkpoints by step (then name). */
    public List<TrainingCheckpoint> ofRun(String run) {
        return Sql.select(workspace, "the checkpoints of training run " + run,
                COLUMNS + " WHERE r.name = ? ORDER BY c.step, c.checkpoint", CheckpointRepository::read, run);
    }

    /**
     * Binds the checkpoint to the run (created when it has no import yet) and step; a checkpoint
     * already bound is returned as it is, so the caller checks a binding with {@link #find} first.
     */
    public TrainingCheckpoint bind(String run, String checkpoint, int step, Optional<String> model) {
        long runId;
        try (WatchTransaction transaction = new WatchTransaction(workspace, clock)) {
            runId = transaction.run(run).id();
            transaction.commit();
        }
        try (Connection c = workspace.connection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO training_checkpoints (run_id, checkpoint, step, model, created_at)
                     SELECT ?, ?, ?, ?, ? FROM DUAL
                     WHERE NOT EXISTS (SELECT 1 FROM training_checkpoints WHERE checkpoint = ?)""")) {
            insert.setLong(1, runId);
            insert.setString(2, checkpoint);
            insert.setInt(3, step);
            insert.setString(4, model.orElse(null));
            insert.setObject(5, Sql.timestamp(clock.instant()));
            insert.setString(6, checkpoint);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot bind checkpoint " + checkpoint + " to training run " + run, e);
        }
        return find(checkpoint).orElseThrow();
    }

    private static TrainingCheckpoint read(ResultSet rows) throws SQLException {
        return new TrainingCheckpoint(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                rows.getInt(5), Optional.ofNullable(rows.getString(6)), Sql.instant(rows, "created_at"));
    }
}
