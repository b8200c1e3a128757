package dev.juror.cli;

import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Rubric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code juror rubric check FILE}: validates a rubric file and prints its version and dimensions. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Validate a rubric file; print its name, version and dimensions, or every problem"
                + " (exit code 2).")
public final class RubricCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Rubric YAML file.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Rubric> loaded = RubricFiles.load(file, spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        Rubric r = loaded.get();
        out.println(r.name() + "  version " + CanonicalForm.version(r));
        out.println("unit " + r.unit().yaml() + ", mode " + r.mode().yaml() + ", scale " + r.scale().label()
                + ", judge " + r.judge().modelId() + " (temperature " + r.judge().temperature()
                + ", max_tokens " + r.judge().maxTokens() + ")");
        out.println("dimensions (" + r.dimensions().size() + "):");
        int i = 1;
        for (Dimension d : r.dimensions()) {
            out.println("  " + i++ + ". " + d.name() + "  weight " + number(d.weight())
                    + (d.dealBreaker() ? "  deal-breaker" : "")
                    + "  levels " + String.join("/", d.levels().keySet())
                    + "  mandatory rules " + d.mandatoryRules().size());
        }
        out.println("aggregation: comment = weighted mean, sample = mean, deal-breaker floor "
                + (r.aggregation().dealBreakerFloor() ? "on" : "off"));
        if (!r.examples().isEmpty()) {
            out.println("fixed examples: " + r.examples().size() + " (in the system prompt)");
        }
        out.println("OK");
        out.flush();
        return CliRunner.OK;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
