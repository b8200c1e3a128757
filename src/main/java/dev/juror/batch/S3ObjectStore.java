package dev.juror.batch;

import dev.juror.judge.BedrockClientBuilder;
import dev.juror.judge.BedrockJudgeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on Amazon S3 through the SDK, with the same credentials as the judge. Given an
 * endpoint override it addresses buckets path-style, as S3-compatible servers expect. SDK failures
 * become {@link IOException}s naming the object.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client sdk;

    private S3ObjectStore(S3Client sdk) {
        this.sdk = sdk;
    }

    public static S3ObjectStore connect(BatchConnection connection) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion(connection.region());
        if (connection.profile().isPresent()) {
            config = config.withProfile(connection.profile().get());
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(BedrockClientBuilder.credentials(config));
        connection.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return new S3ObjectStore(builder.build());
    }

    @Override
    public void upload(Path file, S3Location target) throws IOException {
        try {
            sdk.putObject(r -> r.bucket(target.bucket()).key(target.key()).contentType("application/jsonl"),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("cannot write " + target + ": " + BedrockBatchJobs.reason(e), e);
        }
    }

    @Override
    public List<S3Location> list(S3Location folder) throws IOException {
        List<S3Location> found = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                        .bucket(folder.bucket()).prefix(folder.key());
                if (token != null) {
                    request.continuationToken(token);
                }
                ListObjectsV2Response page = sdk.listObjectsV2(request.build());
                for (S3Object object : page.contents()) {
                    found.add(new S3Location(folder.bucket(), object.key()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new IOException("cannot list " + folder + ": " + BedrockBatchJobs.reason(e), e);
        }
        return found;
    }

    @Override
    public InputStream open(S3Location object) throws IOException {
        try {
            return sdk.getObject(r -> r.bucket(object.bucket()).key(object.key()));
        } catch (SdkException e) {
            throw new IOException("cannot read " + object + ": " + BedrockBatchJobs.reason(e), e);
        }
    }

    @Override
    public void close() {
        sdk.close();
    }
}
