package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help ends with its exit codes. */
class ExitCodesTest {

    @Test
    void everyCommandListsZeroOneAndTwoAndItsOwnCodes() {
        List<String> commands = new ArrayList<>();
        collect(JurorCli.fullCommandLine(), commands);
        assertThat(commands).contains("juror", "juror verdict", "juror labels import", "juror export lambda");

        for (String qualified : commands) {
            String[] args = (qualified.substring("juror".length()).strip() + " --help").strip().split(" ");
            StringWriter out = new StringWriter();
            int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                    args);
            assertThat(exit).as(qualified).isZero();
            String help = out.toString();
            assertThat(help).as(qualified).contains("Exit codes:")
                    .containsPattern("(?m)^\\s+0\\s+success")
                    .containsPattern("(?m)^\\s+1\\s+unexpected failure")
                    .containsPattern("(?m)^\\s+2\\s+bad arguments or refused input");
            ExitCodes.extra().getOrDefault(qualified, java.util.Map.of()).forEach((code, meaning) ->
                    assertThat(help).as(qualified).containsPattern("(?m)^\\s+" + code + "\\s+\\S"));
        }
    }

    @Test
    void theCommandsWithCodesOfTheirOwnReturnThem() {
        assertThat(VerdictCommand.NOT_VALIDATED).isEqualTo(3);
        assertThat(RegressCommand.SUITE_FAILED).isEqualTo(3);
        assertThat(JudgeCommand.RUN_FAILED).isEqualTo(4);
        assertThat(JudgeCommand.INTERRUPTED).isEqualTo(130);
        assertThat(ExitCodes.extra()).containsKeys("juror verdict", "juror regress", "juror judge");
        assertThat(ExitCodes.extra().get("juror judge")).containsKeys("4", "130");
    }

    private static void collect(CommandLine cli, List<String> names) {
        names.add(cli.getCommandSpec().qualifiedName());
        cli.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
