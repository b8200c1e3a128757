package dev.juror.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The exit codes of every command, printed at the end of its {@code --help} (and listed in
 * docs/cli.md). Codes 0, 1 and 2 hold for every command; a few commands add their own.
 */
final class ExitCodes {

    static final String HEADING = "%nExit codes:%n";

    /** Codes beyond 0, 1 and 2, by the command's qualified name ("juror verdict"). */
    private static final Map<String, Map<String, String>> EXTRA = Map.of(
            "juror verdict", Map.of("3", "NOT VALIDATED: a condition of the rubric's thresholds failed"),
            "juror regress", Map.of("3", "the suite FAILED: at least one expectation was not met"),
            "juror watch report", Map.of("3", "an ALARM fired: at least one detector found reward hacking or drift"),
            "juror judge", Map.of(
                    "4", "the run FAILED: more service failures (api_error, timeout) than --max-failures "
                            + "allows (judge them again with --resume RUN_ID --retry-failed)",
                    "130", "interrupted (Ctrl-C): results so far are kept; continue with --resume RUN_ID"),
            "juror align", Map.of("4", "a judge run of the round did not finish (named on standard error; the runs"
                    + " so far are kept, the round is not stored)"),
            "juror watch sample", Map.of(
                    "4", "some calls failed for good (listed); the same command asks for them again",
                    "130", "interrupted (Ctrl-C): the answers so far are kept; the same command asks for the rest"));

    private ExitCodes() {
    }

    /** Adds the exit-code section to the usage help of {@code root} and every subcommand. */
    static void describe(CommandLine root) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "unexpected failure (one line on standard error; details in the log)");
        codes.put("2", "bad arguments or refused input (one line on standard error says what to change)");
        EXTRA.getOrDefault(root.getCommandSpec().qualifiedName(), Map.of()).entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                .forEach(e -> codes.put(e.getKey(), e.getValue()));
        root.getCommandSpec().usageMessage().exitCodeListHeading(HEADING).exitCodeList(codes);
        root.getSubcommands().values().forEach(ExitCodes::describe);
    }

    /** The commands with codes of their own (for tests and docs). */
    static Map<String, Map<String, String>> extra() {
        return EXTRA;
    }
}
