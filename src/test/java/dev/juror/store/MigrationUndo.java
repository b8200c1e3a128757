package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Takes a test workspace's schema back before a migration, so a test can check that the migration
 * brings an older workspace up to date with its data. Flyway has no undo in its free edition.
 */
final class MigrationUndo {

    /** Before V16 (training checkpoints): the checkpoint table gone. */
    static final List<String> V16 = List.of(
            "DROP TABLE training_checkpoints",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '16'");

    /** Before V15 (training watch): V16 undone, the four watch tables gone. */
    static final List<String> V15 = java.util.stream.Stream.concat(V16.stream(), java.util.stream.Stream.of(
            "DROP TABLE step_facts",
            "DROP TABLE step_metrics",
            "DROP TABLE reward_blocks",
            "DROP TABLE training_runs",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '15'")).toList();

    /** Before V14 (batch jobs): V15 undone, the two batch tables gone. */
    static final List<String> V14 = java.util.stream.Stream.concat(V15.stream(), java.util.stream.Stream.of(
            "DROP TABLE judge_batch_jobs",
            "DROP TABLE judge_batch_runs",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '14'")).toList();

    /** Before V13 (review queues): V14 undone, the two queue tables gone. */
    static final List<String> V13 = java.util.stream.Stream.concat(V14.stream(), java.util.stream.Stream.of(
            "DROP TABLE review_queue_items",
            "DROP TABLE review_queues",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '13'")).toList();

    /**
     * Before V12 (missed issues): later migrations undone first (else the history would still end with
     * the newest version and the workspace would open as up to date, without Flyway), the table gone.
     */
    static final List<String> V12 = java.util.stream.Stream.concat(V13.stream(), java.util.stream.Stream.of(
            "DROP TABLE expert_issues",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '12'")).toList();

    /** Before V11 (human preferences): V13 and V12 undone, the table gone. */
    static final List<String> V11 = java.util.stream.Stream.concat(V12.stream(), java.util.stream.Stream.of(
            "DROP TABLE preference_labels",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '11'")).toList();

    /** Before V10 (adjudications): V13 to V11 undone, the table gone. */
    static final List<String> V10 = java.util.stream.Stream.concat(V11.stream(), java.util.stream.Stream.of(
            "DROP TABLE adjudications",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '10'")).toList();

    /** Before V9 (what a labeller could see): V13 to V10 undone, the two label columns gone. */
    static final List<String> V9 = java.util.stream.Stream.concat(V10.stream(), java.util.stream.Stream.of(
            "ALTER TABLE labels DROP COLUMN blind",
            "ALTER TABLE labels DROP COLUMN seen",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '9'")).toList();

    /** Before V8 (label pack origin): V9 undone, the import table and the two label columns gone. */
    static final List<String> V8 = java.util.stream.Stream.concat(V9.stream(), java.util.stream.Stream.of(
            // the column first: after V9's undo rebuilt the table, the index belongs to the foreign key
            "ALTER TABLE labels DROP COLUMN import_id",
            "DROP INDEX IF EXISTS labels_import",
            "ALTER TABLE labels DROP COLUMN declared_at",
            "DROP TABLE label_imports",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '8'")).toList();

    /** Before V7 (run failures, owners, retried results): V9 and V8 undone first. */
    static final List<String> V7 = java.util.stream.Stream.concat(V8.stream(), java.util.stream.Stream.of(
            "DROP TABLE judge_results_retried",
            "ALTER TABLE judge_runs DROP COLUMN max_failures",
            "ALTER TABLE judge_runs DROP COLUMN owner_pid",
            "ALTER TABLE judge_runs DROP COLUMN owner_host",
            "ALTER TABLE judge_runs DROP COLUMN owner_started_at",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'")).toList();

    /** Before V6 (pairwise results): V8 and V7 undone, the two columns gone and the unique key of V3 back. */
    static final List<String> V6 = java.util.stream.Stream.concat(V7.stream(), java.util.stream.Stream.of(
            "ALTER TABLE judge_results DROP CONSTRAINT judge_results_once",
            "DROP INDEX judge_results_content",
            "ALTER TABLE judge_results DROP COLUMN content_hash",
            "ALTER TABLE judge_results DROP COLUMN rollout_b_id",
            "ALTER TABLE judge_results ADD CONSTRAINT judge_results_once UNIQUE (run_id, rollout_id, repeat_index)",
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '6'")).toList();


    private MigrationUndo() {
    }

    /** Runs the statements on the closed workspace in {@code dir}. */
    static void run(java.nio.file.Path dir, List<String> statements) throws SQLException {
        org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
        source.setURL(Workspace.jdbcUrl(dir.toAbsolutePath().normalize()));
        source.setUser("juror");
        source.setPassword("");
        try (Connection c = source.getConnection()) {
            for (String sql : statements) {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    statement.execute();
                }
            }
        }
    }
}
