package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.cli.CliRunner;
import dev.juror.cli.JurorCli;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** juror export lambda / prompt / training-data and juror lambda invoke, end to end through the CLI. */
class LambdaExportAndInvokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUBRIC = "rubrics/contract-review.yaml";
    private static final String SAMPLES = "samples/contract-review/contract-review.jsonl";
    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path emptyWorkspace() {
        Path ws = dir.resolve("ws");
        try (Workspace w = Workspace.open(ws)) {
            return ws;
        }
    }

    @Test
    void lambdaExportIsRefusedWithoutAVerdictAndNamesTheCondition() {
        int exit = run("export", "lambda", "--rubric", RUBRIC, "--model", MODEL, "--out", dir.resolve("b").toString(),
                "--workspace", emptyWorkspace().toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("NOT VALIDATED").contains("no verdict recorded for rubric version")
                .contains(MODEL).contains("--unvalidated");
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(run("export", "prompt", "--rubric", RUBRIC, "--out", dir.resolve("p").toString(), "--workspace",
                emptyWorkspace().toString())).isEqualTo(2);
    }

    @Test
    void failedConditionsOfARecordedVerdictAreListed() throws Exception {
        Path ws = emptyWorkspace();
        String version = dev.juror.rubric.CanonicalForm.version(new dev.juror.rubric.RubricYaml().read(Path.of(RUBRIC)));
        try (Workspace w = Workspace.open(ws)) {
            new CalibrationRepository(w).saveVerdict(new CalibrationRepository.StoredVerdict(0, "contract-review", version,
                    MODEL, "run-1", "NOT_VALIDATED", "[{\"name\": \"min_items\", \"passed\": false, \"summary\": "
                    + "\"FAIL min_items = 12 (required >= 50)\"}, {\"name\": \"flip_rate\", \"passed\": true}]",
                    Instant.now()));
        }
        int exit = run("export", "prompt", "--rubric", RUBRIC, "--out", dir.resolve("p").toString(), "--workspace",
                ws.toString(), "--model", MODEL);
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("FAIL min_items = 12 (required >= 50)").doesNotContain("flip_rate");
        try (Workspace w = Workspace.open(ws)) {
            new CalibrationRepository(w).saveVerdict(new CalibrationRepository.StoredVerdict(0, "contract-review", version,
                    MODEL, "run-2", "VALIDATED", "[]", Instant.now().plusSeconds(1)));
        }
        assertThat(run("export", "prompt", "--rubric", RUBRIC, "--out", dir.resolve("p").toString(), "--workspace",
                ws.toString(), "--model", MODEL)).as(err.toString()).isZero();
        JsonNode manifest = JSON.readTree(dir.resolve("p/prompt-settings.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(dir.resolve("p/UNVALIDATED.txt")).doesNotExist();
        assertThat(Files.readString(dir.resolve("p/user-message-template.txt"))).contains("{{CANDIDATE}}")
                .contains("{{NONCE_128_BIT_HEX}}").contains("{{TARGET_DOCUMENT}}");
    }

    @Test
    void unvalidatedBundleIsCompleteMarkedAndRunsInAnIsolatedClassLoader() throws Exception {
        Path bundle = dir.resolve("bundle");
        int exit = run("export", "lambda", "--rubric", RUBRIC, "--model", MODEL, "--out", bundle.toString(),
                "--workspace", emptyWorkspace().toString(), "--samples", SAMPLES, "--unvalidated", "--judge-rpm", "1200",
                "--judge-latency-ms", "6000", "--concurrency", "32", "--region", "us-east-1", "--account-id", "123456789012");
        assertThat(exit).as(err.toString()).isZero();
        for (String f : List.of("reward-lambda.zip", "template.yaml", "iam/lambda-execution-policy.json",
                "iam/training-role-invoke-policy.json", "training-overrides.json", "README.md", "budget.md",
                "events/sample-event.json")) {
            assertThat(bundle.resolve(f)).as(f).isRegularFile();
        }
        // marked in every file
        assertThat(Files.readString(bundle.resolve("template.yaml"))).contains("UNVALIDATED");
        assertThat(Files.readString(bundle.resolve("README.md"))).contains("UNVALIDATED");
        assertThat(Files.readString(bundle.resolve("budget.md"))).contains("UNVALIDATED");
        assertThat(Files.readString(bundle.resolve("iam/lambda-execution-policy.json"))).contains("UNVALIDATED");
        assertThat(Files.readString(bundle.resolve("iam/training-role-invoke-policy.json"))).contains("UNVALIDATED");
        assertThat(Files.readString(bundle.resolve("training-overrides.json"))).contains("unvalidated");
        assertThat(Files.readString(bundle.resolve("events/sample-event.json"))).contains("juror_unvalidated");
        try (ZipFile zip = new ZipFile(bundle.resolve("reward-lambda.zip").toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            assertThat(names).contains("juror-reward.json", "lib/juror-lambda.jar", "lib/aws-lambda-java-core-1.3.0.jar");
            assertThat(names).noneMatch(n -> n.contains("javafx") || n.startsWith("lib/h2-") || n.contains("richtextfx")
                    || n.contains("picocli") || n.contains("flyway") || n.contains("netty") || n.contains("logback"));
            JsonNode config = JSON.readTree(zip.getInputStream(zip.getEntry("juror-reward.json")));
            assertThat(config.get("unvalidated").asBoolean()).isTrue();
            assertThat(config.get("concurrency").asInt()).isEqualTo(32);
            assertThat(config.get("judge").get("model_id").asText()).isEqualTo(MODEL);
        }
        assertThat(Files.size(bundle.resolve("reward-lambda.zip"))).isLessThan(20L * 1024 * 1024);
        // template: java21, handler, 900 s, SageMaker name, alias, SnapStart
        String template = Files.readString(bundle.resolve("template.yaml"));
        assertThat(template).contains("Runtime: java21").contains("Handler: dev.juror.lambda.RewardHandler::handleRequest")
                .contains("Timeout: 900").contains("FunctionName: JurorReward-SageMaker").contains("AutoPublishAlias: live")
                .contains("ApplyOn: PublishedVersions").contains("inference-profile/" + MODEL);
        // IAM: exactly the judge's profile and its foundation model
        JsonNode policy = JSON.readTree(bundle.resolve("iam/lambda-execution-policy.json").toFile());
        JsonNode bedrock = policy.get("Statement").get(1);
        assertThat(bedrock.get("Action").get(0).asText()).isEqualTo("bedrock:InvokeModel");
        assertThat(bedrock.get("Resource").toString()).contains(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + MODEL,
                "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0").doesNotContain("\"*\"");
        // overrides from the budget: 64 x 8 = 512 calls per step in 128-sample invocations = 4 invocations;
        // 60 s target at 6 s per call needs ceil(512 x 6 / 60) = 52 in flight (1200 rpm carries 120);
        // 32 per invocation (--concurrency) -> limit ceil(52 / 32) = 2
        assertThat(JSON.readTree(bundle.resolve("training-overrides.json").toFile()).get("lambda_concurrency_limit").asInt())
                .isEqualTo(2);
        JsonNode event = JSON.readTree(bundle.resolve("events/sample-event.json").toFile());
        assertThat(event).hasSize(LambdaBundleExporter.SAMPLE_EVENT_ROLLOUTS);

        // juror lambda invoke: the package's own jars only, judge = local Converse server
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text("{\"comments\": []}"));
            java.io.PrintStream stdout = System.out;
            java.io.PrintStream stderr = System.err;
            java.io.ByteArrayOutputStream processOut = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream processErr = new java.io.ByteArrayOutputStream();
            int invoked;
            try {
                System.setOut(new java.io.PrintStream(processOut, true, java.nio.charset.StandardCharsets.UTF_8));
                System.setErr(new java.io.PrintStream(processErr, true, java.nio.charset.StandardCharsets.UTF_8));
                invoked = run("lambda", "invoke", "--package", bundle.resolve("reward-lambda.zip").toString(), "--event",
                        bundle.resolve("events/sample-event.json").toString(), "--endpoint", server.endpoint().toString(),
                        "--region", "us-east-1");
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            assertThat(invoked).as(err.toString()).isZero();
            // The reward records go to stderr in a local invoke (stdout is the answer), naming the zip's handler id.
            assertThat(processOut.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\"_aws\"");
            List<JsonNode> records = new java.util.ArrayList<>();
            for (String line : processErr.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("{\"_aws\"")) {
                    records.add(JSON.readTree(line));
                }
            }
            assertThat(records).hasSize(event.size());
            String handlerId;
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.resolve("reward-lambda.zip").toFile())) {
                handlerId = JSON.readTree(zip.getInputStream(zip.getEntry("juror-reward.json"))).get("handler_id").asText();
            }
            assertThat(records).allSatisfy(r -> assertThat(r.at("/juror/bundle").asText()).isEqualTo(handlerId));
            assertThat(System.getProperty("juror.reward.records")).isNull();
            JsonNode results = JSON.readTree(out.toString());
            assertThat(results).hasSize(event.size());
            for (int i = 0; i < event.size(); i++) {
                JsonNode r = results.get(i);
                assertThat(r.get("id").asText()).isEqualTo(event.get(i).get("id").asText());
                assertThat(r.get("aggregate_reward_score").asDouble()).isBetween(0.0, 1.0);
                assertThat(r.get("metrics_list").toString()).contains("unvalidated_bundle");
            }
            assertThat(server.receivedCount()).isGreaterThan(0);
            assertThat(server.lastRequest().modelId()).isEqualTo(MODEL);
        }
        assertThat(System.getProperty("aws.endpointUrlBedrockRuntime")).isNull();
    }

    @Test
    void trainingDataRowsFollowTheNovaShape() throws Exception {
        Path rows = dir.resolve("train.jsonl");
        assertThat(run("export", "training-data", "--out", rows.toString(), "--samples", SAMPLES)).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(rows);
        assertThat(lines).hasSize(9);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("cr-01-agape-odm-supply");
        assertThat(first.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(first.get("messages").get(1).get("role").asText()).isEqualTo("user");
        assertThat(first.get("messages")).hasSize(2);
        assertThat(first.get("messages").get(1).get("content").asText()).contains("<TargetDocument>")
                .contains("</Reference>");
        assertThat(first.get("reference_answer").get("clauses").isArray()).isTrue();
        // and the reward Lambda's extractor reads them back
        dev.juror.dataset.NovaSample back = dev.juror.dataset.NovaSampleExtractor.extract(first);
        assertThat(back.referenceSource()).isEqualTo(dev.juror.dataset.NovaSample.PartSource.TAG);
        assertThat(back.hasPrediction()).isFalse();
        assertThat(JSON.readTree(lines.get(8)).has("reference_answer")).isFalse();
    }
}
