package dev.juror.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a batch run writes, submits and polls its job.
 *
 * @param folder            where the run's input and output go: {@code <folder>/juror-run-<id>-<n>/input/} and
 *                          {@code .../output/}
 * @param roleArn           the service role Bedrock assumes to read the input and write the output
 * @param timeoutHours      the job's time limit (Bedrock's {@code timeoutDurationInHours}, 24..168)
 * @param minimumRecords    fewer records are refused (Bedrock's minimum per job: 100)
 * @param recordsPerFile    records per input file (an account quota; 50,000 by default)
 * @param maxRecordBytes    a record longer than this is not sent but named and stored as a failure
 * @param firstPoll         the first wait between two looks at the job; it grows by half up to {@code maxPoll}
 * @param scratch           a local folder for the input files while they are written and uploaded
 */
public record BatchOptions(S3Location folder, String roleArn, int timeoutHours, int minimumRecords,
                           int recordsPerFile, long maxRecordBytes, Duration firstPoll, Duration maxPoll,
                           Path scratch) {

    public static final int BEDROCK_MINIMUM_RECORDS = 100;
    public static final int DEFAULT_RECORDS_PER_FILE = 50_000;
    public static final long DEFAULT_MAX_RECORD_BYTES = 1_000_000;
    public static final int DEFAULT_TIMEOUT_HOURS = 24;

    public BatchOptions {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(firstPoll, "firstPoll");
        Objects.requireNonNull(maxPoll, "maxPoll");
        Objects.requireNonNull(scratch, "scratch");
        if (timeoutHours < 24 || timeoutHours > 168) {
            throw new IllegalArgumentException("the job's time limit must be 24 to 168 hours, was " + timeoutHours);
        }
        if (minimumRecords < 1 || recordsPerFile < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
    }

    /** Bedrock's limits and a poll that starts at 10 s and settles at a minute. */
    public static BatchOptions defaults(S3Location folder, String roleArn, Path scratch) {
        return new BatchOptions(folder, roleArn, DEFAULT_TIMEOUT_HOURS, BEDROCK_MINIMUM_RECORDS,
                DEFAULT_RECORDS_PER_FILE, DEFAULT_MAX_RECORD_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(60),
                scratch);
    }

    public BatchOptions withPolling(Duration first, Duration max) {
        return new BatchOptions(folder, roleArn, timeoutHours, minimumRecords, recordsPerFile, maxRecordBytes, first,
                max, scratch);
    }

    public BatchOptions withTimeoutHours(int hours) {
        return new BatchOptions(folder, roleArn, hours, minimumRecords, recordsPerFile, maxRecordBytes, firstPoll,
                maxPoll, scratch);
    }

    public BatchOptions withLimits(int minimum, int perFile, long recordBytes) {
        return new BatchOptions(folder, roleArn, timeoutHours, minimum, perFile, recordBytes, firstPoll, maxPoll,
                scratch);
    }
}
