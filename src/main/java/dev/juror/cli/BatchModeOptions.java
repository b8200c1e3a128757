package dev.juror.cli;

import dev.juror.batch.BatchMode;
import dev.juror.workspace.judging.BatchRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * {@code juror judge}'s options for Amazon Bedrock batch inference (docs/judges.md, "Batch runs").
 * For a new run they say how it reaches the model; with {@code --resume} they override what the run
 * stored ({@code --mode online} continues a batch run on demand).
 */
final class BatchModeOptions {

    @Option(names = "--mode", paramLabel = "online|batch|auto",
            description = "online (default): one Converse call at a time; batch: one Bedrock batch inference job"
                    + " (about half the price, results in hours, at least 100 calls); auto: batch from 100 calls,"
                    + " online below.")
    String mode;

    @Option(names = "--s3-prefix", paramLabel = "s3://BUCKET/PREFIX",
            description = "Batch: the S3 folder for the job's input and output.")
    String s3Prefix;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Batch: the service role Bedrock assumes to read and write that folder (docs/batch-permissions.md).")
    String roleArn;

    @Option(names = "--bedrock-endpoint", paramLabel = "URL",
            description = "Batch: Bedrock control-plane endpoint override (a local server, a VPC endpoint).")
    String bedrockEndpoint;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "Batch: S3 endpoint override; buckets are then addressed path-style.")
    String s3Endpoint;

    @Option(names = "--job-timeout-hours", paramLabel = "H",
            description = "Batch: the job's time limit, 24 to 168 hours (default 24).")
    Integer timeoutHours;

    @Option(names = "--poll-seconds", paramLabel = "S",
            description = "Batch: the first wait between two looks at the job (default 10; it grows to 6 times that).")
    Double pollSeconds;

    /** Whether any batch option was given (they need --mode batch or auto, or a batch run to resume). */
    boolean anyGiven() {
        return mode != null || s3Prefix != null || roleArn != null || bedrockEndpoint != null || s3Endpoint != null
                || timeoutHours != null || pollSeconds != null;
    }

    /**
     * What was given: for a new run ({@code unsaid} online), or as overrides of a resumed run's settings
     * ({@code unsaid} batch: the run's own mode holds).
     */
    BatchRequest request(BatchMode unsaid) {
        BatchMode parsed;
        try {
            parsed = mode == null ? unsaid : BatchMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--mode " + e.getMessage(), e);
        }
        if (pollSeconds != null && !(pollSeconds > 0 && pollSeconds <= 3600)) {
            throw new UserInputException("--poll-seconds must be more than 0 and at most 3600, was " + pollSeconds);
        }
        if (parsed == BatchMode.ONLINE && mode == null && (s3Prefix != null || roleArn != null)) {
            throw new UserInputException("--s3-prefix and --role-arn are for batch runs: add --mode batch (or auto)");
        }
        return new BatchRequest(parsed, Optional.ofNullable(s3Prefix), Optional.ofNullable(roleArn),
                Optional.ofNullable(bedrockEndpoint), Optional.ofNullable(s3Endpoint),
                timeoutHours == null ? OptionalInt.empty() : OptionalInt.of(timeoutHours),
                Optional.ofNullable(pollSeconds).map(s -> Duration.ofMillis(Math.round(s * 1000))));
    }
}
