package dev.juror.cli;

import picocli.CommandLine.Command;

/** {@code juror queue create|list|show}: stored review queues (docs/workbench.md, Review queues). */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = {"Create a review queue (rollouts chosen by a strategy and handed to labellers), list the",
                "queues, or show how far each labeller is. The review desk offers the same queues."},
        subcommands = {QueueCreateCommand.class, QueueListCommand.class, QueueShowCommand.class})
public final class QueueCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list or show");
    }
}
