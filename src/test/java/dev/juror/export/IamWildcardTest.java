package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.Workspace;
import dev.juror.testing.CliRun;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #18 §5: no wildcard or empty part in any ARN Juror writes into the exported IAM policies. */
class IamWildcardTest {

    private static final String RUBRIC = "rubrics/contract-review.yaml";
    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @TempDir
    Path dir;
    private String workspace() {
        Path ws = dir.resolve("ws");
        try (Workspace w = Workspace.open(ws)) {
            return ws.toString();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--model|*|the judge model id '*' holds an IAM wildcard",
        "--model|amazon.nova-*|the judge model id 'amazon.nova-*' holds an IAM wildcard",
        "--model|arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0|holds an IAM wildcard",
        "--model|arn:aws:bedrock:us-east-1:123456789012:inference-profile/|has no exact resource",
        "--model|arn:aws:bedrock:us-east-1::inference-profile/us.amazon.nova-pro-v1:0|has no 12-digit account id",
        "--region|*|the Region '*' is not an AWS Region code (IAM would read * or ? as a wildcard)",
        "--region|us-east-?|the Region 'us-east-?' is not an AWS Region code",
        "--account-id|*|the account id '*' is not a 12-digit AWS account id",
        "--account-id|12345678901?|the account id '12345678901?' is not a 12-digit",
        "--function-name|JurorReward-SageMaker*|the function name 'JurorReward-SageMaker*' may hold only",
    })
    void aWildcardOrEmptyPartIsRefusedAndNothingIsWritten(String option, String value, String message) {
        String model = option.equals("--model") ? value : MODEL;
        String[] extra = option.equals("--model") ? new String[0] : new String[] {option, value};
        String[] args = concat(new String[] {"export", "lambda", "--rubric", RUBRIC, "--model", model, "--out",
            dir.resolve("b").toString(), "--workspace", workspace(), "--unvalidated"}, extra);

        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("juror: ").contains(message).doesNotContain("Exception");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void exactPartsGiveExactArns() throws Exception {
        CliRun run = CliRun.of("export", "lambda", "--rubric", RUBRIC, "--model", "amazon.nova-pro-v1:0", "--out",
                dir.resolve("b").toString(), "--workspace", workspace(), "--unvalidated", "--region", "eu-west-1",
                "--account-id", "123456789012");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode policy = new ObjectMapper().readTree(dir.resolve("b/iam/lambda-execution-policy.json").toFile());
        for (JsonNode statement : policy.get("Statement")) {
            for (JsonNode arn : statement.get("Resource")) {
                // Juror's own ":*" suffix (the log group's streams) is the only wildcard.
                String exact = arn.asText().endsWith(":*") ? arn.asText().substring(0, arn.asText().length() - 2)
                        : arn.asText();
                assertThat(exact).doesNotContain("*").doesNotContain("?").doesNotContain("::::");
            }
        }
        assertThat(policy.toString()).contains("arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amazon.nova-pro-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "global.amazon.nova-2-lite-v1:0", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
        "arn:aws:bedrock:us-west-2:123456789012:application-inference-profile/a1b2c3d4e5f6"})
    void realModelIdsAreAccepted(String id) {
        assertThat(ArnParts.problem(id, Optional.of("us-gov-west-1"), Optional.of("123456789012"),
                LambdaBundleRequest.DEFAULT_FUNCTION_NAME)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "?", "amazon nova", "${AWS::AccountId}", "arn:aws:bedrock",
        "arn::bedrock:us-east-1::foundation-model/x", "arn:aws:s3:us-east-1::foundation-model/x"})
    void otherModelIdsAreRefused(String id) {
        assertThat(ArnParts.modelIdProblem(id)).isPresent();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
