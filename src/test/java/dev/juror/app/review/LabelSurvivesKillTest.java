package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.TestSettings;
import dev.juror.store.LabelRepository;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import dev.juror.testing.ChildJava;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A label survives killing the app right after submit: the workbench runs in a child JVM, submits
 * one label through the review desk and prints a marker; the test kills it with SIGKILL at once and
 * reopens the workspace.
 */
class LabelSurvivesKillTest {

    @TempDir
    Path folder;

    @Test
    void aSubmittedLabelIsInTheWorkspaceAfterTheProcessIsKilled() throws Exception {
        Path workspaceDir = folder.resolve("ws");
        Path settings = TestSettings.withLabeller(folder, "Ann");
        List<String> command = new ArrayList<>(ChildJava.command(List.of(
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Xmx512m"),
                LabelThenWaitMain.class.getName(), workspaceDir.toString(), settings.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        long rolloutId = -1;
        int position = Integer.MIN_VALUE;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("ITEM ")) {
                    String[] parts = line.split(" ");
                    rolloutId = Long.parseLong(parts[1]);
                    position = Integer.parseInt(parts[2]);
                }
                if (line.equals(LabelThenWaitMain.MARKER)) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(output).as("child output").contains(LabelThenWaitMain.MARKER);

        try (Workspace reopened = Workspace.open(workspaceDir)) {
            List<StoredLabel> labels = new LabelRepository(reopened).byLabeller("Ann");
            long rollout = rolloutId;
            int comment = position;
            assertThat(labels).hasSize(3).allSatisfy(label -> {
                assertThat(label.rolloutId()).isEqualTo(rollout);
                assertThat(label.commentPosition()).isEqualTo(comment);
            });
            assertThat(labels).extracting(StoredLabel::score).containsExactly("2", "3", "4");
        }
    }
}
