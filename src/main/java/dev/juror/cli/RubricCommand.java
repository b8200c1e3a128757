package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror rubric ...}: check and render rubric files. */
@Command(name = "rubric",
        mixinStandardHelpOptions = true,
        description = "Check a rubric file and preview the judge prompt it renders.",
        subcommands = {RubricCheckCommand.class, RubricRenderCommand.class})
public final class RubricCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: juror rubric check FILE | juror rubric render FILE");
    }
}
