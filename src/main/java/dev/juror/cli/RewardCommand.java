package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror reward ...}: the composite reward's deterministic checks. */
@Command(name = "reward",
        mixinStandardHelpOptions = true,
        description = "Run the reward's deterministic checks on a prediction.",
        subcommands = {RewardCheckCommand.class})
public final class RewardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: juror reward check --rubric FILE --prediction FILE");
    }
}
