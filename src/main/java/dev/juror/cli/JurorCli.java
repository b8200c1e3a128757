package dev.juror.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the headless command line. Each command is a small class registered here. */
@Command(name = "juror",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Juror: author judge rubrics, import rollouts, calibrate judges, export rewards.",
        subcommands = {
                RubricCommand.class,
                AgreementCommand.class,
                LocateCommand.class,
                StatsCommand.class,
                ImportCommand.class,
                JudgeCommand.class,
                RunsCommand.class,
                RunCommand.class,
                RewardCommand.class,
                LambdaCommand.class,
                ExportCommand.class,
                BudgetCommand.class,
                LabelsCommand.class,
                AnchorsCommand.class,
                CalibrateCommand.class,
                VerdictCommand.class,
                RegressCommand.class,
                AotTrainingCommand.class,
        })
public final class JurorCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see juror --help");
    }

    /** Runs the command line and returns the process exit code (2 on bad arguments). */
    public static int run(String... args) {
        return CliRunner.execute(new JurorCli(), args);
    }
}
