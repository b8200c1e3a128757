package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JurorCliTest {

    @Test
    void aRunOfOneCommandBuildsThatCommandOnlyWithTheSameHelpAsTheFullTree() {
        Map<String, CommandLine> full = JurorCli.fullCommandLine().getSubcommands();
        assertThat(full).hasSize(JurorCli.COMMANDS.size());

        for (String name : full.keySet()) {
            CommandLine one = new JurorCli().commandLineFor(name, "--help");

            assertThat(one.getSubcommands()).as(name).containsOnlyKeys(name);
            assertThat(one.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(full.get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }

    @Test
    void helpVersionAndUnknownCommandsSeeEveryCommand() {
        assertThat(new JurorCli().commandLineFor().getSubcommands()).hasSize(JurorCli.COMMANDS.size());
        assertThat(new JurorCli().commandLineFor("--help").getSubcommands()).hasSize(JurorCli.COMMANDS.size());
        assertThat(new JurorCli().commandLineFor("jduge", "--rubric", "r.yaml").getSubcommands())
                .hasSize(JurorCli.COMMANDS.size());
    }
}
