package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.NewJudgeRun;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #18 §5: no key, password or token reaches the run settings, the stored errors or the terminal. */
class JudgeSecretsCliTest {

    private static final String KEY = "sk-proj-Zk3q9XbL2mN8pR4tV6wY1aC5eG7iK0oQ";
    private static final String SAMPLE = "cr-01-agape-odm-supply";

    @TempDir
    Path temp;

    private static int runsIn(Path ws) throws Exception {
        try (Workspace opened = Workspace.open(ws)) {
            return new JudgeRunRepository(opened).list().size();
        }
    }

    @Test
    void aKeyGivenToApiKeyEnvIsRefusedAndNeverStored() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        try (ConverseTestServer server = ConverseTestServer.start()) {
            JudgeCliFixture.Run run = juror("judge", "--workspace", ws.toString(), "--rubric",
                    JudgeCliFixture.responseRubric(temp).toString(), "--provider", "openai", "--model", "m",
                    "--base-url", server.endpoint().toString(), "--api-key-env", KEY, "--samples", SAMPLE, "--json");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("juror: --api-key-env takes the NAME of an environment variable")
                    .doesNotContain(KEY).doesNotContain("Exception");
            assertThat(run.out()).doesNotContain(KEY);
            assertThat(server.receivedCount()).isZero();
        }
        assertThat(runsIn(ws)).isZero();
    }

    @Test
    void aBaseUrlWithUserAndPasswordIsRefused() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        JudgeCliFixture.Run run = juror("judge", "--workspace", ws.toString(), "--rubric",
                JudgeCliFixture.responseRubric(temp).toString(), "--provider", "openai", "--model", "m",
                "--base-url", "http://admin:hunter2hunter2@127.0.0.1:9/v1", "--samples", SAMPLE);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--base-url holds a user name or password").doesNotContain("hunter2");
        assertThat(runsIn(ws)).isZero();
    }

    @Test
    void aKeyOverPlainHttpToAnotherHostIsRefusedUnlessAllowed() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        JudgeCliFixture.Run run = juror("judge", "--workspace", ws.toString(), "--rubric",
                JudgeCliFixture.responseRubric(temp).toString(), "--provider", "openai", "--model", "m",
                "--base-url", "http://judge.example.com/v1", "--api-key-env", "JUROR_API_KEY", "--samples", SAMPLE);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--base-url http://judge.example.com/v1 would send credentials unencrypted")
                .contains("--allow-insecure-http");
        assertThat(runsIn(ws)).isZero();
    }

    @Test
    void errorsEchoingASecretAreStoredAndShownMasked() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.validation("bad header Authorization: Bearer " + KEY + " for user AKIAIOSFODNN7EXAMPLE"));
            JudgeCliFixture.Run run = juror("judge", "--workspace", ws.toString(), "--rubric",
                    JudgeCliFixture.responseRubric(temp).toString(), "--provider", "openai", "--model", "m",
                    "--base-url", server.endpoint().toString(), "--samples", SAMPLE, "--json");
            // Every call failed: the run says so (exit 4), and the stored errors are masked.
            assertThat(run.exit()).as(run.err()).isEqualTo(JudgeCommand.RUN_FAILED);
            assertThat(run.err()).doesNotContain(KEY).doesNotContain("AKIAIOSFODNN7EXAMPLE");
            long id = new ObjectMapper().readTree(run.out()).get("run_id").asLong();

            JudgeCliFixture.Run shown = juror("run", "show", Long.toString(id), "--workspace", ws.toString(), "--json");
            JsonNode results = new ObjectMapper().readTree(shown.out()).get("results_list");
            assertThat(results).isNotEmpty();
            assertThat(results.get(0).get("error").asText()).contains("Bearer [REDACTED]").doesNotContain("AKIA");
            assertThat(shown.out()).doesNotContain(KEY);
        }
    }

    @Test
    void runShowMasksAKeyStoredByAnEarlierVersion() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        long id;
        try (Workspace opened = Workspace.open(ws)) {
            JudgeRunRepository runs = new JudgeRunRepository(opened);
            long rollout = new dev.juror.store.RolloutRepository(opened).summaries().get(0).rolloutId();
            id = runs.create(new NewJudgeRun("r", "v", "name: r", "openai", "m",
                    "{\"base_url\":\"http://u:p4ssw0rd@localhost/v1\",\"api_key_env\":\"" + KEY + "\"}", 1, "all",
                    List.of(rollout)));
        }
        JudgeCliFixture.Run text = juror("run", "show", Long.toString(id), "--workspace", ws.toString());
        JudgeCliFixture.Run json = juror("run", "show", Long.toString(id), "--workspace", ws.toString(), "--json");

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("settings").doesNotContain(KEY).doesNotContain("p4ssw0rd");
        assertThat(json.out()).doesNotContain(KEY).doesNotContain("p4ssw0rd");
    }
}
