package dev.juror.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a picocli command with Juror's exit-code contract: 0 on success, 2 with a one-line reason on
 * bad arguments or refused input, 1 on an unexpected failure — never a stack trace on the console.
 */
public final class CliRunner {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private CliRunner() {
    }

    public static int execute(Object command, String... args) {
        return execute(command, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = command instanceof JurorCli root ? root.commandLineFor(args) : new CommandLine(command);
        ExitCodes.describe(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            err.println("juror: " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserInputException input) {
                err.println("juror: " + oneLine(input.getMessage()));
                return BAD_INPUT;
            }
            err.println("juror: unexpected failure: " + oneLine(String.valueOf(ex.getMessage()))
                    + " (" + ex.getClass().getSimpleName() + "); details are in the log");
            org.slf4j.LoggerFactory.getLogger(CliRunner.class).error("command failed", ex);
            return FAILED;
        });
        return cli.execute(args);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.strip();
        return dev.juror.judge.Secrets.redact(first.replace("\r", " ").replace('\n', ' '));
    }
}
