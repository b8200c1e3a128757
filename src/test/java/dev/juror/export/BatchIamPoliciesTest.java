package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.Workspace;
import dev.juror.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #15: the batch service role and the batch caller's rights, scoped to one S3 folder and the judge model. */
class BatchIamPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final S3Prefix FOLDER = S3Prefix.parse("s3://judge-data/juror/batch/");

    @TempDir
    Path dir;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theTrustPolicyLetsOnlyBedrockAssumeTheRoleForJobsOfThisAccount() throws Exception {
        JsonNode expected = json("""
                {"Version":"2012-10-17","Statement":[{"Sid":"BedrockBatchAssumeRole","Effect":"Allow",
                 "Principal":{"Service":"bedrock.amazonaws.com"},"Action":"sts:AssumeRole",
                 "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                  "ArnEquals":{"aws:SourceArn":"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/*"}}}]}
                """);
        assertThat(IamPolicies.batchRoleTrust("us-east-1", "123456789012", false)).isEqualTo(expected);
    }

    @Test
    void theRoleMayUseTheFolderAndInvokeExactlyTheJudge() throws Exception {
        JsonNode expected = json("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"JurorBatchObjects","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
                  "Resource":["arn:aws:s3:::judge-data/juror/batch/*"],
                  "Condition":{"StringEquals":{"aws:ResourceAccount":"123456789012"}}},
                 {"Sid":"JurorBatchListFolder","Effect":"Allow","Action":["s3:ListBucket"],
                  "Resource":["arn:aws:s3:::judge-data"],
                  "Condition":{"StringLike":{"s3:prefix":["juror/batch","juror/batch/*"]},
                   "StringEquals":{"aws:ResourceAccount":"123456789012"}}},
                 {"Sid":"JurorBatchInvokeJudge","Effect":"Allow","Action":["bedrock:InvokeModel"],
                  "Resource":["arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                   "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"]}]}
                """);
        assertThat(IamPolicies.batchRolePermissions(MODEL, FOLDER, "us-east-1", "123456789012", false)).isEqualTo(expected);
    }

    @Test
    void theCallerMayRunJobsOfTheJudgeAndPassOnlyTheBatchRole() throws Exception {
        JsonNode expected = json("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"JurorBatchCreateJob","Effect":"Allow","Action":["bedrock:CreateModelInvocationJob"],
                  "Resource":["arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/*",
                   "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0"]},
                 {"Sid":"JurorBatchFollowJob","Effect":"Allow",
                  "Action":["bedrock:GetModelInvocationJob","bedrock:StopModelInvocationJob"],
                  "Resource":["arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/*"]},
                 {"Sid":"JurorBatchListJobs","Effect":"Allow","Action":["bedrock:ListModelInvocationJobs"],"Resource":["*"]},
                 {"Sid":"JurorBatchPassRole","Effect":"Allow","Action":["iam:PassRole"],
                  "Resource":["arn:aws:iam::123456789012:role/JurorBatchInference"],
                  "Condition":{"StringEquals":{"iam:PassedToService":"bedrock.amazonaws.com"}}},
                 {"Sid":"JurorBatchObjects","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
                  "Resource":["arn:aws:s3:::judge-data/juror/batch/*"],
                  "Condition":{"StringEquals":{"aws:ResourceAccount":"123456789012"}}},
                 {"Sid":"JurorBatchListFolder","Effect":"Allow","Action":["s3:ListBucket"],
                  "Resource":["arn:aws:s3:::judge-data"],
                  "Condition":{"StringLike":{"s3:prefix":["juror/batch","juror/batch/*"]},
                   "StringEquals":{"aws:ResourceAccount":"123456789012"}}}]}
                """);
        assertThat(IamPolicies.batchCaller("amazon.nova-pro-v1:0", FOLDER, "eu-west-1", "123456789012", false))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"judge-data/x", "s3://Judge_Data/x", "s3://judge-data", "s3://judge-data/",
        "s3://judge-data/*", "s3://judge-data/run?/x", "s3://judge-data/${aws:username}", "s3://judge-data//x"})
    void aFolderThatWouldWidenTheGrantIsRefused(String uri) {
        assertThatThrownBy(() -> S3Prefix.parse(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://my-bucket/juror-batch");
    }

    @Test
    void theBundleHoldsTheBatchDocumentsScopedToTheGivenFolderOrPlaceholders() throws Exception {
        Path ws = dir.resolve("ws");
        try (Workspace w = Workspace.open(ws)) {
            // an empty workspace: the export needs only its folder
        }
        CliRun run = CliRun.of("export", "lambda", "--rubric", "rubrics/contract-review.yaml", "--model", MODEL,
                "--out", dir.resolve("b").toString(), "--workspace", ws.toString(), "--unvalidated", "--region",
                "us-east-1", "--account-id", "123456789012", "--batch-s3-prefix", "s3://judge-data/juror/batch");
        assertThat(run.exit()).as(run.err()).isZero();
        Path iam = dir.resolve("b/iam");
        assertThat(JSON.readTree(iam.resolve("batch-inference-role.json").toFile()))
                .isEqualTo(IamPolicies.batchRolePermissions(MODEL, FOLDER, "us-east-1", "123456789012", true));
        assertThat(JSON.readTree(iam.resolve("batch-inference-role-trust.json").toFile()))
                .isEqualTo(IamPolicies.batchRoleTrust("us-east-1", "123456789012", true));
        assertThat(JSON.readTree(iam.resolve("batch-caller.json").toFile()))
                .isEqualTo(IamPolicies.batchCaller(MODEL, FOLDER, "us-east-1", "123456789012", true));
        assertThat(Files.readString(iam.resolve("batch-caller.json"))).contains("UNVALIDATED");
        assertThat(Files.readString(dir.resolve("b/README.md"))).contains("iam/batch-caller.json")
                .contains("s3://judge-data/juror/batch");

        CliRun placeholders = CliRun.of("export", "lambda", "--rubric", "rubrics/contract-review.yaml", "--model", MODEL,
                "--out", dir.resolve("c").toString(), "--workspace", ws.toString(), "--unvalidated");
        assertThat(placeholders.exit()).as(placeholders.err()).isZero();
        assertThat(Files.readString(dir.resolve("c/iam/batch-inference-role.json")))
                .contains("arn:aws:s3:::<BUCKET>/<PREFIX>/*").contains("<ACCOUNT_ID>");
        assertThat(Files.readString(dir.resolve("c/README.md"))).contains("<BUCKET>").contains("--batch-s3-prefix");
    }

    @Test
    void aBadFolderOptionIsOneLineAndWritesNothing() {
        CliRun run = CliRun.of("export", "lambda", "--rubric", "rubrics/contract-review.yaml", "--model", MODEL,
                "--out", dir.resolve("b").toString(), "--workspace", dir.resolve("ws").toString(), "--unvalidated",
                "--batch-s3-prefix", "s3://judge-data/*");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("juror: --batch-s3-prefix: ").contains("wildcard");
        assertThat(dir.resolve("b")).doesNotExist();
    }
}
