package dev.juror.testing.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * One model invocation job of the loopback Bedrock batch stub: what CreateModelInvocationJob asked
 * for and where it stands (status, message, record counts, times), as GetModelInvocationJob reports
 * it. The status and counts change under the job's lock; the runner waits on it between records,
 * so a stop wakes it at once.
 */
final class BatchJob {

    static final Set<String> ENDED = Set.of("Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired");

    final String id;
    final String arn;
    final ObjectNode request;
    final List<S3Address> inputFiles;
    final S3Address output;
    final int recordCount;
    final BatchBehaviour behaviour;
    private final Instant submitTime = now();

    private String status = "Submitted";
    private String message;
    private Instant lastModified = submitTime;
    private Instant endTime;
    private boolean counted;
    private int processed;
    private int succeeded;
    private int failed;
    private boolean stopRequested;

    BatchJob(String id, ObjectNode request, List<S3Address> inputFiles, S3Address output, int recordCount,
             BatchBehaviour behaviour) {
        this.id = id;
        this.arn = "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/" + id;
        this.request = request;
        this.inputFiles = inputFiles;
        this.output = output;
        this.recordCount = recordCount;
        this.behaviour = behaviour;
    }

    synchronized String status() {
        return status;
    }

    synchronized void moveTo(String newStatus, String newMessage) {
        if (ENDED.contains(status)) {
            return;
        }
        status = newStatus;
        message = newMessage;
        lastModified = now();
        counted |= !newStatus.equals("Submitted");
        if (ENDED.contains(newStatus)) {
            endTime = lastModified;
        }
        notifyAll();
    }

    synchronized void recordDone(boolean success, boolean written) {
        if (written) {
            processed++;
            if (success) {
                succeeded++;
            } else {
                failed++;
            }
        }
        lastModified = now();
    }

    /** Asks the runner to stop; false when the job has already ended. */
    synchronized boolean requestStop() {
        if (ENDED.contains(status)) {
            return false;
        }
        stopRequested = true;
        if (!status.equals("Stopping")) {
            moveTo("Stopping", "Stop requested by the client");
        }
        notifyAll();
        return true;
    }

    synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** Waits up to {@code time}, returning early (true) when a stop is requested. */
    synchronized boolean sleepUnlessStopped(Duration time) throws InterruptedException {
        long until = System.nanoTime() + time.toNanos();
        while (!stopRequested) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized int succeeded() {
        return succeeded;
    }

    synchronized int failed() {
        return failed;
    }

    synchronized int processed() {
        return processed;
    }

    /** The GetModelInvocationJob response body. */
    synchronized ObjectNode describe(ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        out.put("jobArn", arn);
        copy(out, "jobName", "modelId", "roleArn", "clientRequestToken", "modelInvocationType", "timeoutDurationInHours");
        out.put("status", status);
        if (message != null) {
            out.put("message", message);
        }
        out.put("submitTime", submitTime.toString());
        out.put("lastModifiedTime", lastModified.toString());
        if (endTime != null) {
            out.put("endTime", endTime.toString());
        }
        out.set("inputDataConfig", request.get("inputDataConfig"));
        out.set("outputDataConfig", request.get("outputDataConfig"));
        int hours = request.path("timeoutDurationInHours").asInt(24);
        out.put("jobExpirationTime", submitTime.plus(Duration.ofHours(hours)).toString());
        if (counted) {
            out.put("totalRecordCount", recordCount);
            out.put("processedRecordCount", processed);
            out.put("successRecordCount", succeeded);
            out.put("errorRecordCount", failed);
        }
        return out;
    }

    private void copy(ObjectNode out, String... members) {
        for (String member : members) {
            JsonNode value = request.get(member);
            if (value != null && !value.isNull()) {
                out.set(member, value);
            }
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
