package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AotTrainingCommandTest {

    @Test
    void everyTrainingStepRunsAndNothingIsLeftBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = trainingFolders(tmp);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), "aot-training",
                "--sdk-calls", "3");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("aot-training: done" + System.lineSeparator());
        assertThat(trainingFolders(tmp)).isEqualTo(before);
    }

    @Test
    void theTrainingCommandIsNotInTheHelp() {
        StringWriter out = new StringWriter();
        CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");
        assertThat(out.toString()).contains("judge").doesNotContain("aot-training");
    }

    private static long trainingFolders(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("juror-aot-training")).count();
        }
    }
}
