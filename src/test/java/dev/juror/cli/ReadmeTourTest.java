package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command-line tour, run as written: the {@code sh} block under "Command line" is
 * parsed out of README.md and every {@code $J} command runs in order on a temporary workspace
 * ({@code /tmp/...} paths are moved into a temporary folder). A command ending in
 * {@code # exit N} must exit with N, every other one with 0. The README cannot rot unseen.
 */
class ReadmeTourTest {

    private static final Pattern EXIT = Pattern.compile("#\\s*exit\\s+(\\d+)");

    @TempDir
    Path tmp;

    record Step(List<String> args, int expectedExit, String text) {
    }

    @Test
    void everyCommandOfTheReadmeTourExitsAsTheReadmeSays() throws IOException {
        List<Step> steps = tour(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(steps).as("commands in the README tour").hasSizeGreaterThan(15);

        for (Step step : steps) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true),
                    step.args().toArray(String[]::new));
            assertThat(exit).as("exit code of `%s`%nstdout: %s%nstderr: %s", step.text(), tail(out), tail(err))
                    .isEqualTo(step.expectedExit());
            if (exit == 0) {
                assertThat(err.toString()).as("stderr of `%s`", step.text()).doesNotContain("Exception");
            }
        }
    }

    @Test
    void theTourParserJoinsContinuedLinesAndReadsTheExitComment() {
        List<Step> steps = tour("""
                ## Command line
                ```sh
                J="java -jar target/juror.jar"
                # a comment
                $J verdict --rubric r.yaml \\
                          --workspace /tmp/w    # exit 3 = NOT VALIDATED
                $J locate --excerpt "the term of this agreement" --json
                ```
                """);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).args()).containsExactly("verdict", "--rubric", "r.yaml", "--workspace",
                tmp.resolve("w").toString());
        assertThat(steps.get(0).expectedExit()).isEqualTo(3);
        assertThat(steps.get(1).args()).containsExactly("locate", "--excerpt", "the term of this agreement", "--json");
        assertThat(steps.get(1).expectedExit()).isZero();
    }

    private List<Step> tour(String readme) {
        String section = readme.substring(readme.indexOf("## Command line"));
        int start = section.indexOf("```sh\n") + "```sh\n".length();
        String block = section.substring(start, section.indexOf("```", start));
        List<Step> steps = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : block.split("\n")) {
            String joined = pending + line.strip();
            if (joined.endsWith("\\")) {
                pending.setLength(0);
                pending.append(joined, 0, joined.length() - 1).append(' ');
                continue;
            }
            pending.setLength(0);
            if (!joined.startsWith("$J ")) {
                continue; // comments, the J= line, blank lines
            }
            int expected = 0;
            Matcher exit = EXIT.matcher(joined);
            if (exit.find()) {
                expected = Integer.parseInt(exit.group(1));
            }
            String command = joined.replaceFirst("\\s+#.*$", "");
            steps.add(new Step(words(command.substring(3)), expected, command));
        }
        return steps;
    }

    /** Shell-like words: double quotes group, /tmp/ paths move into the test's folder. */
    private List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
        while (word.find()) {
            String value = word.group(1) != null ? word.group(1) : word.group(2);
            words.add(value.startsWith("/tmp/") ? tmp.resolve(value.substring(5)).toString() : value);
        }
        return words;
    }

    private static String tail(StringWriter text) {
        String s = text.toString();
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }
}
