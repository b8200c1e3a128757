package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror run ...}: one judge run. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Inspect one judge run.",
        subcommands = {RunShowCommand.class})
public final class RunCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: juror run show ID");
    }
}
