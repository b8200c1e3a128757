package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.Workspace;
import dev.juror.testing.ChildJava;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge run stopped by a signal (SIGTERM, which runs the same shutdown hooks as Ctrl-C) in a child
 * JVM. In mixed mode H2 closes the database at exit, possibly before the run stores its status: the
 * command still says, in one line, that the run was interrupted and how to resume it (no "unexpected
 * failure", no stack trace), and the next open of the workspace shows the run interrupted.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy() runs no shutdown hooks on Windows")
class JudgeStoppedBySignalTest {

    @TempDir
    Path temp;

    @Test
    void aRunStoppedBySignalSaysHowToResumeAndIsInterruptedOnTheNextOpen() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        Path err = temp.resolve("err.txt");
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER).withDelay(Duration.ofMillis(150)));
            Process child = new ProcessBuilder(ChildJava.command(List.of(
                    "-Daws.accessKeyId=" + DummyAwsCredentials.ACCESS_KEY_ID,
                    "-Daws.secretAccessKey=" + DummyAwsCredentials.SECRET_ACCESS_KEY), "dev.juror.Main",
                    "judge", "--workspace", ws.toString(), "--rubric", rubric.toString(), "--provider", "bedrock",
                    "--endpoint", server.endpoint().toString(), "--region", "us-east-1", "--concurrency", "2"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (server.receivedCount() < 10 && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(child.isAlive()).isTrue();
                child.destroy(); // SIGTERM: shutdown hooks run, as on Ctrl-C
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
        }
        String stderr = Files.readString(err);
        assertThat(stderr).contains("juror: run 1 interrupted; continue it with: juror judge --resume 1")
                .doesNotContain("unexpected failure").doesNotContain("Exception");
        try (Workspace opened = Workspace.open(ws)) {
            assertThat(new JudgeRunRepository(opened).find(1).orElseThrow().status())
                    .isEqualTo(JudgeRunStatus.INTERRUPTED);
        }
    }
}
