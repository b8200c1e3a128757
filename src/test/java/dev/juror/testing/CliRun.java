package dev.juror.testing;

import dev.juror.cli.CliRunner;
import dev.juror.cli.JurorCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code juror} command run in this JVM, with its exit code and what it printed. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
