package dev.juror.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.AnchorSet;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror anchors list [--json]}: the frozen anchor sets, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the frozen anchor sets, oldest first.")
public final class AnchorsListCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Spec
    CommandSpec spec;

    record SetJson(String name, String rubric, @JsonProperty("rubric_version") String rubricVersion,
                   @JsonProperty("frozen_at") String frozenAt, int items, int labels, int labellers, String note) {

        static SetJson of(AnchorSet s) {
            return new SetJson(s.name(), s.rubricName(), s.rubricVersion(), s.frozenAt().toString(), s.items(),
                    s.labels(), s.labellers(), s.note());
        }
    }

    @Override
    public Integer call() throws Exception {
        List<AnchorSet> sets;
        try (Workspace opened = workspace.open()) {
            sets = new WorkspaceLookups(opened).anchorSets();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(sets.stream().map(SetJson::of).toList()));
        } else if (sets.isEmpty()) {
            out.println("no anchor sets yet; freeze one with juror anchors freeze --rubric FILE --name NAME");
        } else {
            int width = Math.max(4, sets.stream().mapToInt(s -> s.name().length()).max().orElse(0));
            String format = "%-" + width + "s  %-28s %-20s %6s %7s  %s%n";
            out.printf(format, "name", "rubric@version", "frozen at", "items", "labels", "labellers");
            for (AnchorSet s : sets) {
                out.printf(format, s.name(), s.rubricName() + "@" + s.rubricVersion(),
                        s.frozenAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                        s.items(), s.labels(), s.labellers());
            }
        }
        out.flush();
        return CliRunner.OK;
    }
}
