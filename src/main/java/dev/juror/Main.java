package dev.juror;

import dev.juror.cli.JurorCli;

/**
 * Entry point of {@code juror.jar}: with no arguments it opens the workbench, with a command it
 * runs the command line. Kept free of JavaFX types so the command line never loads the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || onlyWorkbenchOptions(args)) {
            // Loaded by name so the JavaFX classes are only touched when the workbench is wanted.
            dev.juror.app.WorkbenchLauncher.launch(args);
            return;
        }
        System.exit(JurorCli.run(args));
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
