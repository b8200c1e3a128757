package dev.juror.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the JavaFX workbench. A separate class keeps {@link dev.juror.Main} free of JavaFX.
 *
 * <p>A start that cannot open a window (no display, no GTK 3) ends with one sentence on standard
 * error and exit code 2, never a stack trace. Started as {@code java -jar juror.jar}, it runs the
 * workbench in a child JVM with JavaFX on the module path ({@link WorkbenchJvm}).
 */
public final class WorkbenchLauncher {

    /** Exit code of a start that cannot open a window, as for refused input on the command line. */
    static final int CANNOT_OPEN_WINDOW = 2;

    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        Optional<String> problem = DisplayProblem.beforeStart(System.getProperty("os.name"), System.getenv(),
                System.getProperty("glass.platform"));
        if (problem.isPresent()) {
            exitWith(problem.get());
        }
        Optional<List<String>> child = WorkbenchJvm.relaunchCommandForThisJvm(args);
        if (child.isPresent()) {
            System.exit(runChild(child.get()));
        }
        try {
            Application.launch(JurorApp.class, args);
        } catch (RuntimeException | LinkageError e) {
            exitWith(DisplayProblem.of(e));
        }
    }

    private static int runChild(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            // Ending this JVM (a signal, a service manager) ends the workbench with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "workbench-child-stop"));
            return process.waitFor();
        } catch (IOException e) {
            System.err.println("The workbench could not start its Java process (" + e.getMessage() + ").");
            return CANNOT_OPEN_WINDOW;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CANNOT_OPEN_WINDOW;
        }
    }

    private static void exitWith(String sentence) {
        System.err.println(sentence);
        System.exit(CANNOT_OPEN_WINDOW);
    }
}
