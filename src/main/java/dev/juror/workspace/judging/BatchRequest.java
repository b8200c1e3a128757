package dev.juror.workspace.judging;

import dev.juror.batch.BatchMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the person asked for about batch inference, for a new run or a resume. For a resume every
 * part is an override of what the run stored (a mode of {@link BatchMode#ONLINE} continues a batch run
 * on demand); left empty, the stored value holds.
 *
 * @param s3Prefix        {@code s3://bucket/prefix} where the job's input and output go
 * @param roleArn         the service role Bedrock assumes for the job
 * @param bedrockEndpoint the Bedrock control plane's endpoint, overridden (a local server)
 * @param s3Endpoint      S3's endpoint, overridden (path-style addressing then)
 * @param timeoutHours    the job's time limit, 24..168 (default 24)
 * @param firstPoll       the first wait between two looks at the job (default 10 s, growing to a minute)
 */
public record BatchRequest(BatchMode mode, Optional<String> s3Prefix, Optional<String> roleArn,
                           Optional<String> bedrockEndpoint, Optional<String> s3Endpoint, OptionalInt timeoutHours,
                           Optional<Duration> firstPoll) {

    /** On demand, nothing else said. */
    public static final BatchRequest ONLINE = new BatchRequest(BatchMode.ONLINE, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());

    public BatchRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(s3Prefix, "s3Prefix");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(bedrockEndpoint, "bedrockEndpoint");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(timeoutHours, "timeoutHours");
        Objects.requireNonNull(firstPoll, "firstPoll");
    }

    /** A batch run writing to {@code s3Prefix} with the service role {@code roleArn}. */
    public static BatchRequest batch(String s3Prefix, String roleArn) {
        return new BatchRequest(BatchMode.BATCH, Optional.of(s3Prefix), Optional.of(roleArn), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    public BatchRequest withMode(BatchMode newMode) {
        return new BatchRequest(newMode, s3Prefix, roleArn, bedrockEndpoint, s3Endpoint, timeoutHours, firstPoll);
    }

    public BatchRequest withEndpoints(Optional<String> bedrock, Optional<String> s3) {
        return new BatchRequest(mode, s3Prefix, roleArn, bedrock, s3, timeoutHours, firstPoll);
    }

    public BatchRequest withFirstPoll(Duration wait) {
        return new BatchRequest(mode, s3Prefix, roleArn, bedrockEndpoint, s3Endpoint, timeoutHours,
                Optional.of(wait));
    }

    /** This request's values where given, else {@code stored}'s (a resume's overrides over what the run keeps). */
    public BatchRequest over(BatchRequest stored) {
        return new BatchRequest(stored.mode, s3Prefix.or(stored::s3Prefix), roleArn.or(stored::roleArn),
                bedrockEndpoint.or(stored::bedrockEndpoint), s3Endpoint.or(stored::s3Endpoint),
                timeoutHours.isPresent() ? timeoutHours : stored.timeoutHours, firstPoll.or(stored::firstPoll));
    }
}
