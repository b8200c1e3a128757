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
        if (args.length == 0) {
            // Loaded by name so the JavaFX classes are only touched when the workbench is wanted.
            dev.juror.app.WorkbenchLauncher.launch(args);
            return;
        }
        System.exit(JurorCli.run(args));
    }
}
