package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Review queues: each created in one committed transaction with every labeller's items, and never
 * changed afterwards (a different selection is a new queue).
 */
public final class QueueRepository {

    private static final String SELECT = """
            SELECT id, name, strategy, run_id, bands, checkpoint, seed, target_count, overlap, labellers,
                   created_by, created_at
            FROM review_queues
            """;

    private final Workspace workspace;
    private final Clock clock;

    QueueRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Stores a queue and its items; the name must be new (see {@link #find}). */
    public StoredQueue create(NewQueue queue) {
        Instant now = clock.instant();
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO review_queues (name, strategy, run_id, bands, checkpoint, seed, target_count,
                                                   overlap, labellers, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
                    insert.setString(1, queue.name());
                    insert.setString(2, queue.strategy());
                    if (queue.runId().isPresent()) {
                        insert.setLong(3, queue.runId().getAsLong());
                    } else {
                        insert.setNull(3, Types.BIGINT);
                    }
                    insert.setString(4, queue.bands());
                    insert.setString(5, queue.checkpoint());
                    insert.setLong(6, queue.seed());
                    insert.setInt(7, queue.targetCount());
                    insert.setInt(8, queue.overlap());
                    insert.setString(9, String.join("\n", queue.labellers()));
                    insert.setString(10, queue.createdBy());
                    insert.setObject(11, Sql.timestamp(now));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement item = c.prepareStatement(
                        "INSERT INTO review_queue_items (queue_id, labeller, position, rollout_id) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, List<Long>> e : queue.assignments().entrySet()) {
                        for (int position = 0; position < e.getValue().size(); position++) {
                            item.setLong(1, id);
                            item.setString(2, e.getKey());
                            item.setInt(3, position);
                            item.setLong(4, e.getValue().get(position));
                            item.addBatch();
                        }
                    }
                    item.executeBatch();
                }
                c.commit();
                return new StoredQueue(id, queue.name(), queue.strategy(), queue.runId(), queue.bands(),
                        queue.checkpoint(), queue.seed(), queue.targetCount(), queue.overlap(), queue.labellers(),
                        queue.createdBy(), now, queue.assignments());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot store queue " + queue.name(), e);
        }
    }

    /** Every queue, oldest first, with its items. */
    public List<StoredQueue> all() {
        return read(SELECT + " ORDER BY id");
    }

    public Optional<StoredQueue> find(String name) {
        return read(SELECT + " WHERE name = ?", name).stream().findFirst();
    }

    private List<StoredQueue> read(String sql, Object... parameters) {
        try (Connection c = workspace.connection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<StoredQueue> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    String labellers = rows.getString("labellers");
                    List<String> names = labellers.isEmpty() ? List.of() : Arrays.asList(labellers.split("\n"));
                    out.add(new StoredQueue(id, rows.getString("name"), rows.getString("strategy"),
                            Sql.optionalLong(rows, "run_id"), rows.getString("bands"), rows.getString("checkpoint"),
                            rows.getLong("seed"), rows.getInt("target_count"), rows.getInt("overlap"), names,
                            rows.getString("created_by"), Sql.instant(rows, "created_at"),
                            assignments(c, id, names)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the review queues", e);
        }
    }

    private static Map<String, List<Long>> assignments(Connection c, long queueId, List<String> labellers)
            throws SQLException {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        labellers.forEach(l -> out.put(l, new ArrayList<>()));
        try (PreparedStatement select = c.prepareStatement(
                "SELECT labeller, rollout_id FROM review_queue_items WHERE queue_id = ? ORDER BY labeller, position")) {
            select.setLong(1, queueId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.computeIfAbsent(rows.getString(1), l -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        return out;
    }
}
