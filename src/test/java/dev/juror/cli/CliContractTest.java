package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The contract every command keeps, checked on every command registered now or later: {@code --help}
 * works, and a bad argument exits with code 2 and a one-line reason, never a stack trace.
 */
class CliContractTest {

    static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        collect(JurorCli.fullCommandLine(), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(entry.getKey());
            into.add(sub);
            collect(entry.getValue(), sub, into);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result juror(List<String> path, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "juror {0} --help")
    @MethodSource("commands")
    void helpIsPrinted(List<String> command) {
        Result result = juror(command, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage:");
    }

    @ParameterizedTest(name = "juror {0} --no-such-option")
    @MethodSource("commands")
    void aBadOptionIsAOneLineErrorWithExitCode2(List<String> command) {
        Result result = juror(command, "--no-such-option");

        assertThat(result.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(result.err().strip()).startsWith("juror: ").doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @org.junit.jupiter.api.Test
    void thereAreCommandsToCheck() {
        assertThat(commands().map(c -> String.join(" ", c)))
                .contains("import", "stats", "rubric check", "rubric render", "locate", "agreement", "anchors freeze",
                        "anchors list");
    }
}
