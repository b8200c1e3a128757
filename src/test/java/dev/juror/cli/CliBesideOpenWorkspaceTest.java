package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.ImportThenHang;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.testing.ChildJava;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18: while the workbench had a workspace open, even {@code juror stats} was refused ("in use
 * by another process"). With H2's mixed mode the command line works beside it. Two JVMs: this one
 * plays the workbench (holds the workspace open) while a child runs the command line, and the other
 * way round.
 */
class CliBesideOpenWorkspaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static Process cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(ChildJava.command("dev.juror.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String finish(Process child) throws Exception {
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theCommandLineInAnotherProcessReadsAndJudgesWhileThisOneHoldsTheWorkspace() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        try (Workspace workbench = Workspace.open(ws)) {
            JsonNode stats = JSON.readTree(finish(cli("stats", "--workspace", ws.toString(), "--json")));
            assertThat(stats.get("samples").asInt()).isEqualTo(workbench.stats().samples());
            assertThat(stats.get("rollouts").asInt()).isEqualTo(50);

            JsonNode run = JSON.readTree(finish(cli("judge", "--workspace", ws.toString(), "--rubric",
                    JudgeCliFixture.CONTRACT_RUBRIC.toString(), "--provider", "heuristic", "--json")));
            assertThat(run.get("status").asText()).isEqualTo("finished");

            // The holder sees the other process's run at once, finished and not taken for abandoned.
            StoredJudgeRun stored = new JudgeRunRepository(workbench).find(run.get("run_id").asLong()).orElseThrow();
            assertThat(stored.status().code()).isEqualTo("finished");
            assertThat(stored.results()).isEqualTo(44);
        }
    }

    @Test
    void statsInThisProcessWorksWhileAnotherProcessHoldsTheWorkspace() throws Exception {
        Path ws = temp.resolve("held");
        Process holder = new ProcessBuilder(ChildJava.command(ImportThenHang.class.getName(), ws.toString(), "20"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String first = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(first).isEqualTo("COMMITTED 20");
            JudgeCliFixture.Run stats = juror("stats", "--workspace", ws.toString(), "--json");
            assertThat(stats.exit()).as(stats.err()).isZero();
            assertThat(JSON.readTree(stats.out()).get("samples").asInt()).isEqualTo(20);
            assertThat(holder.isAlive()).isTrue();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
