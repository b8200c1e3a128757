package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.store.LabelPackConflict;
import dev.juror.store.LabelPackException;
import dev.juror.store.LabelPackResult;
import dev.juror.store.LabelPacks;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code juror labels import FILE...}: merges label packs; idempotent; conflicts are listed, never hidden. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Merge label packs into this workspace. Labels already here (same uid) are skipped,",
                "so importing a pack twice changes nothing. Labels for rollouts this workspace lacks or holds",
                "with a different prediction are not imported and are listed; where the same labeller's latest",
                "score differs, both labels are kept, the newer counts, and the difference is listed."})
public final class LabelsImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Label packs (.jsonl).")
    List<Path> files;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print one JSON object per pack.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserInputException(f + ": no such file; give the path of a label pack (.jsonl)");
            }
        }
        try (Workspace opened = workspace.open()) {
            LabelPacks packs = new LabelPacks(opened);
            for (Path f : files) {
                LabelPackResult r;
                try {
                    r = packs.importPack(f);
                } catch (LabelPackException e) {
                    throw new UserInputException(e.getMessage(), e);
                }
                if (json) {
                    out.println(ReportJson.compact(new PackJson(f.toString(), r.read(), r.imported(), r.alreadyPresent(),
                            r.refused(), r.conflicts())));
                } else {
                    out.println(f + ": " + r.read() + " labels read, " + r.imported() + " imported, "
                            + r.alreadyPresent() + " already here, " + r.refused() + " not imported");
                    for (LabelPackConflict c : r.conflicts()) {
                        out.println("  " + c);
                    }
                }
            }
        }
        out.flush();
        return CliRunner.OK;
    }

    record PackJson(String file, int read, int imported, int already_present, long not_imported,
                    List<LabelPackConflict> conflicts) {
    }
}
