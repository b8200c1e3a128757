package dev.juror.batch;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How a batch run reaches AWS: the Region, an optional named profile (credentials otherwise come from
 * the default chain; Juror stores none), and optional endpoint overrides for the Bedrock control
 * plane and for S3 (local servers, VPC endpoints). An S3 endpoint override switches to path-style
 * addressing, which S3-compatible servers expect.
 */
public record BatchConnection(String region, Optional<String> profile, Optional<URI> bedrockEndpoint,
                              Optional<URI> s3Endpoint) {

    public BatchConnection {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(bedrockEndpoint, "bedrockEndpoint");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
    }
}
