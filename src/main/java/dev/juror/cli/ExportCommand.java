package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror export ...}: the reward Lambda bundle, the judge prompt, Nova RFT training data. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "Export the reward Lambda bundle, the judge prompt or Nova RFT training data.",
        subcommands = {ExportLambdaCommand.class, ExportPromptCommand.class, ExportTrainingDataCommand.class})
public final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: juror export lambda | prompt | training-data");
    }
}
