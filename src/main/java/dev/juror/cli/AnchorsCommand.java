package dev.juror.cli;

import picocli.CommandLine.Command;

/** {@code juror anchors freeze|list}: frozen, human-labelled anchor sets that drift is measured on. */
@Command(name = "anchors", mixinStandardHelpOptions = true,
        description = {"Freeze a rubric's current human labels as a named anchor set, or list the sets.",
                "calibrate --anchors NAME measures drift on a set; new labels do not move it."},
        subcommands = {AnchorsFreezeCommand.class, AnchorsListCommand.class})
public final class AnchorsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: freeze or list");
    }
}
