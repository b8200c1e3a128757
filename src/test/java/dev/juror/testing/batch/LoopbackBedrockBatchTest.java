package dev.juror.testing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.CreateModelInvocationJobRequest;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationJobResponse;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationJobStatus;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationType;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

class LoopbackBedrockBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/juror-batch";
    private static final String MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    private LoopbackS3 s3;
    private LoopbackBedrockBatch bedrock;
    private BedrockClient client;

    @BeforeEach
    void start() {
        s3 = LoopbackS3.start();
        bedrock = LoopbackBedrockBatch.start(s3);
        client = StubClients.bedrock(bedrock.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        bedrock.close();
        s3.close();
    }

    @Test
    void aJobRunsToCompletedWithShuffledOutputAndAManifest() throws Exception {
        List<String> ids = putInput("in/run-1.jsonl", 120);
        bedrock.pace(600);

        String arn = client.createModelInvocationJob(create("token-1", "s3://bkt/in/run-1.jsonl")).jobArn();
        assertThat(arn).matches("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/[a-z0-9]{12}");
        GetModelInvocationJobResponse midway = awaitProcessed(arn, 10);
        assertThat(midway.status()).isEqualTo(ModelInvocationJobStatus.IN_PROGRESS);
        assertThat(midway.processedRecordCount()).isLessThan(120L);
        assertThat(bedrock.awaitEnd(arn, Duration.ofSeconds(5))).isEqualTo("Completed");

        GetModelInvocationJobResponse done = client.getModelInvocationJob(b -> b.jobIdentifier(arn));
        assertThat(done.status()).isEqualTo(ModelInvocationJobStatus.COMPLETED);
        assertThat(List.of(done.totalRecordCount(), done.processedRecordCount(), done.successRecordCount(), done.errorRecordCount()))
                .containsExactly(120L, 120L, 120L, 0L);
        assertThat(done.jobName()).isEqualTo("juror-run");
        assertThat(done.modelId()).isEqualTo(MODEL);
        assertThat(done.roleArn()).isEqualTo(ROLE);
        assertThat(done.clientRequestToken()).isEqualTo("token-1");
        assertThat(done.modelInvocationType()).isEqualTo(ModelInvocationType.CONVERSE);
        assertThat(done.inputDataConfig().s3InputDataConfig().s3Uri()).isEqualTo("s3://bkt/in/run-1.jsonl");
        assertThat(done.outputDataConfig().s3OutputDataConfig().s3Uri()).isEqualTo("s3://bkt/out/");
        assertThat(done.submitTime()).isBeforeOrEqualTo(done.endTime());

        String folder = "out/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
        assertThat(s3.keys("bkt", folder)).containsExactly(folder + "manifest.json.out", folder + "run-1.jsonl.out");
        List<JsonNode> lines = lines(folder + "run-1.jsonl.out");
        List<String> outputIds = lines.stream().map(l -> l.get("recordId").asText()).toList();
        assertThat(outputIds).containsExactlyInAnyOrderElementsOf(ids).isNotEqualTo(ids);
        JsonNode first = lines.getFirst();
        assertThat(first.at("/modelInput/messages/0/content/0/text").asText()).startsWith("Rate answer ");
        assertThat(first.at("/modelOutput/output/message/content/0/text").asText()).isEqualTo(LoopbackBedrockBatch.DEFAULT_REPLY);
        assertThat(first.at("/modelOutput/stopReason").asText()).isEqualTo("end_turn");
        assertThat(first.at("/modelOutput/usage/inputTokens").asInt()).isEqualTo(3);
        assertThat(first.at("/modelOutput/usage/outputTokens").asInt()).isEqualTo(2);

        JsonNode manifest = JSON.readTree(s3.read("bkt", folder + "manifest.json.out"));
        assertThat(manifest.get("totalRecordCount").asInt()).isEqualTo(120);
        assertThat(manifest.get("processedRecordCount").asInt()).isEqualTo(120);
        assertThat(manifest.get("successRecordCount").asInt()).isEqualTo(120);
        assertThat(manifest.get("errorRecordCount").asInt()).isZero();
        assertThat(manifest.get("inputTokenCount").asLong()).isEqualTo(360);
        assertThat(manifest.get("outputTokenCount").asLong()).isEqualTo(240);
    }

    @Test
    void theSameTokenTwiceGivesTheSameJobAndStartsOne() {
        putInput("in/a.jsonl", 100);
        String first = client.createModelInvocationJob(create("same-token", "s3://bkt/in/a.jsonl")).jobArn();
        String second = client.createModelInvocationJob(create("same-token", "s3://bkt/in/a.jsonl")).jobArn();

        assertThat(second).isEqualTo(first);
        assertThat(bedrock.jobsStarted()).isEqualTo(1);
        assertThat(client.createModelInvocationJob(create("other-token", "s3://bkt/in/a.jsonl")).jobArn()).isNotEqualTo(first);
        assertThat(bedrock.jobsStarted()).isEqualTo(2);
    }

    @Test
    void aLostCreateResponseRetriedBySdkStartsOneJob() {
        putInput("in/a.jsonl", 100);
        bedrock.loseCreateResponses(1);

        String arn = client.createModelInvocationJob(create("retried-token", "s3://bkt/in/a.jsonl")).jobArn();

        assertThat(bedrock.jobsStarted()).isEqualTo(1);
        assertThat(bedrock.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(2)
                .allMatch(r -> r.body().contains("retried-token"));
        assertThat(bedrock.status(arn)).isNotNull();
    }

    @Test
    void stopMidJobEndsStoppedWithThePartialOutput() throws Exception {
        putInput("in/a.jsonl", 200);
        bedrock.pace(400);
        String arn = client.createModelInvocationJob(create("t", "s3://bkt/in/a.jsonl")).jobArn();
        awaitProcessed(arn, 20);

        client.stopModelInvocationJob(b -> b.jobIdentifier(arn));

        assertThat(client.getModelInvocationJob(b -> b.jobIdentifier(arn)).status())
                .isIn(ModelInvocationJobStatus.STOPPING, ModelInvocationJobStatus.STOPPED);
        assertThat(bedrock.awaitEnd(arn, Duration.ofSeconds(2))).isEqualTo("Stopped");
        GetModelInvocationJobResponse stopped = client.getModelInvocationJob(b -> b.jobIdentifier(arn));
        int processed = Math.toIntExact(stopped.processedRecordCount());
        assertThat(processed).isBetween(20, 199);
        String folder = "out/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
        assertThat(lines(folder + "a.jsonl.out")).hasSize(processed);
        assertThat(JSON.readTree(s3.read("bkt", folder + "manifest.json.out")).get("processedRecordCount").asInt())
                .isEqualTo(processed);
        assertThatThrownBy(() -> client.stopModelInvocationJob(b -> b.jobIdentifier(arn)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Stopped");
    }

    @Test
    void fewerRecordsThanTheMinimumAreRefusedNamingIt() {
        putInput("in/small.jsonl", 99);

        assertThatThrownBy(() -> client.createModelInvocationJob(create("t", "s3://bkt/in/small.jsonl")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("has 99 records").hasMessageContaining("at least 100 records");
        assertThat(bedrock.jobsStarted()).isZero();

        bedrock.minimumRecords(10);
        assertThat(client.createModelInvocationJob(create("t", "s3://bkt/in/small.jsonl")).jobArn()).isNotBlank();
    }

    @Test
    void errorAndMissingRecordsAppearAsConfigured() throws Exception {
        putInput("in/a.jsonl", 100);
        bedrock.answerWith((id, input) -> id.endsWith("7") ? BatchAnswer.error(400, "Malformed input request for " + id)
                        : BatchAnswer.text("{\"score\": 0}", "end_turn", 11, 4))
                .omitRecords(Set.of("rec-0003", "rec-0050"));

        String arn = client.createModelInvocationJob(create("t", "s3://bkt/in/a.jsonl")).jobArn();
        assertThat(bedrock.awaitEnd(arn, Duration.ofSeconds(2))).isEqualTo("PartiallyCompleted");

        GetModelInvocationJobResponse job = client.getModelInvocationJob(b -> b.jobIdentifier(arn));
        assertThat(List.of(job.totalRecordCount(), job.processedRecordCount(), job.successRecordCount(), job.errorRecordCount()))
                .containsExactly(100L, 98L, 88L, 10L);
        String folder = "out/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
        List<JsonNode> lines = lines(folder + "a.jsonl.out");
        assertThat(lines).hasSize(98).noneMatch(l -> Set.of("rec-0003", "rec-0050").contains(l.get("recordId").asText()));
        JsonNode error = lines.stream().filter(l -> l.get("recordId").asText().equals("rec-0017")).findFirst().orElseThrow();
        assertThat(error.has("modelOutput")).isFalse();
        assertThat(error.at("/error/errorCode").asInt()).isEqualTo(400);
        assertThat(error.at("/error/errorMessage").asText()).isEqualTo("Malformed input request for rec-0017");
        JsonNode manifest = JSON.readTree(s3.read("bkt", folder + "manifest.json.out"));
        assertThat(manifest.get("errorRecordCount").asInt()).isEqualTo(10);
        assertThat(manifest.get("inputTokenCount").asLong()).isEqualTo(88 * 11);
    }

    @Test
    void aPrefixInputRunsEveryJsonlFileIntoItsOwnOutFile() throws Exception {
        putInput("in/run/part-1.jsonl", 60);
        putInput("in/run/part-2.jsonl", 60);
        s3.put("bkt", "in/run/notes.txt", "not input".getBytes(StandardCharsets.UTF_8));

        String arn = client.createModelInvocationJob(create("t", "s3://bkt/in/run/")).jobArn();
        bedrock.awaitEnd(arn, Duration.ofSeconds(2));

        String folder = "out/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
        assertThat(s3.keys("bkt", folder)).containsExactly(folder + "manifest.json.out",
                folder + "part-1.jsonl.out", folder + "part-2.jsonl.out");
        assertThat(client.getModelInvocationJob(b -> b.jobIdentifier(arn)).totalRecordCount()).isEqualTo(120L);
    }

    @Test
    void aJobToldToFailEndsFailedWithItsMessageAfterTheStartDelay() throws Exception {
        putInput("in/a.jsonl", 100);
        bedrock.failJobs("Service role cannot read s3://bkt/in/").startDelay(Duration.ofMillis(200));

        String arn = client.createModelInvocationJob(create("t", "s3://bkt/in/a.jsonl")).jobArn();
        GetModelInvocationJobResponse submitted = client.getModelInvocationJob(b -> b.jobIdentifier(arn));
        assertThat(submitted.status()).isEqualTo(ModelInvocationJobStatus.SUBMITTED);
        assertThat(submitted.totalRecordCount()).isNull();

        assertThat(bedrock.awaitEnd(arn, Duration.ofSeconds(2))).isEqualTo("Failed");
        GetModelInvocationJobResponse failed = client.getModelInvocationJob(b -> b.jobIdentifier(arn));
        assertThat(failed.message()).isEqualTo("Service role cannot read s3://bkt/in/");
        assertThat(failed.endTime()).isNotNull();
        assertThat(s3.keys("bkt", "out/")).isEmpty();
    }

    @Test
    void badRequestsAreRestJsonErrorsTheSdkUnderstands() {
        putInput("in/a.jsonl", 100);
        assertThatThrownBy(() -> client.getModelInvocationJob(b -> b.jobIdentifier(
                "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/nosuchjob123")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nosuchjob123");
        assertThatThrownBy(() -> client.createModelInvocationJob(create("t", "s3://bkt/in/a.jsonl").toBuilder()
                .modelInvocationType((String) null).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("InvokeModel");
        assertThatThrownBy(() -> client.createModelInvocationJob(create("t", "s3://bkt/in/none.jsonl")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("s3://bkt/in/none.jsonl");
        assertThatThrownBy(() -> client.createModelInvocationJob(create("t", "s3://bkt/in/a.jsonl").toBuilder()
                .roleArn(null).build()))
                .isInstanceOf(BedrockException.class).hasMessageContaining("roleArn");
    }

    private CreateModelInvocationJobRequest create(String token, String inputUri) {
        return CreateModelInvocationJobRequest.builder()
                .jobName("juror-run")
                .roleArn(ROLE)
                .modelId(MODEL)
                .clientRequestToken(token)
                .modelInvocationType(ModelInvocationType.CONVERSE)
                .inputDataConfig(i -> i.s3InputDataConfig(s -> s.s3Uri(inputUri).s3InputFormat("JSONL")))
                .outputDataConfig(o -> o.s3OutputDataConfig(s -> s.s3Uri("s3://bkt/out/")))
                .build();
    }

    /** {@code count} Converse records {@code rec-0000...}, their user text "Rate answer N". */
    private List<String> putInput(String key, int count) {
        StringBuilder jsonl = new StringBuilder();
        List<String> ids = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> {
            String id = String.format("rec-%04d", i);
            ids.add(id);
            jsonl.append("{\"recordId\":\"").append(id).append("\",\"modelInput\":{\"messages\":[{\"role\":\"user\",")
                    .append("\"content\":[{\"text\":\"Rate answer ").append(i).append("\"}]}],")
                    .append("\"inferenceConfig\":{\"maxTokens\":200}}}\n");
        });
        s3.put("bkt", key, jsonl.toString().getBytes(StandardCharsets.UTF_8));
        return ids;
    }

    private List<JsonNode> lines(String key) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(s3.read("bkt", key), StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private GetModelInvocationJobResponse awaitProcessed(String arn, int atLeast) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            GetModelInvocationJobResponse job = client.getModelInvocationJob(b -> b.jobIdentifier(arn));
            if (job.processedRecordCount() != null && job.processedRecordCount() >= atLeast) {
                return job;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job " + arn + " never processed " + atLeast + " records; stub log: "
                + Arrays.toString(bedrock.requests().toArray()));
    }
}
