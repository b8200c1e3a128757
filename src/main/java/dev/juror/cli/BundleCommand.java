package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror bundle ...}: check an exported prompt or Lambda bundle. */
@Command(name = "bundle",
        mixinStandardHelpOptions = true,
        description = "Check an exported prompt or reward Lambda bundle against its manifest and evidence.",
        subcommands = {BundleVerifyCommand.class})
public final class BundleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: juror bundle verify DIR|ZIP");
    }
}
