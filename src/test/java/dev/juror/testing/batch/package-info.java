/**
 * Loopback stand-ins for the AWS services of Bedrock batch runs, so tests and benchmarks never call
 * AWS: {@link dev.juror.testing.batch.LoopbackS3} (path-style S3 on 127.0.0.1, objects on disk) and
 * {@link dev.juror.testing.batch.LoopbackBedrockBatch} (Create/Get/StopModelInvocationJob, jobs run
 * against that S3). {@link dev.juror.testing.batch.StubClients} builds real SDK clients for them.
 *
 * <pre>{@code
 * try (LoopbackS3 s3 = LoopbackS3.start();
 *      LoopbackBedrockBatch bedrock = LoopbackBedrockBatch.start(s3).replyText("{\"score\": 4}").pace(500)) {
 *     // point Juror at s3.endpoint() (--s3-endpoint) and bedrock.endpoint() (--bedrock-endpoint),
 *     // inputs and outputs under s3://bucket/prefix/ (--s3-prefix); then assert on
 *     // s3.keys("bucket", "prefix/"), bedrock.jobsStarted(), bedrock.requests() ...
 * }
 * }</pre>
 */
package dev.juror.testing.batch;
