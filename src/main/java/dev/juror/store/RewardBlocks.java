package dev.juror.store;

import dev.juror.store.blocks.EncodedBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code reward_blocks} (V15): a run's reward records, one row per step and block of records. */
final class RewardBlocks {

    /** What an import reads of every stored block: where it sits and the columns that identify and order records. */
    record Identity(int step, int blockIndex, int records, byte[] keys, byte[] seqs, byte[] times, byte[] flags) {
    }

    private static final String INSERT = """
            INSERT INTO reward_blocks (run_id, step, block_index, records, first_at, last_at, record_keys, import_order,
                recorded_at, flags, rewards, prediction_chars, comments, latency_ms, input_tokens, output_tokens,
                sample_ids, prompt_sha256, prediction_sha256, rubric_versions, checks, judge_errors, sources, metrics,
                predictions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT_BLOCK = """
            SELECT step, records, first_at, last_at, record_keys, import_order, recorded_at, flags, rewards,
                prediction_chars, comments, latency_ms, input_tokens, output_tokens, sample_ids, prompt_sha256,
                prediction_sha256, rubric_versions, checks, judge_errors, sources, metrics, predictions
            FROM reward_blocks WHERE run_id = ? AND step = ? AND block_index = ?""";
    private static final int BLOCKS_PER_BATCH = 16;

    private RewardBlocks() {
    }

    static List<Identity> identities(Connection c, long runId) throws SQLException {
        List<Identity> blocks = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT step, block_index, records, record_keys, import_order,"
                + " recorded_at, flags FROM reward_blocks WHERE run_id = ? ORDER BY step, block_index")) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    blocks.add(new Identity(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getBytes(4),
                            rows.getBytes(5), rows.getBytes(6), rows.getBytes(7)));
                }
            }
        }
        return blocks;
    }

    static EncodedBlock block(Connection c, long runId, int step, int blockIndex) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_BLOCK)) {
            s.setLong(1, runId);
            s.setInt(2, step);
            s.setInt(3, blockIndex);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("reward block " + step + "/" + blockIndex + " of run " + runId + " is gone");
                }
                return new EncodedBlock(rows.getInt(1), rows.getInt(2), 0, 0, rows.getBytes(5), rows.getBytes(6),
                        rows.getBytes(7), rows.getBytes(8), rows.getBytes(9), rows.getBytes(10), rows.getBytes(11),
                        rows.getBytes(12), rows.getBytes(13), rows.getBytes(14), rows.getBytes(15), rows.getBytes(16),
                        rows.getBytes(17), rows.getBytes(18), rows.getBytes(19), rows.getBytes(20), rows.getBytes(21),
                        rows.getBytes(22), rows.getBytes(23));
            }
        }
    }

    /** Deletes the steps' blocks and their stored facts (V15 {@code step_facts}): facts of old records are stale. */
    static void deleteSteps(Connection c, long runId, List<Integer> steps) throws SQLException {
        for (String table : List.of("reward_blocks", "step_facts")) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ? AND step = ?")) {
                for (int step : steps) {
                    d.setLong(1, runId);
                    d.setInt(2, step);
                    d.addBatch();
                }
                d.executeBatch();
            }
        }
    }

    /** Writes blocks; {@code indexes[i]} is block i's place within its step (0, 1, ...). */
    static void insert(Connection c, long runId, List<EncodedBlock> blocks, int[] indexes) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (int i = 0; i < blocks.size(); i++) {
                EncodedBlock b = blocks.get(i);
                insert.setLong(1, runId);
                insert.setInt(2, b.step());
                insert.setInt(3, indexes[i]);
                insert.setInt(4, b.records());
                insert.setObject(5, Sql.timestamp(instant(b.firstMicros())));
                insert.setObject(6, Sql.timestamp(instant(b.lastMicros())));
                byte[][] columns = {b.keys(), b.seqs(), b.times(), b.flags(), b.rewards(), b.predictionChars(),
                    b.comments(), b.latencyMs(), b.inputTokens(), b.outputTokens(), b.sampleIds(), b.promptSha256(),
                    b.predictionSha256(), b.rubricVersions(), b.checks(), b.judgeErrors(), b.sources(), b.metrics()};
                for (int k = 0; k < columns.length; k++) {
                    insert.setBytes(7 + k, columns[k]);
                }
                if (b.predictions() == null) {
                    insert.setNull(25, Types.BLOB);
                } else {
                    insert.setBytes(25, b.predictions());
                }
                insert.addBatch();
                if (++pending == BLOCKS_PER_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
