package dev.juror.cli;

import picocli.CommandLine.Command;

/** {@code juror labels list|import|export}: the labels here, and label packs for labelling on another desktop. */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = "List the labels (with whether each was given blind), export a labeller's labels as a JSONL"
                + " label pack, or merge a pack into this workspace.",
        subcommands = {LabelsListCommand.class, LabelsExportCommand.class, LabelsImportCommand.class})
public final class LabelsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, import or export");
    }
}
