package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code juror watch ...}: watch an RFT training run (docs/training-watch.md). */
@Command(name = "watch",
        mixinStandardHelpOptions = true,
        description = "Watch an RFT training run: import the reward Lambda's records and the trainer's metrics,"
                + " and checkpoint rollouts that experts label blind; report alarms.",
        subcommands = {WatchImportCommand.class, WatchRunsCommand.class, WatchCheckpointsCommand.class,
                WatchSampleCommand.class, WatchReportCommand.class})
public final class WatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: juror watch import --run NAME FILE... | juror watch runs"
                        + " | juror watch sample ... | juror watch checkpoints --run NAME | juror watch report --run NAME");
    }
}
