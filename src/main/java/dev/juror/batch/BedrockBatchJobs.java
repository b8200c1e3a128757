package dev.juror.batch;

import dev.juror.judge.BedrockClientBuilder;
import dev.juror.judge.BedrockJudgeConfig;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateModelInvocationJobRequest;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationJobResponse;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobInputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobOutputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobS3InputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobS3OutputDataConfig;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationType;
import software.amazon.awssdk.services.bedrock.model.S3InputFormat;

/**
 * {@link BatchJobs} through the SDK's Bedrock control-plane client. Credentials come from the named
 * profile or the default chain, exactly as for on-demand judge calls; the SDK's standard retries are
 * left on, since every call here is idempotent (the create through its client request token).
 */
public final class BedrockBatchJobs implements BatchJobs {

    private final BedrockClient sdk;

    private BedrockBatchJobs(BedrockClient sdk) {
        this.sdk = sdk;
    }

    public static BedrockBatchJobs connect(BatchConnection connection) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion(connection.region());
        if (connection.profile().isPresent()) {
            config = config.withProfile(connection.profile().get());
        }
        software.amazon.awssdk.services.bedrock.BedrockClientBuilder builder = BedrockClient.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(BedrockClientBuilder.credentials(config));
        connection.bedrockEndpoint().ifPresent(builder::endpointOverride);
        return new BedrockBatchJobs(builder.build());
    }

    @Override
    public String create(NewJob job) {
        CreateModelInvocationJobRequest request = CreateModelInvocationJobRequest.builder()
                .jobName(job.jobName())
                .modelId(job.modelId())
                .roleArn(job.roleArn())
                .clientRequestToken(job.clientRequestToken())
                .modelInvocationType(ModelInvocationType.CONVERSE)
                .timeoutDurationInHours(job.timeoutHours())
                .inputDataConfig(ModelInvocationJobInputDataConfig.fromS3InputDataConfig(
                        ModelInvocationJobS3InputDataConfig.builder().s3Uri(job.input().uri())
                                .s3InputFormat(S3InputFormat.JSONL).build()))
                .outputDataConfig(ModelInvocationJobOutputDataConfig.fromS3OutputDataConfig(
                        ModelInvocationJobS3OutputDataConfig.builder().s3Uri(job.output().uri()).build()))
                .build();
        try {
            return sdk.createModelInvocationJob(request).jobArn();
        } catch (SdkException e) {
            throw new BatchException("Bedrock refused to create batch job " + job.jobName() + ": " + reason(e), e);
        }
    }

    @Override
    public JobState state(String jobArn) {
        GetModelInvocationJobResponse job;
        try {
            job = sdk.getModelInvocationJob(r -> r.jobIdentifier(jobArn));
        } catch (SdkException e) {
            throw new BatchException("cannot read the state of batch job " + jobArn + ": " + reason(e), e);
        }
        return new JobState(JobStatus.fromWire(job.statusAsString()), job.message(),
                Optional.ofNullable(job.totalRecordCount()), Optional.ofNullable(job.processedRecordCount()),
                Optional.ofNullable(job.successRecordCount()), Optional.ofNullable(job.errorRecordCount()));
    }

    @Override
    public void stop(String jobArn) {
        try {
            sdk.stopModelInvocationJob(r -> r.jobIdentifier(jobArn));
        } catch (SdkException e) {
            throw new BatchException("cannot stop batch job " + jobArn + ": " + reason(e), e);
        }
    }

    /** The service's own words when it gave any, else the SDK's. */
    static String reason(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null) {
            String code = aws.awsErrorDetails().errorCode();
            return (code == null ? "" : code + ": ") + aws.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }

    @Override
    public void close() {
        sdk.close();
    }
}
