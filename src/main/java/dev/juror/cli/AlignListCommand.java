package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.Workspace;
import dev.juror.workspace.align.AlignStore;
import dev.juror.workspace.align.Experiment;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror align list [--json]}: the stored alignment rounds, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the alignment rounds, oldest first.")
public final class AlignListCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print a JSON array of the stored experiments.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Experiment> rounds;
        try (Workspace opened = workspace.open()) {
            rounds = new AlignStore(opened.directory()).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rounds));
        } else if (rounds.isEmpty()) {
            out.println("no alignment rounds yet; run one with juror align --rubric FILE --provider NAME");
        } else {
            String format = "%4s  %-24s %-14s %10s %6s %10s  %s%n";
            out.printf(format, "id", "rubric", "chosen", "candidates", "calls", "test uses", "new version");
            for (Experiment e : rounds) {
                out.printf(format, e.id(), e.rubric(), e.chosen().isEmpty() ? "(baseline)" : e.chosen(),
                        e.candidates().size(), e.calls(), e.testUses(), e.newVersion().isEmpty() ? "-" : e.newVersion());
            }
        }
        out.flush();
        return CliRunner.OK;
    }
}
