package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror lambda ...}: run an exported reward Lambda package locally. */
@Command(name = "lambda",
        mixinStandardHelpOptions = true,
        description = "Run an exported reward Lambda package on this machine.",
        subcommands = {LambdaInvokeCommand.class})
public final class LambdaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: juror lambda invoke --package ZIP --event FILE");
    }
}
