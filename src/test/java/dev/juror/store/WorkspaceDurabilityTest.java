package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second JVM imports and commits, then hangs holding the workspace. Killed with SIGKILL (no
 * shutdown hook, no close) the moment its commit returned, it must lose nothing. With H2's default
 * WRITE_DELAY of 500 ms this test fails: every one of 5 tries lost the whole import (see docs/store.md).
 */
class WorkspaceDurabilityTest {

    private static final int SAMPLES = 200;

    @TempDir
    Path temp;

    @Test
    void aCommittedImportSurvivesKillDashNineRightAfterTheCommit() throws Exception {
        Process child = startImportingChild();
        try {
            assertThat(firstLine(child)).isEqualTo("COMMITTED " + SAMPLES);
        } finally {
            kill(child);
        }
        try (Workspace workspace = Workspace.open(temp)) {
            WorkspaceStats stats = workspace.stats();
            assertThat(stats.samples()).isEqualTo(SAMPLES);
            assertThat(stats.rollouts()).isEqualTo(SAMPLES * 4L);
            assertThat(stats.comments()).isEqualTo(SAMPLES * 8L);
        }
    }

    @Test
    void aWorkspaceOpenInAnotherProcessIsReportedAsLocked() throws Exception {
        Process child = startImportingChild();
        try {
            assertThat(firstLine(child)).isEqualTo("COMMITTED " + SAMPLES);
            assertThatThrownBy(() -> Workspace.open(temp))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining(temp.toString())
                    .hasMessageContaining("in use by another process")
                    .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                            .isEqualTo(WorkspaceException.Reason.LOCKED));
        } finally {
            kill(child);
        }
        try (Workspace workspace = Workspace.open(temp)) {
            assertThat(workspace.stats().samples()).isEqualTo(SAMPLES);
        }
    }

    private Process startImportingChild() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportThenHang.class.getName(), temp.toString(),
                Integer.toString(SAMPLES))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String firstLine(Process child) throws Exception {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly(); // SIGKILL on Linux and macOS
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
