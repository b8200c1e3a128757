package dev.juror.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * The batch calls of the Bedrock control plane: create a model invocation job, read its state, stop
 * it. {@link BedrockBatchJobs} through the SDK's {@code bedrock} client; tests use a loopback server.
 */
public interface BatchJobs extends AutoCloseable {

    /**
     * A job to create. {@code clientRequestToken} makes the create idempotent: sent again (after a
     * crash, or a retried request) it returns the job already created and starts no second one.
     */
    record NewJob(String jobName, String modelId, String roleArn, S3Location input, S3Location output,
                  String clientRequestToken, int timeoutHours) {
        public NewJob {
            Objects.requireNonNull(jobName, "jobName");
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        }
    }

    /** What the service says of a job; record counts are empty until it reports them. */
    record JobState(JobStatus status, String message, Optional<Long> total, Optional<Long> processed,
                    Optional<Long> succeeded, Optional<Long> failed) {
        public JobState {
            Objects.requireNonNull(status, "status");
            message = message == null ? "" : message;
        }

        public static JobState of(JobStatus status) {
            return new JobState(status, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** @return the job's ARN */
    String create(NewJob job);

    JobState state(String jobArn);

    void stop(String jobArn);

    @Override
    default void close() {
    }

    /** The job id Bedrock names output folders by: the last part of the ARN. */
    static String jobId(String jobArn) {
        return jobArn.substring(jobArn.lastIndexOf('/') + 1);
    }
}
