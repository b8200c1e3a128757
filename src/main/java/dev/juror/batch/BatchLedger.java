package dev.juror.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a batch run keeps its jobs (the workspace store implements it), so a run killed at any
 * point finds its job again: the client request token is stored before the job is created, the
 * job's ARN as soon as Bedrock returns it.
 */
public interface BatchLedger {

    /**
     * One job of a run.
     *
     * @param sequence 1 for the run's first job, 2 for a job made by a later resume
     * @param jobArn   empty until Bedrock accepted the job
     * @param joined   its output has been read and every record accounted for
     */
    record Job(long id, long runId, int sequence, String clientToken, String jobName, S3Location input,
               S3Location output, int records, Optional<String> jobArn, String status, boolean joined) {
        public Job {
            Objects.requireNonNull(clientToken, "clientToken");
            Objects.requireNonNull(jobName, "jobName");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(jobArn, "jobArn");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The run's latest job whose output was not joined yet. */
    Optional<Job> openJob(long runId);

    /** Jobs the run has had (joined or not). */
    int jobCount(long runId);

    /** Stores a job about to be created, in status {@code writing}. */
    Job newJob(long runId, int sequence, String clientToken, String jobName, S3Location input, S3Location output,
               int records);

    void created(long jobId, String jobArn);

    void status(long jobId, JobStatus status, String message);

    void joined(long jobId);
}
