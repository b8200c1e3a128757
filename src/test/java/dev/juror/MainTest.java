package dev.juror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.cli.CliRunner;
import dev.juror.cli.JurorCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private static final String[] NONE = {};

    @Test
    void bareStartOfTheWorkbenchLauncherOpensTheWorkbench() {
        assertThat(Main.opensWorkbench(NONE, null)).isTrue();
    }

    @Test
    void bareStartOfTheCommandLineLauncherDoesNotOpenAWindow() {
        assertThat(Main.opensWorkbench(NONE, Main.CLI_LAUNCHER)).isFalse();
    }

    @Test
    void anyArgumentRunsTheCommandLineWhicheverLauncher() {
        assertThat(Main.opensWorkbench(new String[] {"stats"}, null)).isFalse();
        assertThat(Main.opensWorkbench(new String[] {"stats"}, Main.CLI_LAUNCHER)).isFalse();
    }

    @Test
    void anUnknownLauncherValueKeepsTheDefaultBehaviour() {
        assertThat(Main.opensWorkbench(NONE, "workbench")).isTrue();
    }

    @Test
    void bareCommandLineStartAsksForHelpAndArgumentsPassUnchanged() {
        assertThat(Main.cliArguments(NONE)).containsExactly("--help");
        assertThat(Main.cliArguments(new String[] {"stats", "--json"})).containsExactly("stats", "--json");
    }

    @Test
    void theHelpArgumentsPrintTheUsageAndSucceed() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true),
                Main.cliArguments(NONE));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: juror").contains("stats");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void onlyWorkspaceAndSettingsOptionsOpenTheWorkbench() {
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--workspace", "/tmp/w"})).isTrue();
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--workspace=/tmp/w", "--settings", "s.json"})).isTrue();
    }

    @Test
    void anythingElseIsACommandLine() {
        assertThat(Main.onlyWorkbenchOptions(new String[] {"import", "f.jsonl", "--workspace", "/tmp/w"})).isFalse();
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--workspace"})).isFalse();
        assertThat(Main.onlyWorkbenchOptions(new String[] {"--help"})).isFalse();
    }

    @Test
    void theCommandLineLauncherNeverOpensTheWorkbench() {
        assertThat(Main.opensWorkbench(new String[] {"--workspace", "/tmp/w"}, null)).isTrue();
        assertThat(Main.opensWorkbench(new String[] {"--workspace", "/tmp/w"}, Main.CLI_LAUNCHER)).isFalse();
    }
}
