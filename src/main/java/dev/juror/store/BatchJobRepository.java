package dev.juror.store;

import dev.juror.batch.BatchLedger;
import dev.juror.batch.JobStatus;
import dev.juror.batch.S3Location;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Batch runs and their Bedrock jobs (V14): the ledger a {@code BatchRunner} keeps so a killed run
 * finds its job again, and what a run in batch mode was given (where its files go, the role).
 */
public final class BatchJobRepository implements BatchLedger {

    /** What a run in batch mode keeps besides the run itself. */
    public record BatchRun(long runId, String s3Prefix, String roleArn, int timeoutHours,
                           Optional<String> bedrockEndpoint, Optional<String> s3Endpoint) {
    }

    private static final String JOB_COLUMNS = """
            SELECT id, run_id, sequence, client_token, job_name, input_uri, output_uri, records, job_arn, status, joined
            FROM judge_batch_jobs
            """;

    private final Workspace workspace;
    private final Clock clock;

    BatchJobRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Marks a run as judged in batch mode. */
    public void createRun(BatchRun run) {
        update("batch run " + run.runId(), """
                INSERT INTO judge_batch_runs (run_id, s3_prefix, role_arn, timeout_hours, bedrock_endpoint, s3_endpoint,
                                              created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", run.runId(), run.s3Prefix(), run.roleArn(), run.timeoutHours(),
                run.bedrockEndpoint().orElse(null), run.s3Endpoint().orElse(null), Timestamp.from(clock.instant()));
    }

    /** The batch settings of a run; empty for a run judged on demand. */
    public Optional<BatchRun> findRun(long runId) {
        return Sql.select(workspace, "batch run " + runId, """
                SELECT run_id, s3_prefix, role_arn, timeout_hours, bedrock_endpoint, s3_endpoint
                FROM judge_batch_runs WHERE run_id = ?""", rows -> new BatchRun(rows.getLong(1), rows.getString(2),
                rows.getString(3), rows.getInt(4), Optional.ofNullable(rows.getString(5)),
                Optional.ofNullable(rows.getString(6))), runId).stream().findFirst();
    }

    /** Every job of a run, first first. */
    public List<Job> jobs(long runId) {
        return Sql.select(workspace, "batch jobs of run " + runId, JOB_COLUMNS + " WHERE run_id = ? ORDER BY sequence",
                BatchJobRepository::job, runId);
    }

    @Override
    public Optional<Job> openJob(long runId) {
        return Sql.select(workspace, "batch jobs of run " + runId, JOB_COLUMNS
                + " WHERE run_id = ? AND joined = FALSE ORDER BY sequence DESC", BatchJobRepository::job, runId)
                .stream().findFirst();
    }

    @Override
    public int jobCount(long runId) {
        return jobs(runId).size();
    }

    @Override
    public Job newJob(long runId, int sequence, String clientToken, String jobName, S3Location input,
                      S3Location output, int records) {
        Timestamp now = Timestamp.from(clock.instant());
        update("batch job " + jobName, """
                INSERT INTO judge_batch_jobs (run_id, sequence, client_token, job_name, input_uri, output_uri, records,
                                              status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'writing', ?, ?)""", runId, sequence, clientToken, jobName, input.uri(),
                output.uri(), records, now, now);
        return openJob(runId).orElseThrow();
    }

    @Override
    public void created(long jobId, String jobArn) {
        update("batch job " + jobId, "UPDATE judge_batch_jobs SET job_arn = ?, updated_at = ? WHERE id = ?", jobArn,
                Timestamp.from(clock.instant()), jobId);
    }

    @Override
    public void status(long jobId, JobStatus status, String message) {
        String shortened = message == null ? "" : message.length() > 4000 ? message.substring(0, 4000) : message;
        update("batch job " + jobId, "UPDATE judge_batch_jobs SET status = ?, message = ?, updated_at = ? WHERE id = ?",
                status.wire(), shortened, Timestamp.from(clock.instant()), jobId);
    }

    @Override
    public void joined(long jobId) {
        update("batch job " + jobId, "UPDATE judge_batch_jobs SET joined = TRUE, updated_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()), jobId);
    }

    private static Job job(java.sql.ResultSet rows) throws SQLException {
        return new Job(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4), rows.getString(5),
                S3Location.parse(rows.getString(6)), S3Location.parse(rows.getString(7)), rows.getInt(8),
                Optional.ofNullable(rows.getString(9)), rows.getString(10), rows.getBoolean(11));
    }

    private void update(String what, String sql, Object... parameters) {
        try (Connection c = workspace.connection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store " + what, e);
        }
    }
}
