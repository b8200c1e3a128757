package dev.juror.cli;

import picocli.CommandLine.Command;

/** {@code juror labels import|export}: label packs for labelling on another desktop. */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = "Export a labeller's labels as a JSONL label pack, or merge a pack into this workspace.",
        subcommands = {LabelsExportCommand.class, LabelsImportCommand.class})
public final class LabelsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: import or export");
    }
}
