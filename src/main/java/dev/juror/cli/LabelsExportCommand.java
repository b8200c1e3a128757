package dev.juror.cli;

import dev.juror.store.Workspace;
import dev.juror.workspace.labels.LabelPacks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror labels export --labeller NAME --out FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every label of one labeller (corrections included, in the order stored) to a JSONL",
                "label pack. Labels that came from another pack keep the time that pack declared and say where",
                "they came from (imported_from: its SHA-256, imported_by, imported_at).",
                "The file is written to a temporary file first and moved into place."})
public final class LabelsExportCommand implements Callable<Integer> {

    @Option(names = "--labeller", required = true, paramLabel = "NAME", description = "Whose labels to export.")
    String labeller;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The label pack to write (.jsonl).")
    Path out;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Workspace opened = workspace.open()) {
            LabelPacks packs = new LabelPacks(opened);
            var known = packs.labellers();
            if (!known.contains(labeller)) {
                throw new UserInputException("no labels by '" + labeller + "' in " + opened.directory()
                        + (known.isEmpty() ? "; this workspace has no labels yet" : "; labellers here: " + String.join(", ", known)));
            }
            int n = packs.export(labeller, out);
            spec.commandLine().getOut().println("Exported " + n + " labels of " + labeller + " to " + out);
        }
        return CliRunner.OK;
    }
}
