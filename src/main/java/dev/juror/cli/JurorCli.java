package dev.juror.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the headless command line. Each command is a small class registered here. */
@Command(name = "juror",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Juror: author judge rubrics, import rollouts, calibrate judges, export rewards.")
public final class JurorCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see juror --help");
    }

    /**
     * Every command, in the order the help lists them. Registered in code rather than in the
     * {@code @Command} annotation so that a run builds the picocli model of its own command only:
     * building all of them (reflection over every option, and every command class initialised) was
     * about half a second of every command's start.
     */
    static final List<Class<?>> COMMANDS = List.of(
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
            BundleCommand.class,
            BudgetCommand.class,
            EstimateCommand.class,
            LabelsCommand.class,
            AnchorsCommand.class,
            QueueCommand.class,
            CalibrateCommand.class,
            AlignCommand.class,
            VerdictCommand.class,
            RegressCommand.class,
            WatchCommand.class,
            AotTrainingCommand.class);

    /** Runs the command line and returns the process exit code (2 on bad arguments). */
    public static int run(String... args) {
        return CliRunner.execute(new JurorCli(), args);
    }

    /**
     * The command line for these arguments: when the first one names a command, only that command
     * is registered (its help, options and errors are the same as in the full tree); otherwise
     * (help, version, a mistyped command that picocli will suggest a spelling for) all of them.
     */
    CommandLine commandLineFor(String... args) {
        CommandLine root = new CommandLine(this);
        Optional<Class<?>> named = args.length == 0 ? Optional.empty()
                : COMMANDS.stream().filter(c -> nameOf(c).equals(args[0])).findFirst();
        for (Class<?> command : named.map(List::<Class<?>>of).orElse(COMMANDS)) {
            root.addSubcommand(nameOf(command), command);
        }
        return root;
    }

    /** The full command tree, for the help and for tests that walk every command. */
    public static CommandLine fullCommandLine() {
        return new JurorCli().commandLineFor();
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
