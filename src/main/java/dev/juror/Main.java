package dev.juror;

import dev.juror.cli.JurorCli;
import dev.juror.cli.StartupWarmUp;

/**
 * Entry point of {@code juror.jar}: with no arguments it opens the workbench, with a command it
 * runs the command line. Kept free of JavaFX types so the command line never loads the toolkit.
 *
 * <p>The installers ship two launchers over this one class. The command-line launcher
 * ({@code juror}) sets {@value #LAUNCHER_PROPERTY}={@value #CLI_LAUNCHER} so that typing
 * {@code juror} alone prints the help instead of opening a window.
 */
public final class Main {

    /** System property set by the installed command-line launcher (see packaging/). */
    public static final String LAUNCHER_PROPERTY = "juror.launcher";
    public static final String CLI_LAUNCHER = "cli";

    private Main() {
    }

    public static void main(String[] args) {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (opensWorkbench(args, launcher)) {
            // Loaded by name so the JavaFX classes are only touched when the workbench is wanted.
            int exit = dev.juror.app.WorkbenchLauncher.launch(args, System.err);
            if (exit != 0) {
                System.exit(exit);
            }
            return;
        }
        StartupWarmUp.startFor(args);
        System.exit(JurorCli.run(cliArguments(args)));
    }

    /**
     * The workbench opens for a start with no command (nothing, or only {@code --workspace} /
     * {@code --settings}) that did not come through the command-line launcher.
     */
    static boolean opensWorkbench(String[] args, String launcher) {
        return !CLI_LAUNCHER.equals(launcher) && (args.length == 0 || onlyWorkbenchOptions(args));
    }

    /** A bare start of the command-line launcher asks for the help text. */
    static String[] cliArguments(String[] args) {
        return args.length == 0 ? new String[] {"--help"} : args;
    }

    /** {@code juror --workspace DIR [--settings FILE]} opens the workbench on that workspace. */
    static boolean onlyWorkbenchOptions(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--workspace=") || arg.startsWith("--settings=")) {
                continue;
            }
            if ((arg.equals("--workspace") || arg.equals("--settings")) && i + 1 < args.length) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
